import EntenteTUI
import Synchronization

/// Actions posted from other threads, waiting for the main loop.
final class Inbox: Sendable {
    private let actions = Mutex<[Action]>([])

    func post(_ action: Action) { actions.withLock { $0.append(action) } }

    func drain() -> [Action] { actions.withLock { actions in defer { actions = [] }; return actions } }
}
