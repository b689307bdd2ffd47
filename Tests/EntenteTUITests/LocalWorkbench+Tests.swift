import EntenteCore
import EntenteSession
import EntenteTUI
import EntenteWorkbench
import EntenteTestSupport

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

extension LocalWorkbench {
    /// A workbench on a file of the repository, as `entente FILE` opens it.
    static func opening(_ file: String, size: Size = Size(columns: 100, rows: 30), seat: Seat = .solo) throws -> LocalWorkbench {
        let scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent(file).path)
        return LocalWorkbench(scenario: scenario, file: file, size: size, seat: seat)
    }

    /// Runs a command line's actions; a line that does not parse leaves its message in the
    /// status bar, as Enter on it would.
    mutating func run(_ line: String) {
        switch Commands.parse(line, scenario: self.view.today) {
        case .success(let actions): for action in actions { _ = send(action) }
        case .failure(let error): self.message = error.message
        }
    }
}
