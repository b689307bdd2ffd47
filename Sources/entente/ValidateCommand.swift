import ArgumentParser
import EntenteCore

/// `entente validate`: checks a scenario file and reports every problem with its location.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file; report every error with file:line:column.",
        discussion: "Exits 0 when the file is valid, 65 when it has errors, 66 when it cannot be read.")

    @OptionGroup var scenario: ScenarioArgument

    func run() throws {
        let loaded = try scenario.load()
        let issues = loaded.issues.count
        let packages = loaded.issues.reduce(1.0) { $0 * Double($1.options.count) }
        try OutputOptions.emit("\(scenario.file): ok: \(loaded.actors.count) actors, \(issues) issues, "
            + "\(loaded.groupings.count) groupings, \(loaded.rules.count) rules, "
            + (loaded.futures.isEmpty ? "" : "\(loaded.futures.count) future\(loaded.futures.count == 1 ? "" : "s"), ")
            + "\(Figures.count(packages)) packages with every issue on the table", to: nil)
    }
}
