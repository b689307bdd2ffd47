import Foundation
import ArgumentParser
import EntenteCore

/// The options that shape the space a search or Pareto query scans: issues on the table,
/// fixed options and the extra margin.
struct SpaceOptions: ParsableArguments {
    @Option(name: .customLong("table"), help: ArgumentHelp("Issues on the table, comma-separated; the others stay at their status quo. Default: every issue.", valueName: "issue,..."))
    var table: String?

    @Option(name: .customLong("fix"), help: ArgumentHelp("Fix an issue's option; repeat or comma-separate.", valueName: "issue=option"))
    var fix: [String] = []

    @Option(help: "Extra gain (utility points) every member must exceed, on top of its own margin.")
    var margin = 0.0

    func validate() throws {
        try FlagRange.check(margin, "--margin", Limits.margin)
    }

    /// Applies these options to a request, or fails with a usage error.
    func apply(to request: inout SearchRequest) throws {
        request.table = table.map(Self.list)
        for pair in fix.flatMap(Self.list) {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--fix takes ISSUE=OPTION, got '\(pair)'")
            }
            request.fixed[parts[0]] = parts[1]
        }
        request.margin = margin
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension Objective: ExpressibleByArgument {}
extension SearchStrategy: ExpressibleByArgument {}
