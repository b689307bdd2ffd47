import ArgumentParser
import EntenteCore
import Foundation

/// `entente futures`: one package today and in each of the scenario's futures, with what
/// breaks where, and the best package of each future.
struct FuturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "futures",
        abstract: "How a package fares today and in every future of the scenario, and the best package of each.",
        usage: """
            entente futures Data/training/four-futures.yaml
            entente futures Data/training/four-futures.yaml --package dida=open-accession --objective members --json
            """,
        discussion: """
            A future (scenario format 2) is an overlay on today's scenario: docs/model.md, \
            "Futures". For the package (by default today's best), each row says whether its \
            coalition is viable in that future, who is in it, every actor's gain, who left and \
            who joined against today, and which rules fail; then the best package of each \
            future, found by the same search as `entente search --future ID`.
            """)

    @OptionGroup var scenario: ScenarioArgument

    @Option(help: ArgumentHelp("issue=option pairs, comma-separated, or 'best' (today's best package by the objective).", valueName: "package"))
    var package = "best"

    @Option(help: ArgumentHelp("What the best packages are ranked by: \(Objective.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "objective"))
    var objective: Objective = .capability

    @Option(help: "How many robust packages to list (with --robust).")
    var top = 10

    @Flag(help: "Also list the packages whose coalition is viable today and in every future, ranked by their worst objective.")
    var robust = false

    @OptionGroup var space: SpaceOptions

    @Option(help: ArgumentHelp("Stop each search after this many seconds with the best found so far, marked not proven.", valueName: "seconds"))
    var timeLimit: Double?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try FlagRange.check(top, "--top", FlagRange.top)
        try FlagRange.check(timeLimit, "--time-limit", Limits.seconds)
    }

    func run() throws {
        let today = try scenario.load()
        var request = SearchRequest()
        request.objective = objective
        request.top = 1
        request.budget = SearchBudget(seconds: timeLimit)
        try space.apply(to: &request)

        let outlook = FutureOutlook(today, package: try choosePackage(today, request: request), margin: request.margin)
        var best: [SearchResult] = []
        for row in outlook.rows {
            best.append(try SearchRunner.run(showProgress: !output.json && Console.isInteractive) { cancellation, progress throws(SearchRequestError) in
                try PackageSearch(row.scenario).run(request, cancellation: cancellation, progress: progress)
            })
            if best.last!.cancelled { break }
        }
        let robustResult = robust && !best.contains(where: \.cancelled) ? try robustSearch(outlook, request: request) : nil
        if output.json {
            try output.emitJSON(FuturesReport(outlook, best: best, robust: robustResult, objective: objective))
        } else {
            try output.emit(FuturesText(outlook: outlook, best: best, robust: robustResult, objective: objective).render())
        }
        if best.contains(where: \.cancelled) || robustResult?.cancelled == true { throw ExitCodes.interrupted }
    }

    /// The packages viable today and in every future, best by worst objective, in one scan.
    private func robustSearch(_ outlook: FutureOutlook, request: SearchRequest) throws -> RobustResult {
        var request = request
        request.top = top
        let search = RobustSearch(today: outlook.rows[0].scenario,
                                  futures: outlook.rows.dropFirst().map { FutureScenario(id: $0.id, scenario: $0.scenario) })
        return try SearchRunner.run(showProgress: !output.json && Console.isInteractive) { cancellation, progress throws(SearchRequestError) in
            try search.run(request, cancellation: cancellation, progress: progress)
        }
    }

    private func choosePackage(_ scenario: Scenario, request: SearchRequest) throws -> Package {
        do {
            guard package == "best" else { return try scenario.package(try AnalyseCommand.parse(package)) }
            guard let best = try PackageSearch(scenario).run(request).packages.first else {
                throw ValidationError("no package gives a viable coalition today, so there is no best package; give --package ISSUE=OPTION,...")
            }
            return best.package
        } catch let error as SearchRequestError {
            throw ValidationError(error.description)
        }
    }
}

/// `entente futures --json`: field names documented in docs/cli.md.
struct FuturesReport: Encodable {
    struct Row: Encodable {
        let id: String
        let name: String
        let package: SearchReport.Entry
        @Nullable var best: SearchReport.Entry?
        /// Whether `best` is proven the best (false when a search was stopped early).
        let proven: Bool
        let left: [String]
        let joined: [String]
        let failedRules: [String]
    }

    struct RobustEntry: Encodable {
        let options: [String: String]
        let worst: Double
        let byFuture: [String: Double]
    }

    let objective: String
    let futures: [Row]
    /// With --robust: the packages viable today and in every future; null without.
    @Nullable var robust: [RobustEntry]?
    /// With --robust: whether the whole space was scanned (false when stopped early).
    @Nullable var robustProven: Bool?

