import ArgumentParser
import EntenteCore
import EntenteSession
import EntenteTUI
import EntenteWorkbench
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

    @Option(name: .customLong("as"), help: ArgumentHelp("Workshop view: show only this actor's stance; others' values and gains stay hidden.", valueName: "actor"))
    var viewer: String?

    /// The future the workbench opens in; edits still change today's scenario.
    @OptionGroup var future: FutureOption

    func run() throws {
        if ScenarioLoader.isStandardInput(file) {
            throw ValidationError("the workbench reads keys from standard input, so it cannot read the scenario there; give it a file")
        }
        let scenario = try ScenarioArgument(file: file).load()
        if let viewer, scenario.actorIndex(viewer) == nil {
            throw ValidationError("--as: unknown actor '\(viewer)'; expected one of: \(scenario.actors.map(\.id).joined(separator: ", "))")
        }
        let opening = try future.chosen(in: scenario)?.id
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ValidationError("the workbench needs a terminal; for scripts use entente search, pareto, analyse or brief")
        }
        let terminal = Terminal()
        terminal.start()
        defer { terminal.stop() }
        // One user's session, in-process: the facilitator's seat, or with --as the seat of
        // that actor's delegation, which sees and edits only what a delegation may.
        let seat = viewer.map { Seat(id: $0, role: .delegation($0)) } ?? .solo
        let effects = EffectRunner(scenario: scenario, file: file, seat: seat)
        defer { effects.cancel() }
        var state = AppState(view: effects.view, file: file, size: terminal.size)
        let keymap = Keymap.workbench
        /// Applies actions and performs their effects, then what those effects answered at
        /// once (the session's replies), until nothing more arrives; true when one quits.
        func run(_ actions: [Action]) -> Bool {
            var actions = actions
            while !actions.isEmpty {
                for action in actions {
                    for effect in update(&state, action) {
                        if effect == .quit { return true }
                        effects.perform(effect)
                    }
                }
                actions = effects.drain()
            }
            return false
        }
        if let opening, run([.futures(.setFuture(opening))]) { return }
        if run(effects.drain()) { return }
        terminal.draw(WorkbenchView.render(state, keymap: keymap, charset: terminal.charset))
        while true {
            let event = terminal.nextEvent()
            // What effects reported is applied before the event is read against the state,
            // so a key pressed as a question (the journal offer) arrives answers that question.
            let arrived = effects.drain()
            if run(arrived) { return }
            var actions: [Action] = []
            switch event {
            case .interrupt(let signal):
                terminal.stop()
                throw ExitCode(128 + signal)
            case .resize(let size):
                actions.append(.resize(size))
            case .key(let key):
                if let action = keymap.action(for: key, in: state) { actions.append(action) }
            case .click(let x, let y):
                if let action = keymap.clickAction(x: x, y: y, in: state) { actions.append(action) }
            case .wheel(let direction):
                if let action = keymap.wheelAction(direction, in: state) { actions.append(action) }
            case nil:
                break
            }
            if run(actions) { return }
            guard !actions.isEmpty || !arrived.isEmpty else { continue }
            terminal.draw(WorkbenchView.render(state, keymap: keymap, charset: terminal.charset))
        }
    }
}
