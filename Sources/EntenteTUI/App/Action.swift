import EntenteCore

/// Everything that can happen to the workbench: keys mapped to intents, and events from
/// outside (a resize). `update` is the only place they change the state.
public enum Action: Equatable, Sendable {
    case quit
    case toggleHelp
    case show(ScreenID)
    case nextScreen(Int)
    case scroll(Int)
    /// Package builder: move the selection among issues.
    case selectIssue(Int)
    /// Package builder: move the selected issue's option up or down the list.
    case changeOption(Int)
    /// Package builder: put every issue back at its status quo.
    case resetPackage
    /// Coalition finder: rank by the next or previous objective.
    case cycleObjective(Int)
    /// Coalition finder: start a search (Esc cancels it).
    case runSearch
    case cancelSearch
    case searchProgress(SearchProgress)
    case searchFinished(SearchResult)
    /// Coalition finder: move the selection among results.
    case selectResult(Int)
    /// Coalition finder: sort the results by the next column.
    case cycleSort
    /// Coalition finder: load the selected result into the package builder.
    case buildSelected
    case resize(Size)
}

/// What the outside world must do after an update: things that take time or touch the
/// system run outside `update` and report back with actions.
public enum Effect: Equatable, Sendable {
    case quit
    /// Run this search off the main loop, sending `.searchProgress` and `.searchFinished`.
    case startSearch(SearchRequest)
    case cancelSearch
}

/// The workbench's screens, numbered as on the tab bar. Only screens that exist are listed.
public enum ScreenID: Int, CaseIterable, Sendable {
    case overview = 1
    case builder = 5
    case finder = 6

    public var title: String {
        switch self {
        case .overview: "Overview"
        case .builder: "Package builder"
        case .finder: "Coalition finder"
        }
    }
}
