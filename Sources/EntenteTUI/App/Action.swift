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
    case resize(Size)
}

/// What the outside world must do after an update.
public enum Effect: Equatable, Sendable {
    case quit
}

/// The workbench's screens, numbered as on the tab bar. Only screens that exist are listed.
public enum ScreenID: Int, CaseIterable, Sendable {
    case overview = 1
    case builder = 5

    public var title: String {
        switch self {
        case .overview: "Overview"
        case .builder: "Package builder"
        }
    }
}
