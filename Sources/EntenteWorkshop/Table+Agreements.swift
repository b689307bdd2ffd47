import EntenteCore

extension Table {
    /// The actors who accept a proposal as the table knows it: its author's, and those of the
    /// seats whose last answer is to accept, in scenario order.
    public func acceptingActors(of id: Int) -> [String] {
        guard let state = board.proposal(id) else { return [] }
        let accepting = Set([state.proposal.actor] + state.accepted.compactMap { seat($0)?.actor })
        return scenario.actors.map(\.id).filter(accepting.contains)
    }

    /// Whether these actors form a viable coalition under the rules in force (every rule
    /// holds for them as the coalition), by the engine's own evaluation.
    public func isViable(_ members: [String]) -> Bool {
        let indices = members.compactMap(scenario.actorIndex)
        guard !indices.isEmpty else { return false }
        return evaluator.rulesHold(for: ActorSet(capacity: scenario.actors.count, members: indices))
    }

    /// `agreementReached` for each of these open proposals whose accepting actors are viable.
    func agreements(among proposals: [Int], at time: Double) -> [TableEvent] {
        var events: [TableEvent] = []
        for id in proposals {
            guard let state = board.proposal(id), state.status == .open else { continue }
            let members = acceptingActors(of: id)
            guard isViable(members) else { continue }
            let agreement = Agreement(id: board.agreements.count + events.count + 1, proposal: id, package: state.proposal.package, members: members, round: board.round)
            events.append(TableEvent(at: time, .agreementReached(agreement)))
        }
        return events
    }
}
