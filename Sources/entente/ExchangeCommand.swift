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
            issue's own scale; rounds are played as the Decide tool plays them unless \
            --procedure published. Formulas: docs/model.md, "The exchange model".
            """)

    static let rounds = 1...1000

    @Argument(help: "A Decide exchange-model file (tab-, semicolon- or comma-separated, fields optionally quoted).")
    var file: String

    @Option(help: "Rounds of trading, at most (1 to 1000).")
    var rounds = 10

    @Option(help: "How a round is played: decide (as the Decide tool) or published (as the model is published).")
    var procedure: ExchangeProcedure = .decide

    @Option(help: ArgumentHelp("Stop after this many seconds with the rounds finished.", valueName: "seconds"))
    var timeLimit: Double?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try FlagRange.check(rounds, "--rounds", Self.rounds)
        try FlagRange.check(timeLimit, "--time-limit", Limits.seconds)
    }

    func run() throws {
        let data: ExchangeData
        do {
            data = try DecideFile.load(path: file)
        } catch {
            Console.error(error.description)
            if case .unreadable = error { throw ExitCodes.noInput }
            throw ExitCodes.badData
        }
        let showProgress = !output.json && Console.isInteractive
        let started = Date()
        let result: ExchangeResult
        do {
            result = try SearchRunner.cancellingOnInterrupt(after: timeLimit) { cancellation in
                try ExchangeModel(data, procedure: procedure).run(rounds: rounds, cancellation: cancellation) { progress in
                    if showProgress {
                        FileHandle.standardError.write(Data("\rround \(progress.round) of \(progress.rounds)  (Ctrl-C stops)".utf8))
                    }
                }
            }
        } catch let error as ExchangeSizeError {
            Console.error("\(TerminalText.escaped(file)): error: \(error.description)")
            throw ExitCodes.badData
        }
        if showProgress { ProgressLine.clear() }
        let interrupted = !result.complete && (timeLimit.map { Date().timeIntervalSince(started) < $0 } ?? true)
        if output.json {
            try output.emitJSON(ExchangeReport(result, data: data, procedure: procedure))
        } else {
            try output.emit(text(result, data: data))
        }
        if interrupted { throw ExitCodes.interrupted }
    }

    private func text(_ result: ExchangeResult, data: ExchangeData) -> String {
        var lines = [TerminalText.escaped(data.title.isEmpty ? file : data.title), ""]
        var table = TextTable(header: ["issue", "initial", "final"], rightAligned: [1, 2])
        for (index, issue) in data.issues.enumerated() {
            table.append([TerminalText.escaped(issue.id), Figures.fixed(issue.toScale(result.initial[index])), Figures.fixed(issue.toScale(result.final[index]))])
        }
        lines.append("Outcomes (power- and salience-weighted mean of positions, on each issue's scale; \(procedure.rawValue) procedure)")
        lines.append(table.render())
        if !result.complete {
            lines.append("Stopped after \(result.rounds.count) of \(rounds) rounds; the final column is the last round finished.")
        }
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
        return lines.joined(separator: "\n")
    }
}

extension ExchangeProcedure: ExpressibleByArgument {}

/// `entente exchange --json`: field names documented in docs/cli.md.
struct ExchangeReport: Encodable {
    struct IssueEntry: Encodable {
        let id: String
        let low: Double
        let high: Double
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

    let procedure: String
    let complete: Bool
    let issues: [IssueEntry]
    let rounds: [Round]

    init(_ result: ExchangeResult, data: ExchangeData, procedure: ExchangeProcedure) {
        self.procedure = procedure.rawValue
        complete = result.complete
        issues = data.issues.enumerated().map { index, issue in
            IssueEntry(id: issue.id, low: issue.low, high: issue.high, initial: issue.toScale(result.initial[index]), final: issue.toScale(result.final[index]))
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
