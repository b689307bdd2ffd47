import EntenteCore
import EntenteSession
import EntenteWorkshop

/// The workshop table: what the server sent (through the host), and the seat's moves, each
/// of which becomes a command for the server (`Effect.table`). The server decides whether
/// the seat may; the checks here only spare a round trip and say why in plain words.
func updateWorkshop(_ state: inout AppState, _ action: WorkshopAction) -> [Effect] {
    if case .joined(let seat, let table) = action {
        if state.workshop == nil {
            state.workshop = WorkshopState(seat: seat, table: table)
            state.screen = .table
            state.message = "joined the table as \(seat.id)" + (seat.actor.map { " (\(actorName($0, state)))" } ?? "") + "; \(Keymap.key(.toggleHelp, on: .table)) lists the keys"
        } else {
            state.message = "back at the table"
        }
        state.workshop?.rejoin(seat: seat, table: table, scenario: state.view.today)
        return debriefEffects(state)
    }
    guard var workshop = state.workshop else {
        // The line's state before the first welcome is the welcome's to report.
        if case .link = action { return [] }
        state.message = "that is for a workshop table: entente join URL CODE"
        return []
    }
    defer { state.workshop = workshop }
    let facilitatorOnly = "that is the facilitator's to do"
    switch action {
    case .joined:
        break
    case .event(let event):
        workshop.apply(event, scenario: state.view.today)
        if let notice = notice(event.fact, workshop, state) { state.message = notice }
        state.workshop = workshop
        return debriefEffects(state)
    case .acknowledged(let pending):
        workshop.pending = pending
    case .refused(let text, let pending):
        workshop.pending = pending
        state.message = text
    case .link(let status):
        workshop.link = status
        if case .closed(let reason) = status { state.message = reason }
    case .tick(let time):
        workshop.now = max(workshop.now, time)
    case .debriefReady(let text):
        workshop.debrief = text
    case .selectProposal(let step):
        workshop.selected = min(max(0, workshop.table.proposals.count - 1), max(0, workshop.selected + step))
    case .scrollMessages(let step) where workshop.showDebrief:
        workshop.debriefScroll = max(0, workshop.debriefScroll - step)
    case .scrollMessages(let step):
        workshop.messageScroll = max(0, min(workshop.table.messages.count + workshop.table.notices.count, workshop.messageScroll + step))
    case .propose(let seats):
        guard !workshop.isFacilitator else { state.message = "the facilitator does not propose; a delegation does"; break }
        guard let audience = audience(seats, workshop, &state) else { break }
        state.message = "proposing \(packageText(state)) to \(audienceText(audience))…"
        return [.table(.propose(package: TablePackage(state.package, in: state.view.today), to: audience, counterTo: nil))]
    case .counter(let seats):
        guard !workshop.isFacilitator else { state.message = "the facilitator does not propose; a delegation does"; break }
        guard let answered = proposal(nil, workshop, &state) else { break }
        let addressed: Audience
        if let seats {
            guard let named = audience(seats, workshop, &state) else { break }
            addressed = named
        } else {
            addressed = counterAudience(answered.proposal, me: workshop.seat.id)
        }
        state.message = "countering #\(answered.proposal.id) with \(packageText(state))…"
        return [.table(.propose(package: TablePackage(state.package, in: state.view.today), to: addressed, counterTo: answered.proposal.id))]
    case .withdraw(let number):
        guard let chosen = proposal(number, workshop, &state) else { break }
        guard chosen.proposal.author == workshop.seat.id else { state.message = "only its author withdraws #\(chosen.proposal.id)"; break }
        return [.table(.withdraw(proposal: chosen.proposal.id))]
    case .respond(let answer, let number):
        guard !workshop.isFacilitator else { state.message = "the delegations answer proposals; the facilitator calls votes (\(Keymap.key(.workshop(.callVote(nil)), on: .table)))"; break }
        guard let chosen = proposal(number, workshop, &state) else { break }
        let sealed = workshop.table.voting == .sealed ? " (sealed until the round closes)" : ""
        state.message = "\(answer == .accept ? "accepting" : "rejecting") #\(chosen.proposal.id)\(sealed)…"
        return [.table(.respond(proposal: chosen.proposal.id, answer: answer))]
    case .callVote(let number):
        guard workshop.isFacilitator else { state.message = facilitatorOnly; break }
        guard let chosen = proposal(number, workshop, &state) else { break }
        return [.table(.callVote(proposal: chosen.proposal.id))]
    case .build(let number):
        guard let chosen = proposal(number, workshop, &state) else { break }
        guard let package = workshop.standings[chosen.proposal.id]?.package else {
            state.message = "#\(chosen.proposal.id) names options this scenario does not have"
            break
        }
        state.screen = .builder
        return [.session(.workspace(.build(package)))]
    case .message(let seats, let text):
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { state.message = "a message needs some text"; break }
        guard let audience = audience(seats, workshop, &state) else { break }
        return [.table(.message(to: audience, text: text))]
    case .control(let command):
        guard workshop.isFacilitator || !command.isFacilitators else { state.message = facilitatorOnly; break }
        return [.table(command)]
    case .togglePause:
        guard workshop.isFacilitator else { state.message = facilitatorOnly; break }
        switch workshop.table.phase {
        case .idle: state.message = "no round is under way; \(Keymap.workbench.keyLabel(for: .workshop(.control(.startRound(seconds: nil))), on: .table)) starts one"
        case .running: return [.table(.pause)]
        case .paused: return [.table(.resume)]
        }
    case .inject(let future, let seats):
        guard workshop.isFacilitator else { state.message = facilitatorOnly; break }
        guard state.view.today.futures.contains(where: { $0.id == future }) else {
            state.message = "unknown future '\(future)'; expected one of: \(state.view.today.futures.map(\.id).joined(separator: ", "))"
            break
        }
        guard let audience = audience(seats, workshop, &state) else { break }
        return [.table(.injectFuture(future: future, to: audience))]
    case .announceEdits(let on):
        guard workshop.isFacilitator else { state.message = facilitatorOnly; break }
        workshop.announceEdits = on
        state.message = on ? "stance edits are told to everyone (the figures only to the actor's seat)" : "stance edits are told only to the actor's seat"
    case .toggleDebrief:
        guard workshop.isFacilitator else { state.message = "the debrief is the facilitator's until the reveal; entente debrief --for SEAT shows yours"; break }
        workshop.showDebrief.toggle()
        workshop.debriefScroll = 0
        state.workshop = workshop
        return debriefEffects(state)
    }
    return []
}

