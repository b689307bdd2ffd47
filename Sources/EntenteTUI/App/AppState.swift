import EntenteCore

/// Everything the workbench shows, as a value: the view is a function of it.
public struct AppState: Sendable {
    public var scenario: Scenario
    /// The file the scenario came from, for the status bar.
    public var file: String
    public var size: Size
    public var showHelp = false
    /// First row of the scrolled content.
    public var scroll = 0

    public init(scenario: Scenario, file: String, size: Size) {
        self.scenario = scenario
        self.file = file
        self.size = size
    }
}

/// Applies an action to the state and says what the outside world must do.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .quit:
        return [.quit]
    case .toggleHelp:
        state.showHelp.toggle()
    case .scroll(let rows):
        state.scroll = max(0, state.scroll + rows)
    case .resize(let size):
        state.size = size
    }
    return []
}
