import ArgumentParser
import EntenteCore
import Foundation

/// The `entente` command: the negotiation workbench's command-line interface.
@main
struct Entente: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entente",
        abstract: "Find issue packages that build coalitions of mutual gain.",
        discussion: """
            A scenario names actors, the issues on the table with their options, each actor's \
            stance, the blocs that exist and the rules a coalition must meet. Entente searches \
            the packages (one option per issue) for coalitions in which every member gains over \
            the status quo.

            Exit codes: 0 success, 64 bad usage, 65 bad scenario data, 66 missing input file, \
            73 cannot create output, 130 interrupted.
            """,
        subcommands: [TUICommand.self, ServeCommand.self, DebriefCommand.self, ValidateCommand.self, ShowCommand.self, SearchCommand.self, ParetoCommand.self, FuturesCommand.self, AnalyseCommand.self, PowerCommand.self, LogrollsCommand.self, ExchangeCommand.self, BriefCommand.self, RolesCommand.self, GenerateCommand.self, BenchCommand.self, BenchWorkshopCommand.self, JoinCommand.self],
        defaultSubcommand: TUICommand.self)

    /// Parses and runs the command like ArgumentParser's own `main`, but writes every
    /// message through the terminal escaping, so that an argument such as an unknown option
    /// holding an escape sequence is shown, never acted on by the terminal.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let message = fullMessage(for: error)
            let code = exitCode(for: error)
            if !message.isEmpty {
                if code == .success { Console.out(message) } else { Console.error(message) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
