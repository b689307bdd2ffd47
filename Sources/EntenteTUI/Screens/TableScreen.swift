import EntenteCore
import EntenteWorkshop

/// The workshop table as this seat may see it: the round and its clock, the proposals on
/// the table with their status and the seat's own answers, the selected proposal's package
/// and what the seat may know of its effect, the messages, the facilitator's notices and
/// the agreements. For the facilitator, `d` swaps the table for the live debrief.
///
/// Everything drawn comes from `WorkshopState`, which holds only what the server sent this
/// seat; text typed by other seats goes through `TerminalText.escaped` before it is wrapped.
enum TableScreen {
    static func draw(_ state: AppState, into grid: inout Grid, top: Int, height: Int) {
        guard let workshop = state.workshop else {
            grid.put("Not at a workshop table: entente join URL CODE joins one.", x: 1, y: top, style: Style(role: .muted))
            return
        }
        let width = grid.width - 2
        drawHeader(workshop, state, into: &grid, x: 1, y: top, width: width)
        let body = top + 2, rows = height - 2
        guard rows > 2 else { return }
        if workshop.showDebrief {
            drawDebrief(workshop, into: &grid, x: 1, top: body, width: width, height: rows)
            return
        }
        if width >= 80 {
            let left = width * 11 / 20
            drawProposals(workshop, state, into: &grid, x: 1, top: body, width: left - 1, height: rows)
            for y in body..<(body + rows) { grid.put("│", x: left + 1, y: y, style: Style(role: .muted)) }
            drawTalk(workshop, state, into: &grid, x: left + 3, top: body, width: width - left - 2, height: rows)
        } else {
            let upper = rows * 3 / 5
            drawProposals(workshop, state, into: &grid, x: 1, top: body, width: width, height: upper)
            drawTalk(workshop, state, into: &grid, x: 1, top: body + upper, width: width, height: rows - upper)
        }
    }

    // MARK: The round and the line

    /// `Round 2 · 4:12 left · sealed answers` on the left; the seat and its line on the right.
    private static func drawHeader(_ workshop: WorkshopState, _ state: AppState, into grid: inout Grid, x: Int, y: Int, width: Int) {
        let table = workshop.table
        var round = table.round == 0 ? "Before the first round" : "Round \(table.round)"
        switch table.phase {
        case .idle where table.round > 0: round += " · closed"
        case .idle: break
        case .running: round += " · " + clock(table.remaining(at: workshop.now) ?? 0) + " left"
        case .paused(let remaining): round += " · paused, " + clock(remaining) + " left"
        }
        round += table.voting == .sealed ? " · sealed answers" : " · open answers"
        if table.revealed { round += " · revealed" }
        let used = grid.put(round, x: x, y: y, style: Style(bold: true, role: .title), limit: width)
        let who = workshop.seat.actor.map { actor in
            state.scenario.actorIndex(actor).map { "\(workshop.seat.id) · \(TerminalText.escaped(state.scenario.actors[$0].name))" } ?? actor
        } ?? (workshop.seat.id == "facilitator" ? "facilitator" : "\(workshop.seat.id) · facilitator")
        let line = linkText(workshop)
        let right = DisplayWidth.truncate(who + " · " + line.text, to: max(0, width - used - 2))
        grid.put(right, x: x + width - DisplayWidth.of(right), y: y, style: line.style, limit: width - used)
    }

