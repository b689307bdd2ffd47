import EntenteCore
import EntenteSession
import EntenteTUI

/// A workbench and its session in one value, the session answering each command at once:
/// a key's whole round trip (update, the session's reply, update again) with no threads
/// and no files, for the benchmark and for tests. The terminal's workbench does the same
/// through `EffectRunner`, which also runs the effects that take time or touch files;
/// here those are handed back to the caller.
///
///     var bench = LocalWorkbench(scenario: scenario, file: "x.yaml", size: Size(columns: 100, rows: 30))
///     _ = bench.send(.editing(.adjustSalience(0.1)))   // the session applies the edit; bench.state shows it
@dynamicMemberLookup
public struct LocalWorkbench: Sendable {
    public private(set) var state: AppState
    public private(set) var session: Session

    public init(scenario: Scenario, file: String, size: Size, seat: Seat = .solo) {
        session = Session(scenario: scenario, seats: [seat])
        state = AppState(view: session.view(for: seat.id), file: file, size: size)
    }

    /// Applies an action, answers the session commands it gives (and those the answers
    /// give), and returns every other effect, in order.
    public mutating func send(_ action: Action) -> [Effect] { settle(update(&state, action)) }

    /// Asks the session directly, as the runner does for effects that end in a command
    /// (restoring a journal), and returns the effects of its answer.
    public mutating func answer(_ command: SessionCommand) -> [Effect] {
        settle([.session(command)])
    }

    /// A file finished loading: a fresh session with the same seat, whose view arrives as
    /// `.files(.loaded)`, as `EffectRunner` does after `.open`.
    public mutating func load(_ scenario: Scenario, file: String) -> [Effect] {
        let seat = state.view.seat
        let fresh = Session(scenario: scenario, seats: [seat])
        var effects = settle(update(&state, .files(.loaded(fresh.view(for: seat.id), file: file))))
        // The workbench takes it only while waiting for this file (not after Esc).
        if let adopted = effects.firstIndex(of: .adoptOpened(file: file)) {
            effects.remove(at: adopted)
            session = fresh
        }
        return effects
    }

    /// Answers session commands among `effects` (and those their answers give), returning
    /// every other effect in order.
    private mutating func settle(_ effects: [Effect]) -> [Effect] {
        var pending = effects
        var others: [Effect] = []
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            guard case .session(let command) = effect else {
                others.append(effect)
                continue
            }
            let reply = session.handle(command, from: state.view.seat.id)
            pending = update(&state, .session(reply)) + pending
        }
        return others
    }

    /// The state's properties, read and written in place.
    public subscript<T>(dynamicMember path: WritableKeyPath<AppState, T>) -> T {
        get { state[keyPath: path] }
        set { state[keyPath: path] = newValue }
    }

    public subscript<T>(dynamicMember path: KeyPath<AppState, T>) -> T { state[keyPath: path] }
}
