import EntenteCore
import EntenteSession

/// Compare's lower part when the scenario has futures: one pinned package (`]` and `[`
/// choose which) today and in every future, a row each: viable or not (and why not), who
/// joins, and every actor's gain. The row of the future shown is marked `▸`. In the
/// workshop view only the viewer's own gain and whether it joins are shown.
enum CompareFutures {
    /// The rows the section takes (0 when there is nothing to show).
    static func rows(_ state: AppState) -> Int {
        state.view.futures.isEmpty || state.pinned.isEmpty ? 0 : state.view.futures.count + 3
    }

    static func draw(_ state: AppState, into grid: inout Grid, top: Int) {
        guard rows(state) > 0 else { return }
        let pin = state.comparedPin
        let more = state.pinned.count > 1 ? " (\(Keymap.key(.futures(.selectPin(1)), on: .compare)) and \(Keymap.key(.futures(.selectPin(-1)), on: .compare)) choose the package)" : ""
        let title = TerminalText.escaped(state.view.pinned[pin].title(pin))
        grid.put("\(title) today and in every future\(more)", x: 1, y: top + 1, style: Style(bold: true, role: .accent), limit: grid.width - 2)
        let nameWidth = min(34, max(12, state.view.futures.map { DisplayWidth.of(TerminalText.escaped($0.name)) }.max() ?? 0) + 2)
        let header = Style(bold: true)
        grid.put("Future", x: 1, y: top + 2, style: header, limit: nameWidth - 1)
        for (row, lane) in state.view.futures.enumerated() {
            let y = top + 3 + row
            let shown = lane.id == (state.view.future ?? Future.todayID)
            grid.put((shown ? "▸" : " ") + TerminalText.escaped(lane.name), x: 1, y: y, style: Style(bold: shown), limit: nameWidth - 1)
        }
        let x = 1 + nameWidth
        let evaluations = state.view.futures.map { $0.pins[pin] }
        if let viewer = state.viewerIndex {
            grid.put("Your gain", x: x, y: top + 2, style: header)
            for (row, evaluation) in evaluations.enumerated() {
                guard let own = evaluation.standing(of: viewer) else { continue }
                let joins = own.joins ? "joins" : own.redLined ? "red line" : "stays out"
                grid.put("\(Figures.signed(own.gain)) (\(joins))", x: x, y: top + 3 + row, style: Style(bold: own.joins))
            }
            return
        }
        drawFull(state, evaluations.compactMap(\.full), into: &grid, x: x, top: top)
    }

    /// The full view's columns: viable, members, and each actor's gain (as many as fit).
    private static func drawFull(_ state: AppState, _ evaluations: [PackageEvaluation], into grid: inout Grid, x: Int, top: Int) {
        let viableWidth = 18
        let gainWidth = 8
        let actors = Array(state.scenario.actors.indices)
        let membersX = x + viableWidth
        let membersWidth = max(10, min(24, grid.width - membersX - 1 - actors.count * gainWidth))
        let gainsX = membersX + membersWidth
        let shownActors = actors.prefix(max(0, (grid.width - gainsX - 1) / gainWidth))
        let header = Style(bold: true)
        grid.put("Viable", x: x, y: top + 2, style: header, limit: viableWidth - 1)
        grid.put("Members", x: membersX, y: top + 2, style: header, limit: membersWidth - 1)
        for (column, actor) in shownActors.enumerated() {
            let id = DisplayWidth.pad(TerminalText.escaped(state.scenario.actors[actor].id), to: gainWidth - 1, alignRight: true)
            grid.put(id, x: gainsX + column * gainWidth, y: top + 2, style: header, limit: gainWidth - 1)
        }
        for (row, evaluation) in evaluations.enumerated() {
            let y = top + 3 + row
            grid.put(viability(evaluation), x: x, y: y, style: Style(role: evaluation.viable ? .good : .bad), limit: viableWidth - 1)
            let members = evaluation.coalition.members.map { TerminalText.escaped(state.scenario.actors[$0].id) }
            grid.put(members.isEmpty ? "nobody" : members.joined(separator: ", "), x: membersX, y: y, limit: membersWidth - 1)
            for (column, actor) in shownActors.enumerated() {
                let joins = evaluation.coalition.contains(actor)
                grid.put(DisplayWidth.pad(Figures.signed(evaluation.gains[actor]), to: gainWidth - 1, alignRight: true),
                         x: gainsX + column * gainWidth, y: y, style: Style(bold: joins, role: joins ? nil : .muted), limit: gainWidth - 1)
            }
        }
    }

    /// "yes", or why not: nobody joins, or which rules fail.
    static func viability(_ evaluation: PackageEvaluation) -> String {
        if evaluation.viable { return "yes" }
        if evaluation.coalition.isEmpty { return "no: nobody joins" }
        return "no: " + evaluation.rules.filter { !$0.holds }.map(\.id).joined(separator: ", ")
    }
}
