import ArgumentParser
import EntenteCore
import Foundation

/// `entente pareto`: the packages no other package improves on for a chosen group.
struct ParetoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pareto",
        abstract: "List the Pareto-optimal packages for a group of actors.",
        usage: "entente pareto Data/open-internet.yaml --actors us,eu,india --table semis,dida,cables",
        discussion: """
            Among the packages in which every named actor would be a coalition member, lists \
            those that no other such package improves for one of them without harming another.
            """)

    @OptionGroup var scenario: ScenarioArgument

    @OptionGroup var future: FutureOption

    @Option(help: ArgumentHelp("The group, comma-separated actor ids.", valueName: "actor,..."))
    var actors: String

    @OptionGroup var space: SpaceOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let loaded = try future.apply(to: scenario.load())
        var request = SearchRequest()
        try space.apply(to: &request)
        let group = SpaceOptions.list(actors)
        let result = try SearchRunner.run(showProgress: !output.json && Console.isInteractive) { cancellation, progress throws(SearchRequestError) in
            try ParetoSearch(loaded).run(actors: group, request: request, cancellation: cancellation, progress: progress)
        }
        if output.json {
            try output.emitJSON(ParetoReport(result, scenario: loaded), future: future)
        } else {
            try output.emit(render(result, scenario: loaded))
        }
        if result.cancelled { throw ExitCodes.interrupted }
    }

    private func render(_ result: ParetoResult, scenario: Scenario) -> String {
        let ids = result.actors.map { scenario.actors[$0].id }
        var lines = [
            "Pareto set for \(ids.joined(separator: ", ")): \(result.packages.count) package\(result.packages.count == 1 ? "" : "s") "
                + "among \(result.candidates) where all of them join (\(Figures.count(Double(result.explored))) explored)"
                + (result.cancelled ? " — interrupted: the set covers only what was explored" : ""),
        ]
        if result.packages.isEmpty {
            lines.append("No package makes every one of them a coalition member.")
            return lines.joined(separator: "\n")
        }
        var table = TextTable(header: ["#", "changes from the status quo"] + ids, rightAligned: Set(2..<(2 + ids.count)))
        let text = PackageText(scenario: scenario)
        for (rank, evaluation) in result.packages.enumerated() {
            table.append(["\(rank + 1)", text.changeSummary(evaluation.package)]
                + result.actors.map { Figures.fixed(evaluation.utilities[$0]) })
        }
        lines.append("")
        lines.append("Utilities (0 to 100) of each package:")
        lines.append(table.render())
        return lines.joined(separator: "\n")
    }
}