/// The facilitator's debrief is prepared again whenever it is on screen and the table moved.
private func debriefEffects(_ state: AppState) -> [Effect] {
    guard let workshop = state.workshop, workshop.isFacilitator, workshop.showDebrief, state.screen == .table else { return [] }
    return [.prepareDebrief]
}

/// A stance edit of the facilitator's, for the server; nil (with the reason in the status
/// bar) when the edit is not one the table takes or the seat may not make it.
func workshopEdit(_ state: inout AppState, _ edit: ScenarioEdit) -> [Effect] {
    guard let workshop = state.workshop else { return [] }
    guard workshop.isFacilitator else {
        state.message = "at a workshop table your stance is the scenario's; the facilitator may change it"
        return []
    }
    let stance: (String, StanceEdit)? = switch edit {
    case .salience(let actor, let issue, let salience): (actor, .salience(issue: issue, salience: salience))
    case .value(let actor, let issue, let option, let value): (actor, .value(issue: issue, option: option, value: value))
    case .redLine(let actor, let issue, let option, let on): (actor, .redLine(issue: issue, option: option, on: on))
    case .addLink(let actor, let link): (actor, .addLink(link: LinkTerms(link)))
    case .dropLink(let actor, let index): (actor, .dropLink(index: index))
    default: nil
    }
    guard let (actor, change) = stance else {
        state.message = "at a workshop table the issues are fixed by its setup; only an actor's stance can be changed (an inject)"
        return []
    }
    let audience: Audience = workshop.announceEdits ? .everyone : .seats(workshop.table.seats.filter { $0.actor == actor }.map(\.id))
    state.message = "changing \(actor)'s stance (told to \(audienceText(audience)))…"
    return [.table(.editActor(actor: actor, edit: change, to: audience))]
}

/// The proposal numbered, or the one under the cursor; nil (with the reason) when there is none.
private func proposal(_ number: Int?, _ workshop: WorkshopState, _ state: inout AppState) -> ProposalState? {
    if let number {
        guard let found = workshop.table.proposal(number) else {
            state.message = "there is no proposal #\(number) on your table"
            return nil
        }
        return found
    }
    guard let current = workshop.current else {
        state.message = "no proposal on the table yet"
        return nil
    }
    return current
}

/// The audience named by seat ids (nil: everyone), or nil with the reason when an id names no seat.
private func audience(_ seats: [String]?, _ workshop: WorkshopState, _ state: inout AppState) -> Audience? {
    guard let seats else { return .everyone }
    let known = workshop.table.seats.map(\.id)
    if let unknown = seats.first(where: { !known.contains($0) }) {
        state.message = "no seat '\(unknown)' at this table; expected one of: \(known.filter { $0 != workshop.seat.id }.joined(separator: ", "))"
        return nil
    }
    return seats.isEmpty ? .everyone : .seats(seats)
}

/// A counter-proposal goes to whoever saw the proposal it answers: everyone, or its author
/// and its addressees.
private func counterAudience(_ answered: Proposal, me: String) -> Audience {
    switch answered.to {
    case .everyone: return .everyone
    case .seats(let seats): return .seats(([answered.author] + seats).filter { $0 != me }.reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
    }
}

func audienceText(_ audience: Audience) -> String {
    switch audience {
    case .everyone: "everyone"
    case .seats(let seats): seats.joined(separator: ", ")
    }
}

private func packageText(_ state: AppState) -> String {
    let text = TablePackage(state.package, in: state.view.today).text
    return DisplayWidth.truncate(text, to: 40)
}

private func actorName(_ id: String, _ state: AppState) -> String {
    state.view.today.actorIndex(id).map { state.view.today.actors[$0].name } ?? id
}

/// What the status bar says of an event that the seat should not miss.
private func notice(_ fact: TableFact, _ workshop: WorkshopState, _ state: AppState) -> String? {
    switch fact {
    case .agreementReached(let agreement):
        "agreement \(agreement.id) reached on #\(agreement.proposal): \(agreement.members.joined(separator: ", "))"
    case .roundStarted(let round, _): "round \(round) started"
    case .roundClosed(let round, _): "round \(round) closed"
    case .roundPaused: "the round is paused"
    case .roundResumed: "the round goes on"
    case .broadcast(let text): "facilitator: " + text
    case .voteCalled(let id): "the facilitator calls a vote on #\(id)"
    case .futureInjected(_, let name, _): "in force now: " + name
    case .actorEdited(let actor, _, _): actor == workshop.seat.actor ? "the facilitator changed your stance (\(Keymap.key(.show(.interests), on: .table)) shows it)" : "the facilitator changed \(actor)'s stance"
    case .revealed: "the facilitator revealed everything: every stance and answer is shown"
    case .seatReset(let seat) where seat == workshop.seat.id: "your seat was reset"
    case .proposed(let proposal) where proposal.author == workshop.seat.id: "proposed #\(proposal.id)"
    case .withdrawn(let id): "#\(id) was withdrawn"
    default: nil
    }
}
