import EntenteCore

/// Everything the workbench shows, as a value: the view is a function of it.
public struct AppState: Sendable {
    public var scenario: Scenario
    /// The file the scenario came from, for the status bar.
    public var file: String
    public var size: Size
    public var screen = ScreenID.overview
    public var showHelp = false
    /// First row of the scrolled overview.
    public var scroll = 0
    /// The package being built, its selected issue, and its evaluation (kept current by `update`).
    public var package: Package
    public var selectedIssue = 0
    public private(set) var evaluation: PackageEvaluation
    let evaluator: PackageEvaluator

    public init(scenario: Scenario, file: String, size: Size) {
        self.scenario = scenario
        self.file = file
        self.size = size
        evaluator = PackageEvaluator(CompiledScenario(scenario))
        package = scenario.statusQuo
        evaluation = evaluator.evaluate(scenario.statusQuo)
    }

    mutating func reevaluate() { evaluation = evaluator.evaluate(package) }
}

/// Applies an action to the state and says what the outside world must do.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .quit:
        return [.quit]
    case .toggleHelp:
        state.showHelp.toggle()
    case .show(let screen):
        state.screen = screen
        state.showHelp = false
    case .nextScreen(let step):
        let screens = ScreenID.allCases
        let index = screens.firstIndex(of: state.screen)!
        state.screen = screens[((index + step) % screens.count + screens.count) % screens.count]
    case .scroll(let rows):
        state.scroll = max(0, state.scroll + rows)
    case .selectIssue(let step):
        guard !state.scenario.issues.isEmpty else { break }
        state.selectedIssue = min(state.scenario.issues.count - 1, max(0, state.selectedIssue + step))
    case .changeOption(let step):
        guard state.scenario.issues.indices.contains(state.selectedIssue) else { break }
        let options = state.scenario.issues[state.selectedIssue].options.count
        state.package.choices[state.selectedIssue] = ((state.package.choices[state.selectedIssue] + step) % options + options) % options
        state.reevaluate()
    case .resetPackage:
        state.package = state.scenario.statusQuo
        state.reevaluate()
    case .resize(let size):
        state.size = size
    }
    return []
}
