import ArgumentParser
import EntenteCore
import Foundation

/// `entente exchange`: the Stokman–Van Oosten exchange model on a Decide-format file.
struct ExchangeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exchange",
        abstract: "Run the exchange model (vote trading with equal gains) on a Decide #A/#P/#M/#D file.",
        discussion: """
            Outcomes are the power- and salience-weighted mean of the positions, shown on each \
            issue's own scale. Formulas: docs/model.md, "The exchange model".
            """)

    @Argument(help: "A Decide exchange-model file (tab- or semicolon-separated).")
    var file: String

    @Option(help: "Rounds of trading, at most.")
    var rounds = 10

    @OptionGroup var output: OutputOptions

    func run() throws {
        let data: ExchangeData
        do {
            data = try DecideFile.load(path: file)
        } catch {
            Console.error(error.description)
            if case .unreadable = error { throw ExitCodes.noInput }
            throw ExitCodes.badData
        }
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
        let result = ExchangeModel(data).run(rounds: rounds)
        if output.json {
            try output.emitJSON(ExchangeReport(result, data: data))
            return
        }
        var lines = [TerminalText.escaped(data.title.isEmpty ? file : data.title), ""]
        var table = TextTable(header: ["issue", "initial", "final"], rightAligned: [1, 2])
        for (index, issue) in data.issues.enumerated() {
            table.append([issue.id, Figures.fixed(issue.toScale(result.initial[index])), Figures.fixed(issue.toScale(result.final[index]))])
        }
        lines.append("Outcomes (power- and salience-weighted mean of positions, on each issue's scale)")
        lines.append(table.render())
        for round in result.rounds {
            lines.append("")
            lines.append("Round \(round.round): \(round.trades.count) trade\(round.trades.count == 1 ? "" : "s")")
            for trade in round.trades.prefix(10) {
                let name = { (actor: Int) in TerminalText.escaped(data.actors[actor]) }
                let issue = { (index: Int) in TerminalText.escaped(data.issues[index].id) }
                lines.append("  \(name(trade.actors[0])) gets \(issue(trade.issues[0])), \(name(trade.actors[1])) gets \(issue(trade.issues[1])): "
                    + "gain \(Figures.fixed(trade.gain, 3)) each; others +\(Figures.fixed(trade.thirdParties.gains, 3)) / −\(Figures.fixed(trade.thirdParties.losses, 3))")
            }
            if round.trades.count > 10 { lines.append("  … and \(round.trades.count - 10) more (--json lists all)") }
        }
        try output.emit(lines.joined(separator: "\n"))
    }
}

/// `entente exchange --json`: field names documented in docs/cli.md.
struct ExchangeReport: Encodable {
    struct IssueEntry: Encodable {
        let id: String
        let initial: Double
        let final: Double
    }

    struct TradeEntry: Encodable {
        let actors: [String]
        let issues: [String]
        let gain: Double
        let thirdPartyGains: Double
        let thirdPartyLosses: Double
    }

    struct Round: Encodable {
        let round: Int
        let outcomes: [String: Double]
        let trades: [TradeEntry]
    }

    let issues: [IssueEntry]
    let rounds: [Round]

    init(_ result: ExchangeResult, data: ExchangeData) {
        issues = data.issues.enumerated().map { index, issue in
            IssueEntry(id: issue.id, initial: issue.toScale(result.initial[index]), final: issue.toScale(result.final[index]))
        }
        rounds = result.rounds.map { round in
            Round(
                round: round.round,
                outcomes: Dictionary(uniqueKeysWithValues: data.issues.enumerated().map { ($1.id, $1.toScale(round.outcomes[$0])) }),
                trades: round.trades.map { trade in
                    TradeEntry(
                        actors: trade.actors.map { data.actors[$0] }, issues: trade.issues.map { data.issues[$0].id },
                        gain: trade.gain, thirdPartyGains: trade.thirdParties.gains, thirdPartyLosses: trade.thirdParties.losses)
                })
        }
    }
}
