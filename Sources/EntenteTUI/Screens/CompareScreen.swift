import EntenteCore

/// Compare: up to three pinned packages side by side (`CompareTable`): the issues, where
/// they differ highlighted, each package's coalition and figures, its members and every
/// actor's gain with a bar of it (`GainChart`), scrolled; below, when the scenario has futures, one of the
/// packages in each of them (`CompareFutures`).
enum CompareScreen {
    static func draw(_ state: AppState, into grid: inout Grid, top: Int, height: Int) {
        let across = CompareFutures.rows(state)
        CompareFutures.draw(state, into: &grid, top: top + height - across)
        let height = height - across
        guard !state.pinned.isEmpty else {
            grid.putWrapped("Nothing pinned yet: press \(Keymap.key(.browsing(.pin), on: .builder)) in the package builder, or \(Keymap.key(.browsing(.pin), on: .finder)) on a result in the coalition finder.",
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
        let chart = GainChart(table, columnWidth: columnWidth)
        for (index, row) in table.rows.enumerated().dropFirst(first).prefix(shown) {
            switch row.kind {
            case .heading:
                let used = grid.put(TerminalText.escaped(row.label), x: 1, y: y, style: Style(bold: true, role: .accent), limit: grid.width - 2)
                if chart.drawn, table.rows.indices.contains(index + 1), case .gain = table.rows[index + 1].kind {
                    grid.put("  bars: \(Bars.full) gain, \(Bars.loss) loss, \(Bars.axis) zero", x: 1 + used, y: y, style: Style(role: .muted), limit: grid.width - 2 - used)
                }
            case .issue(let differs, let atStatusQuo):
                grid.put(DisplayWidth.truncate(TerminalText.escaped(row.label), to: labelWidth), x: 1, y: y, style: Style(bold: differs))
                for (index, cell) in row.cells.enumerated() {
                    grid.put(DisplayWidth.truncate(TerminalText.escaped(cell), to: columnWidth - 1), x: x(index), y: y,
                             style: Style(bold: differs, reverse: differs, role: atStatusQuo[index] ? .muted : nil))
                }
            case .figure:
                grid.put(DisplayWidth.truncate(TerminalText.escaped(row.label), to: labelWidth), x: 1, y: y, style: Style(bold: true))
                for (index, cell) in row.cells.enumerated() {
                    grid.put(DisplayWidth.truncate(TerminalText.escaped(cell), to: columnWidth - 1), x: x(index), y: y)
                }
            case .gain(let members, let points):
                grid.put(DisplayWidth.truncate(TerminalText.escaped(row.label), to: labelWidth), x: 1, y: y)
                for (index, cell) in row.cells.enumerated() {
                    let style = Style(bold: members[index], role: members[index] ? .good : .muted)
                    chart.draw(cell, points[index], into: &grid, x: x(index), y: y, style: style)
                }
            }
            y += 1
        }
        if cut {
            let keys = Keymap.workbench
            let below = table.rows.count - first - shown
            let position = below > 0 ? "\(below) more below (\(keys.keyLabel(for: .page(1), on: .compare)))" : "the end (\(keys.keyLabel(for: .page(-1), on: .compare)) goes back)"
            grid.put("── \(first + 1)–\(first + shown) of \(table.rows.count): \(position); :compare FILE writes it all", x: 1, y: y, style: Style(role: .muted), limit: grid.width - 2)
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
