import EntenteCore

/// Compare: up to three pinned packages side by side (`CompareTable`): the issues, where
/// they differ highlighted, each package's coalition and figures, its members and every
/// actor's gain, scrolled with ↓/↑; below, when the scenario has futures, one of the
/// packages in each of them (`CompareFutures`).
enum CompareScreen {
    static func draw(_ state: AppState, into grid: inout Grid, top: Int, height: Int) {
        let across = CompareFutures.rows(state)
        CompareFutures.draw(state, into: &grid, top: top + height - across)
        let height = height - across
        guard !state.pinned.isEmpty else {
            grid.putWrapped("Nothing pinned yet: press p in the package builder or on a result in the coalition finder.",
                            x: 1, y: top, width: grid.width - 2, style: Style(role: .muted))
            return
        }
        let table = CompareTable(state)
        let labelWidth = min(28, max(12, grid.width / 4))
        let columnWidth = max(10, (grid.width - labelWidth - 3) / state.pinned.count)
        let x = { (index: Int) in 2 + labelWidth + index * columnWidth }
        grid.put("", x: 1, y: top, limit: labelWidth)
        for (index, title) in table.titles.enumerated() {
            grid.put(DisplayWidth.truncate(TerminalText.escaped(title), to: columnWidth - 1), x: x(index), y: top, style: Style(bold: true))
        }
        var y = top + 1
        if table.notes.contains(where: { !$0.isEmpty }) {
            for (index, note) in table.notes.enumerated() {
                grid.put(DisplayWidth.truncate(TerminalText.escaped(note), to: columnWidth - 1), x: x(index), y: y, style: Style(role: .muted))
            }
            y += 1
        }
        let rows = max(1, top + height - y)
        let cut = table.rows.count > rows
        let shown = cut ? rows - 1 : rows
        let first = min(state.compareScroll, max(0, table.rows.count - shown))
        for row in table.rows.dropFirst(first).prefix(shown) {
            switch row.kind {
            case .heading:
                grid.put(TerminalText.escaped(row.label), x: 1, y: y, style: Style(bold: true, role: .accent), limit: grid.width - 2)
            case .issue(let differs, let atStatusQuo):
                grid.put(DisplayWidth.truncate(TerminalText.escaped(row.label), to: labelWidth), x: 1, y: y, style: Style(bold: differs))
                for (index, cell) in row.cells.enumerated() {
                    grid.put(DisplayWidth.truncate(TerminalText.escaped(cell), to: columnWidth - 1), x: x(index), y: y,
                             style: Style(bold: differs, reverse: differs, role: atStatusQuo[index] ? .muted : nil))
                }
            case .figure, .gain:
                grid.put(DisplayWidth.truncate(TerminalText.escaped(row.label), to: labelWidth), x: 1, y: y, style: Style(bold: row.kind == .figure))
                for (index, cell) in row.cells.enumerated() {
                    var style = Style()
                    if case .gain(let members) = row.kind { style = Style(bold: members[index], role: members[index] ? .good : .muted) }
                    grid.put(DisplayWidth.truncate(TerminalText.escaped(cell), to: columnWidth - 1), x: x(index), y: y, style: style)
                }
            }
            y += 1
        }
        if cut {
            let keys = Keymap.workbench
            let below = table.rows.count - first - shown
            let where_ = below > 0 ? "\(below) more below (\(keys.keyLabel(for: .page(1), on: .compare)))" : "the end (\(keys.keyLabel(for: .page(-1), on: .compare)) goes back)"
            grid.put("── \(first + 1)–\(first + shown) of \(table.rows.count): \(where_); :compare FILE writes it all", x: 1, y: y, style: Style(role: .muted), limit: grid.width - 2)
        }
    }

    /// How many rows the table has and how many it shows, for scrolling.
    static func extent(_ state: AppState) -> (rows: Int, shown: Int) {
        guard !state.pinned.isEmpty else { return (0, 0) }
        let table = CompareTable(state)
        let height = state.size.rows - 2 - CompareFutures.rows(state) - 1 - (table.notes.contains { !$0.isEmpty } ? 1 : 0)
        return (table.rows.count, table.rows.count > height ? max(1, height - 1) : height)
    }
}