    init(_ outlook: FutureOutlook, best: [SearchResult], robust result: RobustResult?, objective: Objective) {
        self.objective = objective.rawValue
        let today = outlook.rows[0].scenario
        robust = result?.packages.map { found in
            RobustEntry(options: PackageJSON.options(found.package, today), worst: found.worst,
                        byFuture: Dictionary(uniqueKeysWithValues: found.byFuture.map { ($0.id, $0.value) }))
        }
        robustProven = result?.proven
        futures = zip(outlook.rows, best).map { row, result in
            let id = { (actor: Int) in row.scenario.actors[actor].id }
            return Row(
                id: row.id, name: row.name, package: SearchReport.Entry(row.evaluation, scenario: row.scenario),
                best: result.packages.first.map { SearchReport.Entry($0, scenario: row.scenario) }, proven: result.proven,
                left: row.left.map(id), joined: row.joined.map(id), failedRules: row.failedRules)
        }
    }
}

/// The human report of `entente futures`.
struct FuturesText {
    let outlook: FutureOutlook
    let best: [SearchResult]
    let robust: RobustResult?
    let objective: Objective

    func render() -> String {
        let today = outlook.rows[0]
        let text = PackageText(scenario: today.scenario)
        let count = outlook.rows.count - 1
        var lines = [
            "\(TerminalText.escaped(today.scenario.title)): today and in \(count) future\(count == 1 ? "" : "s")",
            "package: \(text.changeSummary(today.evaluation.package))",
        ]
        if count == 0 { lines.append("(this scenario has no futures; format 2 adds them: docs/scenario-format.md)") }
        lines.append("")
        lines.append(summary())
        lines.append("")
        lines.append("Gains (* member, ! red line)")
        lines.append(gains())
        lines.append("")
        lines.append("Best package in each future by \(objective.rawValue) (\(objective.summary))")
        for (row, result) in zip(outlook.rows, best) {
            let proof = result.proven ? "" : " (not proven: the search was stopped)"
            guard let top = result.packages.first else {
                lines.append("  \(row.id): no package gives a viable coalition\(proof)")
                continue
            }
            let rowText = PackageText(scenario: row.scenario)
            lines.append("  \(row.id): \(objectiveText(top))\(proof)")
            lines.append("      \(rowText.changeSummary(top.package))")
            lines.append("      coalition (\(top.coalition.count)): \(rowText.members(top))")
        }
        if let robust { lines += robustLines(robust, text: text) }
        return lines.joined(separator: "\n")
    }

    private func robustLines(_ result: RobustResult, text: PackageText) -> [String] {
        var lines = ["", "Robust packages: viable today and in every future, by worst \(objective.rawValue)"
            + (result.proven ? "" : " (NOT proven: the scan was stopped; these are the best found so far)")]
        if result.packages.isEmpty { lines.append("  none: no package keeps a viable coalition in every future") }
        for (rank, found) in result.packages.enumerated() {
            lines.append("  #\(rank + 1)  worst \(PackageText.figure(objective, found.worst))  \(text.changeSummary(found.package))")
            lines.append("      " + found.byFuture.map { "\($0.id) \(PackageText.figure(objective, $0.value))" }.joined(separator: ", "))
        }
        return lines
    }

    private func summary() -> String {
        // The objective gets a column of its own unless members or capability already show it.
        let extra = objective == .capability || objective == .members ? [] : [objective.rawValue]
        var table = TextTable(header: ["future", "viable", "members", "capability"] + extra + ["left", "joined", "rules failing"],
                              rightAligned: Set(2..<(4 + extra.count)))
        for row in outlook.rows {
            let ids = { (actors: [Int]) in actors.isEmpty ? "—" : actors.map { row.scenario.actors[$0].id }.joined(separator: ", ") }
            let today = row.id == Future.todayID
            table.append([row.id, row.evaluation.viable ? "yes" : "no", "\(row.evaluation.coalition.count)",
                          Figures.percent(row.evaluation.objective(.capability))]
                + (extra.isEmpty ? [] : [objectiveText(row.evaluation, named: false)])
                + [today ? "" : ids(row.left), today ? "" : ids(row.joined),
                   row.failedRules.isEmpty ? "—" : row.failedRules.joined(separator: ", ")])
        }
        return table.render()
    }

    private func gains() -> String {
        var table = TextTable(header: ["actor"] + outlook.rows.map(\.id), rightAligned: Set(1...outlook.rows.count))
        for (index, actor) in outlook.rows[0].scenario.actors.enumerated() {
            table.append([actor.id] + outlook.rows.map { row in
                let mark = row.evaluation.coalition.contains(index) ? "*" : row.evaluation.redLined.contains(index) ? "!" : " "
                return Figures.signed(row.evaluation.gains[index]) + mark
            })
        }
        return table.render()
    }

    private func objectiveText(_ evaluation: PackageEvaluation, named: Bool = true) -> String {
        let figure = PackageText.figure(objective, evaluation.objective(objective))
        return named ? "\(objective.rawValue) \(figure)" : figure
    }
}
