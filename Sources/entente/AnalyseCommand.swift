import ArgumentParser
import EntenteCore
import Foundation

/// `entente analyse`: what a diplomat asks of one package.
struct AnalyseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyse",
        abstract: "Bargaining points, holdouts and sweeteners, stability, robustness and bloc bridging for a package.",
        usage: "entente analyse Data/open-internet.yaml --package dida=open-accession,lmic-finance=dac-fund",
        discussion: """
            The package names the issues it changes; every other issue stays at its status quo. \
            Bargaining points are for the package's coalition, or for --actors. Formulas: \
            docs/model.md.
            """)

    @OptionGroup var scenario: ScenarioArgument

    @OptionGroup var future: FutureOption

    @Option(help: ArgumentHelp("The package: issue=option pairs, comma-separated.", valueName: "issue=option,..."))
    var package: String

    @Option(help: ArgumentHelp("The group to bargain for (default: the package's coalition); also limits the holdouts listed.", valueName: "actor,..."))
    var actors: String?

    @OptionGroup var space: SpaceOptions

    @Option(help: "Monte Carlo draws for robustness.")
    var draws = 10_000

    @Option(help: "Perturbation spread: values move within ±spread×100 points, saliences by a factor 1 ± spread.")
    var spread = 0.1

    @Option(help: "Worst case: every value may move by this many points.")
    var delta = 5.0

    @Option(help: "Random seed for the Monte Carlo draws.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Stop each of the two searches (bargaining, stability) after this many seconds; what they found is marked incomplete or not proven.", valueName: "seconds"))
    var timeLimit: Double?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try FlagRange.check(draws, "--draws", 1...1_000_000)
        try FlagRange.check(spread, "--spread", 0...1)
        try FlagRange.check(delta, "--delta", Limits.value)
        try FlagRange.check(timeLimit, "--time-limit", Limits.seconds)
    }

    func run() throws {
        let loaded = try future.apply(to: scenario.load())
        let analysis = try PackageAnalysis.run(
            loaded, package: try Self.parse(package), actors: actors.map(SpaceOptions.list), space: space, timeLimit: timeLimit,
            draws: draws, spread: spread, delta: delta, seed: seed)
        if output.json {
            try output.emitJSON(AnalysisReport(analysis, scenario: loaded), future: future)
        } else {
            try output.emit(AnalysisText(scenario: loaded).render(analysis))
        }
    }

    /// "issue=option,issue=option" as a dictionary.
    static func parse(_ text: String) throws -> [String: String] {
        var options: [String: String] = [:]
        for pair in SpaceOptions.list(text) {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--package takes ISSUE=OPTION pairs, got '\(pair)'")
            }
            options[parts[0]] = parts[1]
        }
        return options
    }
}

extension PackageAnalysis {
    /// The analysis `entente analyse` asks for: the package and actors by id, the space
    /// from the command-line options. Unknown ids become usage errors.
    static func run(
        _ scenario: Scenario, package options: [String: String], actors: [String]?, space: SpaceOptions, timeLimit: Double?,
        draws: Int, spread: Double, delta: Double, seed: UInt64
    ) throws -> PackageAnalysis {
        do {
            var request = SearchRequest()
            try space.apply(to: &request)
            request.budget = SearchBudget(seconds: timeLimit)
            let named = try actors.map { ids in try ids.map { id throws(SearchRequestError) -> Int in
                guard let index = scenario.actorIndex(id) else { throw SearchRequestError("unknown actor '\(id)'") }
                return index
            } }
            var settings = Settings()
            settings.draws = draws
            settings.spread = spread
            settings.delta = delta
            settings.seed = seed
            return try PackageAnalysis(scenario, package: try scenario.package(options), request: request, actors: named, settings: settings)
        } catch let error as SearchRequestError {
            throw ValidationError(error.description)
        }
    }
}
