import EntenteCore

/// One line of a table's timeline for each fact, as the debrief and the facilitator's
/// transcript write it. It writes only what the fact holds, so a seat's line tells it no
/// more than its projected event.
public enum TimelineText {
    public static func line(for fact: TableFact) -> String {
        switch fact {
        case .roundStarted(let round, _): "round \(round) starts"
        case .roundPaused(let round, let remaining): "round \(round) paused with \(clock(remaining)) left"
        case .roundResumed(let round, _): "round \(round) resumes"
        case .roundExtended(let round, let seconds, _): "round \(round) extended by \(clock(seconds))"
        case .roundClosed(let round, let unsealed):
            "round \(round) closes" + (unsealed.isEmpty ? "" : "; sealed responses shown: " + unsealed.map { "\($0.seat) \(verb($0.answer)) #\($0.proposal)" }.joined(separator: ", "))
        case .proposed(let proposal):
            "#\(proposal.id) \(proposal.author) proposes to \(audience(proposal.to)): \(proposal.package.text)" + (proposal.counterTo.map { " (counter to #\($0))" } ?? "")
        case .withdrawn(let id): "#\(id) withdrawn"
        case .responded(let response): "\(response.seat) \(verb(response.answer)) #\(response.proposal)"
        case .voteCalled(let id): "vote called on #\(id)"
        case .messaged(let message): "\(message.from) to \(audience(message.to)): \(message.text)"
        case .futureInjected(_, let name, let to): "future in force: \(name) (told: \(audience(to)))"
        case .actorEdited(let actor, let edit?, let to): "\(actor)'s stance: \(describe(edit)) (told: \(audience(to)))"
        case .actorEdited(let actor, nil, _): "\(actor)'s stance changed"
        case .seatReassigned(let seat, let player): "\(seat) is now played by \(player == .engine ? "the engine" : "a person")"
        case .seatReset(let seat): "\(seat)'s join code replaced"
        case .broadcast(let text): "facilitator to all: \(text)"
        case .revealed: "the facilitator reveals every stance"
        case .agreementReached(let agreement): "AGREEMENT \(agreement.id) on #\(agreement.proposal): \(agreement.members.joined(separator: ", ")) agree to \(agreement.package.text)"
        }
    }

    static func verb(_ answer: Answer) -> String { answer == .accept ? "accepts" : "rejects" }

    static func audience(_ audience: Audience) -> String {
        switch audience {
        case .everyone: "everyone"
        case .seats(let seats): seats.joined(separator: ", ")
        }
    }

    static func describe(_ edit: StanceEdit) -> String {
        switch edit {
        case .salience(let issue, let salience): "salience of \(issue) \(Figures.fixed(salience))"
        case .value(let issue, let option, let value): "\(issue)=\(option) worth \(Figures.fixed(value, 0))"
        case .redLine(let issue, let option, let on): "\(on ? "red line on" : "no red line on") \(issue)=\(option)"
        case .addLink(let link): "link added, \(Figures.signed(link.points, 0)) when " + link.when.map { "\($0.issue)=\($0.options.joined(separator: "|"))" }.joined(separator: " and ")
        case .dropLink(let index): "link \(index + 1) dropped"
        }
    }

    /// Seconds as m:ss.
    public static func clock(_ seconds: Double) -> String {
        let whole = Int(max(0, seconds).rounded())
        let rest = whole % 60
        return "\(whole / 60):\(rest < 10 ? "0" : "")\(rest)"
    }
}
