import ArgumentParser
import EntenteCore
import Foundation

/// `entente brief`: a proposed package as a brief a diplomat can send on.
struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Write a brief on a proposed package: plain text (72 columns), Markdown or JSON.",
        usage: """
            entente brief Data/open-internet.yaml --package best
            entente brief Data/open-internet.yaml --package dida=open-accession,lmic-finance=dac-fund --for india --format md
            """,
        discussion: """
            The same scenario, package, seed and date always give the same bytes. --for writes \
            a delegation brief: the package, the members and that actor's own case, never \
            other actors' values.
            """)

    @OptionGroup var scenario: ScenarioArgument

    @OptionGroup var future: FutureOption

    @Option(help: ArgumentHelp("issue=option pairs, comma-separated (the option may be repeated), or 'best' for the top package by capability share.", valueName: "package"))
    var package: [String]

    @Option(help: ArgumentHelp("text, md or json.", valueName: "format"))
    var format: BriefFormat = .text

    @Option(name: .customLong("for"), help: ArgumentHelp("Write a delegation brief for this actor.", valueName: "actor"))
    var audience: String?

    @Option(help: "Seed of the robustness draws.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("The date printed on the brief (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(help: ArgumentHelp("Stop the stability and bargaining searches after this many seconds each; the brief says what was cut.", valueName: "seconds"))
    var timeLimit: Double?

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
        if package.count > 1 && package.contains("best") { throw ValidationError("--package best cannot be combined with other --package options") }
        if let date, !BriefDate.isValid(date) {
            throw ValidationError("--date takes a calendar date YYYY-MM-DD from 1900 to 9999, got '\(date)'")
        }
        try FlagRange.check(timeLimit, "--time-limit", Limits.seconds)
    }

    func run() throws {
        let today = try scenario.load()
        let builder = BriefBuilder(today, future: try future.chosen(in: today))
        let loaded = builder.scenario
        do {
            let chosen = try choosePackage(loaded)
            var settings = BriefBuilder.Settings()
            settings.seed = seed
            settings.date = date ?? BriefDate.today()
            settings.audience = audience
            settings.timeLimit = timeLimit
            // One --package per changed issue, so the annex can break the command between arguments.
            let pairs = PackageText(scenario: loaded).changed(chosen).map { Scenario.assignment($0.issue.id, $0.option.id) }
            var command = ["entente", "brief", scenario.file]
            command += pairs.isEmpty ? ["--package", ""] : pairs.flatMap { ["--package", $0] }
            command += future.arguments + ["--seed", "\(seed)", "--date", settings.date]
            if let audience { command += ["--for", audience] }
            if format != .text { command += ["--format", format.rawValue] }
            settings.command = ShellWords.join(command)
            let brief = try builder.build(chosen, settings: settings)
            try OutputOptions.emit(BriefRenderer.render(brief, as: format), to: output)
        } catch let error as SearchRequestError {
            throw ValidationError(error.description)
        }
    }

    private func choosePackage(_ scenario: Scenario) throws -> Package {
        guard package == ["best"] else { return try scenario.package(try AnalyseCommand.parse(package.joined(separator: ","))) }
        guard let best = try PackageSearch(scenario).run(SearchRequest()).packages.first else {
            throw ValidationError("no package gives a viable coalition, so there is no best package to brief")
        }
        return best.package
    }
}

extension BriefFormat: ExpressibleByArgument {}
