import EntenteSession
import EntenteTUI
import EntenteWorkbench

/// The tests drive a workbench with its session in-process, as the terminal's loop does:
/// `update` sends the action and lets the session answer, and the screens and keymaps read
/// the workbench's state.
func update(_ bench: inout LocalWorkbench, _ action: Action) -> [Effect] { bench.send(action) }

extension WorkbenchView {
    static func render(_ bench: LocalWorkbench, keymap: Keymap = .workbench, charset: Charset = .unicode) -> Grid {
        render(bench.state, keymap: keymap, charset: charset)
    }
}

extension Keymap {
    func action(for key: Key, in bench: LocalWorkbench) -> Action? { action(for: key, in: bench.state) }
    func clickAction(x: Int, y: Int, in bench: LocalWorkbench) -> Action? { clickAction(x: x, y: y, in: bench.state) }
    func wheelAction(_ direction: Int, in bench: LocalWorkbench) -> Action? { wheelAction(direction, in: bench.state) }
}
