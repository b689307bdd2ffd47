import EntenteCore

/// The engine at a delegation nobody plays: it accepts a proposal addressed to it exactly
/// when its actor gains more than its margin under the package and hits no red line of its
/// own (the engine's "joins"), in the scenario in force, and rejects it otherwise.
public enum EngineSeat {
    /// The responses the engine-played seats owe at `time`: for each open proposal an
    /// engine seat may answer, its answer when it has none yet or the scenario changed it.
    /// Nothing outside a running round.
    public static func commands(for table: Table, at time: Double) -> [(seat: String, command: TableCommand)] {
        guard case .running(let deadline) = table.board.phase, time < deadline else { return [] }
        var commands: [(seat: String, command: TableCommand)] = []
        for state in table.board.proposals where state.status == .open {
            guard let package = try? state.proposal.package.package(in: table.scenario) else { continue }
            let evaluation = table.evaluator.evaluate(package)
            for seat in table.seats where seat.player == .engine && seat.id != state.proposal.author && state.proposal.to.includes(seat.id) {
                guard let actor = seat.actor.flatMap(table.scenario.actorIndex) else { continue }
                let answer: Answer = evaluation.coalition.contains(actor) ? .accept : .reject
                if state.responses[seat.id] != answer {
                    commands.append((seat.id, .respond(proposal: state.proposal.id, answer: answer)))
                }
            }
        }
        return commands
    }
}
