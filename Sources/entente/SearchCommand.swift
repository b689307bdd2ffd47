import ArgumentParser
import EntenteCore
import Foundation

/// `entente search`: ranked packages whose coalitions every member gains from.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Rank issue packages by the coalitions they build.",
        usage: """
            entente search Data/open-internet.yaml --objective novelty --top 5
            entente search Data/open-internet.yaml --table semis,cables --fix dida=d10-core --json
            """,
        discussion: """
            Scans every package of the issues on the table and ranks those whose coalition \
            (every actor that gains more than its margin and meets none of its red lines) is \
            not empty and meets the scenario's rules.
            """)

    @OptionGroup var scenario: ScenarioArgument

    @OptionGroup var future: FutureOption

    @Option(help: ArgumentHelp("What to rank by: \(Objective.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "objective"))
    var objective: Objective = .capability

    @Option(help: "How many packages to list.")
    var top = 10

    @OptionGroup var space: SpaceOptions

    @Option(help: ArgumentHelp("Actors that must be coalition members, comma-separated.", valueName: "actor,..."))
    var include: String?

    @Option(help: ArgumentHelp("Actors that must not be coalition members, comma-separated.", valueName: "actor,..."))
    var exclude: String?

    @Option(help: "Rank only coalitions with at least this many members.")
    var minMembers = 0

    @Flag(help: "Ignore the scenario's viability rules.")
    var noRules = false

    @Option(help: ArgumentHelp("auto (branch and bound for capability, members, total-gain, nash and openness; for min-gain and novelty exhaustive up to 5e7 packages, branch and bound beyond), exhaustive, or branch-and-bound.", valueName: "strategy"))
    var strategy: SearchStrategy = .auto

    @Option(help: ArgumentHelp("Stop after this many seconds with the best found so far, marked not proven.", valueName: "seconds"))
    var timeLimit: Double?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try FlagRange.check(top, "--top", FlagRange.top)
        try FlagRange.check(minMembers, "--min-members", 0...Limits.actors.upperBound)
        try FlagRange.check(timeLimit, "--time-limit", Limits.seconds)
    }

    func run() throws {
        let loaded = try future.apply(to: scenario.load())
        var request = SearchRequest()
        request.objective = objective
        request.top = top
        request.include = include.map(SpaceOptions.list) ?? []
        request.exclude = exclude.map(SpaceOptions.list) ?? []
        request.minMembers = minMembers
        request.applyRules = !noRules
        request.strategy = strategy
        request.budget = SearchBudget(seconds: timeLimit)
        try space.apply(to: &request)

        let started = Date()
        let result = try SearchRunner.run(showProgress: !output.json && Console.isInteractive) { cancellation, progress throws(SearchRequestError) in
            try PackageSearch(loaded).run(request, cancellation: cancellation, progress: progress)
        }
        if Console.isInteractive {
            // On stderr: the report itself carries no clock reading, so it is the same bytes every run.
            FileHandle.standardError.write(Data("searched in \(Figures.fixed(Date().timeIntervalSince(started), 2)) s\n".utf8))
        }
        if output.json {
            try output.emitJSON(SearchReport(result, scenario: loaded, objective: objective), future: future)
        } else {
            try output.emit(SearchText(scenario: loaded, request: request).render(result))
        }
        if result.cancelled { throw ExitCodes.interrupted }
    }
}
