import ArgumentParser
import EntenteCore

/// `--future ID`, shared by every command that reads a scenario: runs the command in one of
/// the scenario's futures (format 2) instead of today, and names it in JSON output.
struct FutureOption: ParsableArguments {
    @Option(help: ArgumentHelp("Run in this future of the scenario, by id; today (the default) is the scenario as it stands.", valueName: "id"))
    var future: String = Future.todayID

    /// The scenario in the chosen future, or a usage error listing the futures there are.
    func apply(to scenario: Scenario) throws -> Scenario {
        try chosen(in: scenario).map(scenario.applying) ?? scenario
    }

    /// The chosen future of `scenario` (nil: today), or a usage error listing the futures there are.
    func chosen(in scenario: Scenario) throws -> Future? {
        do {
            return try scenario.future(future)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The arguments that choose this future again, for a command line written out (none for today).
    var arguments: [String] { future == Future.todayID ? [] : ["--future", future] }
}

/// A JSON report with the future it was computed in beside its own fields:
/// `"future": "today"` or the future's id.
struct InFuture<Report: Encodable>: Encodable {
    let future: String
    let report: Report

    private enum Key: String, CodingKey { case future }

    func encode(to encoder: Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(future, forKey: .future)
    }
}

extension OutputOptions {
    /// Encodes a report computed in `future` as JSON, with the future named, then emits it.
    func emitJSON<T: Encodable>(_ value: T, future: FutureOption) throws {
        try emitJSON(InFuture(future: future.future, report: value))
    }
}
