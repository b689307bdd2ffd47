import EntenteCore

/// Compare's gain chart: each gain cell holds the figure, right-aligned, and a bar of it
/// around a zero axis, every pin's on one scale so the bars side by side compare.
struct GainChart {
    /// The columns of the figures, the bars' range and their width (0: no room for bars).
    let textWidth: Int
    let lowest: Double
    let highest: Double
    let barWidth: Int

    init(_ table: CompareTable, columnWidth: Int) {
        var texts: [String] = [], points: [Double] = []
        for row in table.rows {
            guard case .gain(_, let gains) = row.kind else { continue }
            texts += row.cells.map { TerminalText.escaped($0) }
            points += gains.compactMap { $0 }
        }
        textWidth = min(columnWidth - 1, texts.map(DisplayWidth.of).max() ?? 0)
        lowest = min(0, points.min() ?? 0)
        highest = max(0, points.max() ?? 0)
        // A bar needs its axis and a few cells either side to say anything.
        let room = min(25, columnWidth - 2 - textWidth)
        barWidth = room >= 4 ? room : 0
    }

    var drawn: Bool { barWidth > 0 }

    func draw(_ cell: String, _ point: Double?, into grid: inout Grid, x: Int, y: Int, style: Style) {
        let text = DisplayWidth.pad(TerminalText.escaped(cell), to: textWidth, alignRight: true)
        grid.put(text, x: x, y: y, style: style, limit: textWidth)
        guard drawn, let point else { return }
        grid.put(Bars.diverging(point, lowest: lowest, highest: highest, width: barWidth), x: x + textWidth + 1, y: y, style: style)
    }
}
