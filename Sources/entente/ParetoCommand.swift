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
            try output.emitJSON(ParetoReport.json(result, scenario: loaded, future: future.future))
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
                + (result.cancelled ? (result.complete ? " — interrupted: the count covers only what was explored" : " — interrupted before the set was complete") : ""),
        ]
        if result.packages.isEmpty {
            lines.append(result.complete ? "No package makes every one of them a coalition member." : "Nothing to list: the search was interrupted first.")
            return lines.joined(separator: "\n")
        }
        var table = TextTable(header: ["#", "changes from the status quo"] + ids, rightAligned: Set(2..<(2 + ids.count)))
        let text = PackageText(scenario: scenario)
        for (index, package) in result.packages.enumerated() {
            table.append(["\(index + 1)", text.changeSummary(package)]
                + result.actors.indices.map { Figures.fixed(result.utility(index, member: $0)) })
        }
        lines.append("")
        lines.append("Utilities (0 to 100) of each package:")
        lines.append(table.render())
        return lines.joined(separator: "\n")
    }
}
