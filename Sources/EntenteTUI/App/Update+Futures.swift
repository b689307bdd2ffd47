import EntenteCore
import EntenteSession

/// The future selector, the package Compare shows across the futures, and moving among and
/// dropping an actor's links on Interests.
func updateFutures(_ state: inout AppState, _ action: FutureAction) -> [Effect] {
    switch action {
    case .setFuture(let id):
        // The session checks the id and answers with the view in that future.
        return [.session(.workspace(.future(id)))]
    case .cycleFuture(let step):
        let ids = state.view.futures.map(\.id)
        guard ids.count > 1 else {
            state.message = "this scenario has no futures (a format 2 file declares them under futures:)"
            break
        }
        let current = ids.firstIndex(of: state.view.future ?? Future.todayID) ?? 0
        let next = ids[wrapped(current, by: step, count: ids.count)]
        return [.session(.workspace(.future(next == Future.todayID ? nil : next)))]
    case .selectPin(let step):
        guard !state.pinned.isEmpty else { break }
        state.selectedPin = wrapped(state.comparedPin, by: step, count: state.pinned.count)
    case .selectLink(let step):
        let count = state.ownLinks.count
        guard count > 0 else {
            state.message = "\(state.scenario.actors[state.cell.actor].id) has no links of its own: \(Keymap.key(.editing(.prompt(.addLink)), on: .interests)) adds one"
            break
        }
        state.selectedLink = wrapped(state.linkCursor, by: step, count: count)
    case .dropSelectedLink:
        guard state.selectedOwnLink != nil else {
            state.message = "\(state.scenario.actors[state.cell.actor].id) has no links of its own to drop"
            break
        }
        return applyEdit(&state, .dropLink(actor: state.scenario.actors[state.cell.actor].id, index: state.linkCursor))
    }
    return []
}
