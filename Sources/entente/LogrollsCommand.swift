import ArgumentParser
import EntenteCore

/// `entente logrolls`: trades across issues that both sides would accept.
struct LogrollsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logrolls",
        abstract: "Pairs of actors and issues where each concedes the issue it cares less about and both gain.",
        discussion: "Ranked by joint gain; the rule is in docs/model.md.")

    @OptionGroup var scenario: ScenarioArgument

    @OptionGroup var future: FutureOption

    @Option(help: "How many to list.")
    var top = 20

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try FlagRange.check(top, "--top", FlagRange.top)
    }

    func run() throws {
        let loaded = try future.apply(to: scenario.load())
        let trades = Array(Logrolls.find(in: loaded).prefix(top))
        let id = { (actor: Int) in loaded.actors[actor].id }
        func option(_ trade: Logroll, _ position: Int) -> String {
            let issue = trade.issues[position]
            return loaded.issues[issue].options[trade.package.choices[issue]].id
        }
        if output.json {
            try output.emitJSON(LogrollsReport(logrolls: trades.map { trade in
                LogrollsReport.Entry(
                    actors: trade.actors.map(id), issues: trade.issues.map { loaded.issues[$0].id },
                    options: [option(trade, 0), option(trade, 1)], gains: trade.gains, jointGain: trade.jointGain)
            }), future: future)
            return
        }
        var table = TextTable(header: ["#", "gets its way", "on", "concedes to", "on", "gains", "joint"], rightAligned: [6])
        for (rank, trade) in trades.enumerated() {
            table.append([
                "\(rank + 1)", id(trade.actors[0]), Scenario.assignment(loaded.issues[trade.issues[0]].id, option(trade, 0)),
                id(trade.actors[1]), Scenario.assignment(loaded.issues[trade.issues[1]].id, option(trade, 1)),
                trade.gains.map { Figures.signed($0) }.joined(separator: " / "), Figures.fixed(trade.jointGain),
            ])
        }
        try output.emit(trades.isEmpty ? "No logrolls: no pair of actors can trade concessions to mutual gain." : table.render())
    }
}

/// `entente logrolls --json`.
struct LogrollsReport: Encodable {
    struct Entry: Encodable {
        /// The first actor gets its way on the first issue, the second on the second.
        let actors: [String]
        let issues: [String]
        let options: [String]
        let gains: [Double]
        let jointGain: Double
    }

    let logrolls: [Entry]
}
