import EntenteCore
import EntenteSession

/// What each seat may see: the one place that decides it. Every frame a seat is sent is
/// built from `project(_:for:)`, `seatTable(for:replaying:)` and `scenario(for:)`.
extension Table {
    /// Whether the seat sees everything: the facilitator and observers always, every seat
    /// once the facilitator has revealed the table.
    public func seesEverything(_ seat: TableSeat) -> Bool { seat.role.seesEverything || board.revealed }

    /// What `seatID` may see of `event`, or nil when it may see nothing of it. Call it on the
    /// table with the event applied.
    ///
    /// A delegation sees proposals addressed to it or its own, and what happens to them;
    /// its own responses, and others' once the round closes (or at once under open voting);
    /// messages from or to it; injects it was told of, with the figures of a stance edit only
    /// for its own stance; and every round change, broadcast, seat change, agreement and the
    /// reveal.
    public func project(_ event: TableEvent, for seatID: String) -> SeatEvent? {
        guard let seat = seat(seatID) else { return nil }
        if seesEverything(seat) { return SeatEvent(at: event.at, event.fact) }
        let fact: TableFact?
        switch event.fact {
        case .roundStarted, .roundPaused, .roundResumed, .roundExtended, .seatReassigned, .seatReset, .broadcast, .revealed, .agreementReached:
            fact = event.fact
        case .roundClosed(let round, let unsealed):
            fact = .roundClosed(round: round, unsealed: unsealed.filter { sees(proposal: $0.proposal, seat) })
        case .proposed(let proposal):
            fact = sees(proposal, seat) ? event.fact : nil
        case .withdrawn(let id), .voteCalled(let id):
            fact = sees(proposal: id, seat) ? event.fact : nil
        case .responded(let response):
            let shown = response.seat == seat.id || (setup.voting == .open && sees(proposal: response.proposal, seat))
            fact = shown ? event.fact : nil
        case .messaged(let message):
            fact = message.from == seat.id || message.to.includes(seat.id) ? event.fact : nil
        case .futureInjected(_, _, let audience):
            fact = audience.includes(seat.id) ? event.fact : nil
        case .actorEdited(let actor, _, let audience):
            if seat.actor == actor {
                fact = event.fact
            } else {
                fact = audience.includes(seat.id) ? .actorEdited(actor: actor, edit: nil, to: audience) : nil
            }
        }
        return fact.map { SeatEvent(at: event.at, $0) }
    }

    /// The scenario as `seatID` may see it now: the one in force for a seat that sees
    /// everything; for a delegation, the setup's with the injects it was told of, through
    /// its own eyes (`Scenario.seen(by:)`). Nil for a seat the table does not have.
    public func scenario(for seatID: String) -> Scenario? {
        guard let seat = seat(seatID) else { return nil }
        if seesEverything(seat) { return scenario }
        guard let actor = seat.actor else { return nil }
        let known = injects.filter { $0.reaches(seat) }.reduce(setup.scenario) { $1.applied(to: $0) ?? $0 }
        return known.seen(by: actor)
    }

    /// The seat's view after `events` (the whole log, in order), each projected on the table
    /// as it stood once the event was applied: a joining seat's snapshot.
    public static func seatTable(for seatID: String, setup: TableSetup, replaying events: some Sequence<TableEvent>) -> SeatTable {
        var table = Table(setup: setup)
        var view = SeatTable(seat: seatID, setup: setup)
        for event in events {
            table.apply(event)
            if let seen = table.project(event, for: seatID) { view.apply(seen) }
        }
        return view
    }

    private func sees(_ proposal: Proposal, _ seat: TableSeat) -> Bool {
        proposal.author == seat.id || proposal.to.includes(seat.id)
    }

    private func sees(proposal id: Int, _ seat: TableSeat) -> Bool {
        board.proposal(id).map { sees($0.proposal, seat) } ?? false
    }
}
