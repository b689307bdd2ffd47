import ArgumentParser
import EntenteTUI
import TerminalBackend

/// The workbench's main loop, shared by `entente` on a file and `entente join` at a table:
/// keys become actions, `update` turns them into effects, `perform` carries those out, and
/// what they report (`drain`) is applied before the next key is read, so that a key pressed
/// as a question appears answers that question. The screen is drawn after anything changed.
struct WorkbenchLoop {
    let terminal: Terminal
    let keymap = Keymap.workbench
    /// Carries out one effect (never `.quit`, which ends the loop).
    let perform: (Effect) -> Void
    /// The actions reported since the last call (effects' outcomes, frames from a server).
    let drain: () -> [Action]

    /// Runs until the person quits; `first` are applied before the first frame is drawn.
    /// Throws the exit code on SIGINT, SIGTERM or SIGHUP.
    func run(_ state: inout AppState, first: [Action] = []) throws {
        /// Applies actions and performs their effects, then what those effects answered at
        /// once, until nothing more arrives; true when one quits.
        func apply(_ actions: [Action]) -> Bool {
            var actions = actions
            while !actions.isEmpty {
                for action in actions {
                    for effect in update(&state, action) {
                        if effect == .quit { return true }
                        perform(effect)
                    }
                }
                actions = drain()
            }
            return false
        }
        if apply(first) || apply(drain()) { return }
        terminal.draw(WorkbenchView.render(state, keymap: keymap, charset: terminal.charset))
        while true {
            let event = terminal.nextEvent()
            let arrived = drain()
            if apply(arrived) { return }
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
            if apply(actions) { return }
            guard !actions.isEmpty || !arrived.isEmpty else { continue }
            terminal.draw(WorkbenchView.render(state, keymap: keymap, charset: terminal.charset))
        }
    }
}
