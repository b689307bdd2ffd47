/// Everything that can happen to the workbench: keys mapped to intents, and events from
/// outside (a resize). `update` is the only place they change the state.
public enum Action: Equatable, Sendable {
    case quit
    case toggleHelp
    case scroll(Int)
    case resize(Size)
}

/// What the outside world must do after an update.
public enum Effect: Equatable, Sendable {
    case quit
}
