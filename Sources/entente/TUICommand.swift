import ArgumentParser
import EntenteCore
import EntenteTUI
import Foundation
import Synchronization
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
        let effects = EffectRunner(scenario: scenario)
        defer { effects.cancel() }
        var state = AppState(scenario: scenario, file: file, size: terminal.size)
        let keymap = Keymap.workbench
        terminal.draw(WorkbenchView.render(state, keymap: keymap, unicode: terminal.unicode))
        while true {
            var actions = effects.drain()
            switch terminal.nextEvent() {
            case .interrupt(let signal):
                terminal.stop()
                throw ExitCode(128 + signal)
            case .resize(let size):
                actions.append(.resize(size))
            case .key(let key):
                if let action = keymap.action(for: key, in: state) { actions.append(action) }
            case nil:
                break
            }
            guard !actions.isEmpty else { continue }
            for action in actions {
                for effect in update(&state, action) {
                    if effect == .quit { return }
                    effects.perform(effect)
                }
            }
            terminal.draw(WorkbenchView.render(state, keymap: keymap, unicode: terminal.unicode))
        }
    }
}

/// Runs the workbench's effects off the main loop (searches on a thread of their own) and
/// hands their outcomes back as actions, which the loop picks up between key presses.
final class EffectRunner: Sendable {
    private let scenario: Scenario
    private let inbox = Mutex<[Action]>([])
    private let running = Mutex<CancellationFlag?>(nil)

    init(scenario: Scenario) { self.scenario = scenario }

    func perform(_ effect: Effect) {
        switch effect {
        case .quit: break
        case .cancelSearch: cancel()
        case .startSearch(let request):
            let flag = CancellationFlag()
            running.withLock { $0 = flag }
            let scenario = scenario
            Thread.detachNewThread { [self] in
                let result = try? PackageSearch(scenario).run(request, cancellation: flag) { progress in
                    self.post(.searchProgress(progress))
                }
                if let result { post(.searchFinished(result)) }
            }
        }
    }

    private func post(_ action: Action) { inbox.withLock { $0.append(action) } }

    /// Actions that arrived since the last call.
    func drain() -> [Action] { inbox.withLock { actions in defer { actions = [] }; return actions } }

    func cancel() { running.withLock { $0?.cancel() } }
}
