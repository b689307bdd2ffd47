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
    public var finder = FinderState()

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
    case .cycleObjective(let step):
        let all = Objective.allCases
        let index = all.firstIndex(of: state.finder.objective)!
        state.finder.objective = all[((index + step) % all.count + all.count) % all.count]
    case .runSearch:
        guard !state.finder.running else { break }
        var request = SearchRequest()
        request.objective = state.finder.objective
        request.top = 50
        state.finder.running = true
        state.finder.progress = nil
        return [.startSearch(request)]
    case .cancelSearch:
        guard state.finder.running else { break }
        return [.cancelSearch]
    case .searchProgress(let progress):
        state.finder.progress = progress
    case .searchFinished(let result):
        state.finder.running = false
        state.finder.result = result
        state.finder.selected = 0
        state.finder.resort()
    case .selectResult(let step):
        state.finder.selected = min(max(0, state.finder.order.count - 1), max(0, state.finder.selected + step))
    case .cycleSort:
        let all = FinderColumn.allCases
        state.finder.sort = all[(all.firstIndex(of: state.finder.sort)! + 1) % all.count]
        state.finder.resort()
    case .buildSelected:
        guard let packages = state.finder.result?.packages, state.finder.order.indices.contains(state.finder.selected) else { break }
        state.package = packages[state.finder.order[state.finder.selected]].package
        state.reevaluate()
        state.screen = .builder
    case .resize(let size):
        state.size = size
    }
    return []
}
