/// Key bindings as data: the help overlay and the status-bar hints are generated from
/// them, so they cannot drift from what the keys do.
public struct Keymap: Sendable {
    public struct Binding: Sendable {
        public let keys: [Key]
        public let action: Action
        public let help: String
        /// Shown in the status bar as well as in the help overlay.
        public let hint: Bool
    }

    public let bindings: [Binding]

    public static let workbench = Keymap(bindings: [
        Binding(keys: [.character("?")], action: .toggleHelp, help: "show or hide this help", hint: true),
        Binding(keys: [.down, .character("j")], action: .scroll(1), help: "scroll down", hint: false),
        Binding(keys: [.up, .character("k")], action: .scroll(-1), help: "scroll up", hint: false),
        Binding(keys: [.pageDown], action: .scroll(10), help: "scroll a page down", hint: false),
        Binding(keys: [.pageUp], action: .scroll(-10), help: "scroll a page up", hint: false),
        Binding(keys: [.character("q")], action: .quit, help: "quit", hint: true),
    ])

    /// The action bound to a key, if any. Esc closes the help overlay.
    public func action(for key: Key, in state: AppState) -> Action? {
        if key == .escape && state.showHelp { return .toggleHelp }
        return bindings.first { $0.keys.contains(key) }?.action
    }
}
