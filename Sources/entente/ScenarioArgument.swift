import ArgumentParser
import EntenteCore
import Foundation

/// The scenario file every command reads, and the loading that turns its problems into
/// diagnostics on standard error and the right exit code.
struct ScenarioArgument: ParsableArguments {
    @Argument(help: "A scenario file (YAML or JSON); - reads standard input.", completion: .file(extensions: ["yaml", "yml", "json"]))
    var file: String

    init() {}

    init(file: String) { self.file = file }

    func load() throws -> Scenario {
        do {
            return try ScenarioLoader.load(path: file)
        } catch {
            Console.error(error.description)
            switch error {
            case .unreadable: throw ExitCodes.noInput
            case .invalid(let diagnostics):
                Console.error("\(diagnostics.count) error\(diagnostics.count == 1 ? "" : "s") in \(ScenarioLoader.isStandardInput(file) ? "standard input" : file)")
                throw ExitCodes.badData
            }
        }
    }
}