    /// m:ss (h:mm:ss from an hour), rounded up so 0:00 means the time is up.
    static func clock(_ seconds: Double) -> String {
        let total = Int(max(0, seconds).rounded(.up))
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(rest))" : "\(minutes):\(two(rest))"
    }

    private static func linkText(_ workshop: WorkshopState) -> (text: String, style: Style) {
        let sending = workshop.pending > 0 ? " · \(workshop.pending) sending" : ""
        switch workshop.link {
        case .connecting: return ("connecting…", Style(role: .muted))
        case .connected: return ("connected" + sending, Style(role: .good))
        case .reconnecting(let reason, let retry):
            return ("reconnecting in \(Figures.fixed(retry, 1)) s (\(TerminalText.escaped(reason)))" + sending, Style(bold: true, role: .bad))
        case .closed(let reason): return ("closed: " + TerminalText.escaped(reason), Style(bold: true, role: .bad))
        }
    }

    // MARK: Proposals

    /// The proposals, newest first, then the selected one in full.
    private static func drawProposals(_ workshop: WorkshopState, _ state: AppState, into grid: inout Grid, x: Int, top: Int, width: Int, height: Int) {
        let listed = workshop.listed
        grid.put("Proposals" + (listed.isEmpty ? "" : " (\(listed.count), newest first)"), x: x, y: top, style: Style(bold: true, role: .accent), limit: width)
        guard !listed.isEmpty else {
            let hint = workshop.isFacilitator
                ? "None yet. \(Keymap.key(.workshop(.control(.startRound(seconds: nil))), on: .table)) starts a round; the delegations propose from their builders."
                : "None yet. Build a package (\(Keymap.key(.show(.builder), on: .table))), then \(Keymap.key(.workshop(.propose(to: nil)), on: .table)) puts it on the table."
            grid.putWrapped(hint, x: x, y: top + 1, width: width, style: Style(role: .muted))
            return
        }
        let detail = detailLines(workshop, state, width: width)
        let rows = max(1, min(listed.count, height - 2 - min(detail.count, height / 2)))
        let first = Scrolling.first(selected: workshop.selected, count: listed.count, rows: rows)
        for (offset, proposal) in listed.dropFirst(first).prefix(rows).enumerated() {
            let selected = first + offset == workshop.selected
            let y = top + 1 + offset
            let style = Style(bold: selected, reverse: selected)
            if selected { grid.paint(y: y, from: x, to: x + width, style: style) }
            grid.put(row(proposal, workshop), x: x, y: y, style: style, limit: width)
        }
        let detailTop = top + 2 + rows
        for (offset, line) in detail.prefix(max(0, top + height - detailTop)).enumerated() {
            grid.put(line.text, x: x, y: detailTop + offset, style: line.style, limit: width)
        }
    }

    /// `#3 eu → everyone  open  you: accept  2 accept`.
    static func row(_ state: ProposalState, _ workshop: WorkshopState) -> String {
        let proposal = state.proposal
        var text = "#\(proposal.id) \(name(proposal.author, workshop)) → \(audience(proposal.to, workshop))"
        if let counter = proposal.counterTo { text += " (re #\(counter))" }
        switch state.status {
        case .open: text += state.voteCalled ? " · vote called" : " · open"
        case .withdrawn: text += " · withdrawn"
        case .agreed(let agreement): text += " · agreement \(agreement)"
        }
        if let mine = state.responses[workshop.seat.id] { text += " · you: \(mine.rawValue)" }
        let accepts = state.accepted.filter { $0 != workshop.seat.id }.count
        if accepts > 0 { text += " · \(accepts) other\(accepts == 1 ? "" : "s") accept" }
        return text
    }

    /// The selected proposal: its package, what the seat may know of its effect, the answers.
    static func detailLines(_ workshop: WorkshopState, _ state: AppState, width: Int) -> [(text: String, style: Style)] {
        guard let current = workshop.current else { return [] }
        let proposal = current.proposal
        let scenario = state.scenario
        var lines: [(String, Style)] = []
        var heading = "#\(proposal.id), round \(proposal.round), by \(name(proposal.author, workshop))"
        if let counter = proposal.counterTo { heading += ", countering #\(counter)" }
        lines.append((heading, Style(bold: true, role: .accent)))
        let standing = workshop.standings[proposal.id]
        if let package = standing?.package {
            let changes = scenario.issues.indices.filter { package.choices[$0] != scenario.issues[$0].statusQuoIndex }
            if changes.isEmpty { lines.append(("  the status quo on every issue", Style())) }
            for index in changes {
                let issue = scenario.issues[index]
                let text = "  " + TerminalText.escaped(issue.ownName) + ": " + TerminalText.escaped(issue.options[package.choices[index]].name)
                lines.append((DisplayWidth.truncate(text, to: width), Style()))
            }
        } else {
            lines.append(("  " + TerminalText.escaped(proposal.package.text), Style()))
        }
        if let standing, standing.viable == nil, let own = standing.gains.first {
            lines.append(("  Your gain " + Figures.signed(own.gain, 1) + (own.joins ? ": you would join" : ": not enough for you"),
                          Style(bold: true, role: own.joins ? .good : .bad)))
        } else if let standing, let viable = standing.viable {
            let gains = standing.gains.map { "\(scenario.actors[$0.actor].id) \(Figures.signed($0.gain, 1))" }.joined(separator: ", ")
            lines += TextWrap.wrap("Gains: " + gains, width: max(10, width - 2), first: "  ", rest: "    ").map { ($0, Style()) }
            lines.append(("  " + (viable ? "viable with everyone who gains" : "not viable even with everyone who gains"), Style(role: viable ? .good : .bad)))
        }
        let answers = current.responses.keys.sorted().map { "\(name($0, workshop)) \(current.responses[$0]!.rawValue)" }
        // Answers stay sealed while the round the proposal was made in goes on; its close shows them.
        let roundGoesOn = current.proposal.round == workshop.table.round && workshop.table.phase != .idle
        let sealed = workshop.table.voting == .sealed && !workshop.table.revealed && !workshop.isFacilitator && roundGoesOn
        let answered = answers.isEmpty ? (sealed ? "none shown; sealed until the round closes" : "none yet") : answers.joined(separator: ", ")
            + (sealed ? " (others sealed until the round closes)" : "")
        lines += TextWrap.wrap("Answers: " + answered, width: max(10, width - 2), first: "  ", rest: "    ").map { ($0, Style(role: .muted)) }
        return lines
    }

    // MARK: Messages, notices, agreements

    private static func drawTalk(_ workshop: WorkshopState, _ state: AppState, into grid: inout Grid, x: Int, top: Int, width: Int, height: Int) {
        let agreements = workshop.table.agreements.suffix(3).map { agreement in
            "\(agreement.id): #\(agreement.proposal) (round \(agreement.round)) " + agreement.members.joined(separator: ", ")
        }
        let agreementRows = agreements.isEmpty ? 0 : agreements.count + 2
        let talk = talkLines(workshop, width: width)
        let rows = max(1, height - 1 - agreementRows)
        let end = max(0, talk.count - workshop.messageScroll)
        let shown = talk[max(0, end - rows)..<end]
        let more = workshop.messageScroll > 0 ? " (scrolled back; \(Keymap.key(.workshop(.scrollMessages(-5)), on: .table)): newer)" : ""
        grid.put("Messages" + more, x: x, y: top, style: Style(bold: true, role: .accent), limit: width)
        if talk.isEmpty {
            grid.putWrapped("None yet. \(Keymap.key(.editing(.prompt(.text("tell "))), on: .table)) messages seats privately, \(Keymap.key(.editing(.prompt(.text("say "))), on: .table)) speaks to everyone.", x: x, y: top + 1, width: width, style: Style(role: .muted))
        }
        for (offset, line) in shown.enumerated() { grid.put(line.text, x: x, y: top + 1 + offset, style: line.style, limit: width) }
        guard agreementRows > 0 else { return }
        let agreementTop = top + height - agreementRows + 1
        grid.put("Agreements", x: x, y: agreementTop, style: Style(bold: true, role: .good), limit: width)
        for (offset, line) in agreements.enumerated() { grid.put("  " + line, x: x, y: agreementTop + 1 + offset, limit: width) }
    }

    /// Messages and the facilitator's notices, oldest first, wrapped: `us → you: …`.
    static func talkLines(_ workshop: WorkshopState, width: Int) -> [(text: String, style: Style)] {
        var lines: [(String, Style)] = []
        for message in workshop.table.messages {
            let head = "\(name(message.from, workshop)) → \(audience(message.to, workshop)): "
            let style = message.to == .everyone ? Style() : Style(role: .accent)
            lines += TextWrap.wrap(head + TerminalText.escaped(message.text), width: max(10, width), first: "", rest: "  ").map { ($0, style) }
        }
        for notice in workshop.table.notices {
            guard let text = noticeText(notice.fact, workshop) else { continue }
            lines += TextWrap.wrap("» " + text, width: max(10, width), first: "", rest: "  ").map { ($0, Style(bold: true, role: .title)) }
        }
        return lines
    }

    private static func noticeText(_ fact: TableFact, _ workshop: WorkshopState) -> String? {
        switch fact {
        case .broadcast(let text): "facilitator: " + TerminalText.escaped(text)
        case .voteCalled(let id): "vote called on #\(id)"
        case .futureInjected(_, let name, let to): "in force now: " + TerminalText.escaped(name) + (to == .everyone ? "" : " (told to \(audience(to, workshop)))")
        case .actorEdited(let actor, _, _): actor == workshop.seat.actor ? "your stance was changed (\(Keymap.key(.show(.interests), on: .table)) shows it)" : "\(actor)'s stance was changed"
        case .seatReassigned(let seat, let player): "\(name(seat, workshop)) is played by \(player == .engine ? "the engine" : "a person")"
        case .seatReset(let seat): "\(name(seat, workshop)) was given a new code"
        case .revealed: "everything is revealed"
        default: nil
        }
    }

    // MARK: The facilitator's debrief

    private static func drawDebrief(_ workshop: WorkshopState, into grid: inout Grid, x: Int, top: Int, width: Int, height: Int) {
        guard let text = workshop.debrief else {
            grid.put("Preparing the debrief…", x: x, y: top, style: Style(role: .muted))
            return
        }
        let lines = TerminalText.escapedLines(text).split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { TextWrap.wrap(String($0), width: max(10, width), first: "", rest: "  ") }
        let first = min(workshop.debriefScroll, max(0, lines.count - height + 1))
        let more = lines.count > height - 1 ? " (\(first + 1)–\(min(lines.count, first + height - 1)) of \(lines.count), \(Keymap.pair(.workshop(.scrollMessages(5)), .workshop(.scrollMessages(-5)), on: .table)))" : ""
        grid.put("Debrief so far" + more + " · \(Keymap.key(.workshop(.toggleDebrief), on: .table)): back to the table", x: x, y: top, style: Style(bold: true, role: .accent), limit: width)
        for (offset, line) in lines.dropFirst(first).prefix(height - 1).enumerated() {
            grid.put(line, x: x, y: top + 1 + offset, limit: width)
        }
    }

    // MARK: Names

    /// A seat as the screen names it: "you" for this seat, else its id.
    private static func name(_ seat: String, _ workshop: WorkshopState) -> String {
        seat == workshop.seat.id ? "you" : TerminalText.escaped(seat)
    }

    private static func audience(_ audience: Audience, _ workshop: WorkshopState) -> String {
        switch audience {
        case .everyone: "everyone"
        case .seats(let seats): seats.map { name($0, workshop) }.joined(separator: ", ")
        }
    }
}
