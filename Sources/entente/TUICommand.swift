import ArgumentParser
import EntenteCore
import EntenteTUI
import Foundation
import TerminalBackend

/// `entente [FILE]`: the workbench, the default command.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the workbench on a scenario (the default command).",
        discussion: "With no file, opens the shipped scenario Data/open-internet.yaml. Keys: ? help, q quit.")

    @Argument(help: "A scenario file (YAML or JSON).", completion: .file(extensions: ["yaml", "yml", "json"]))
    var file = "Data/open-internet.yaml"

    func run() throws {
        let scenario = try ScenarioArgument(file: file).load()
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ValidationError("the workbench needs a terminal; for scripts use entente search, pareto, analyse or brief")
        }
        let terminal = Terminal()
        terminal.start()
        defer { terminal.stop() }
        var state = AppState(scenario: scenario, file: file, size: terminal.size)
        let keymap = Keymap.workbench
        terminal.draw(WorkbenchView.render(state, keymap: keymap, unicode: terminal.unicode))
        while true {
            guard let event = terminal.nextEvent() else { continue }
            switch event {
            case .interrupt(let signal):
                terminal.stop()
                throw ExitCode(128 + signal)
            case .resize(let size):
                _ = update(&state, .resize(size))
            case .key(let key):
                guard let action = keymap.action(for: key, in: state) else { continue }
                if update(&state, action).contains(.quit) { return }
            }
            terminal.draw(WorkbenchView.render(state, keymap: keymap, unicode: terminal.unicode))
        }
    }
}
