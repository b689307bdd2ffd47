import EntenteCore
import EntenteSession

/// Levers: the report's Figure 3 as a scatter plot. Each issue sits by its prospects for
/// cooperation (left to right: the share of capability that gains from its best option)
/// and its openness change against the status quo (bottom to top); `LeverLayout` keeps the
/// labels apart, and the list below, which scrolls, names every issue's option.
enum LeversScreen {
    /// Columns left of the plot: the openness figures and the axis.
    private static let left = 8

    static func draw(_ state: AppState, into grid: inout Grid, top: Int, height: Int) {
        guard state.viewer == nil else {
            grid.putWrapped(SessionError.readsEveryone("levers map", widen: state.view.mayWiden).description,
                            x: 1, y: top, width: grid.width - 2, style: Style(role: .muted))
            return
        }
        let points = LeverMap.points(state.scenario)
        guard !points.isEmpty else {
            grid.put("No issues to place.", x: 1, y: top)
            return
        }
        let plot = Plot(state.scenario, points, width: grid.width, top: top, height: height)
        grid.put(DisplayWidth.truncate("Prospects for cooperation (→ share of capability that gains) against openness change (↑)", to: grid.width - 2),
                 x: 1, y: top, style: Style(bold: true, role: .accent))
        let (left, bottom) = (plot.layout.columns.lowerBound, plot.layout.rows.upperBound)
        for y in plot.layout.rows { grid.put("│", x: left - 1, y: y, style: Style(role: .muted)) }
        grid.put("└" + String(repeating: "─", count: plot.layout.columns.count), x: left - 1, y: bottom, style: Style(role: .muted))
        grid.put(Figures.signed(plot.highest, 1), x: 1, y: plot.highestRow, style: Style(role: .muted), limit: left - 2)
        grid.put(Figures.signed(plot.lowest, 1), x: 1, y: plot.lowestRow, style: Style(role: .muted), limit: left - 2)
        grid.put("0%", x: left, y: bottom + 1, style: Style(role: .muted))
        grid.put("100%", x: plot.layout.columns.upperBound - 4, y: bottom + 1, style: Style(role: .muted))
        let styles = plot.layout.markers.map { marker in
            let change = points[marker.members[0]].opennessChange
            return Style(bold: true, role: change > 0 ? .good : change < 0 ? .bad : nil)
        }
        for (index, marker) in plot.layout.markers.enumerated() { grid.put("●", x: marker.x, y: marker.y, style: styles[index]) }
        for label in plot.layout.labels {
            grid.put(label.text, x: label.x, y: label.y, style: styles[label.marker])
            for y in label.leader { grid.put("│", x: plot.layout.markers[label.marker].x, y: y, style: Style(role: .muted)) }
        }

        drawList(state, points, into: &grid, y: bottom + 2, rows: plot.listRows)
    }

    /// The plot's frame and its markers and labels: the list takes a third of the rows below
    /// it, the figures and the axis the columns to its left.
    struct Plot {
        let layout: LeverLayout
        let lowest: Double, highest: Double
        let listRows: Int
        /// The rows of the highest and the lowest openness change: a row or two inside the
        /// plot where it is tall enough, so labels fit above and below them too.
        let highestRow: Int, lowestRow: Int

        init(_ scenario: Scenario, _ points: [LeverMap.Point], width: Int, top: Int, height: Int) {
            let listRows = LeversScreen.listRows(points.count, height: height)
            let plotTop = top + 1
            let plotHeight = max(4, height - listRows - 4)
            let plotWidth = max(10, width - left - 3)
            let lowest = min(0, points.map(\.opennessChange).min() ?? 0)
            let highest = max(0, points.map(\.opennessChange).max() ?? 0)
            let margin = plotHeight >= 12 ? 2 : plotHeight >= 8 ? 1 : 0
            let span = max(1e-9, highest - lowest), scale = (x: Double(plotWidth - 1), y: Double(plotHeight - 1 - 2 * margin))
            let placed: [(x: Int, y: Int, label: String)] = points.map { point in
                let x = left + Int((point.prospects * scale.x).rounded())
                let y = plotTop + margin + Int(((highest - point.opennessChange) / span * scale.y).rounded())
                return (x, y, TerminalText.escaped(scenario.issues[point.issue].id))
            }
            layout = LeverLayout(points: placed, columns: left..<(left + plotWidth), rows: plotTop..<(plotTop + plotHeight))
            (self.lowest, self.highest, self.listRows) = (lowest, highest, listRows)
            (highestRow, lowestRow) = (plotTop + margin, plotTop + plotHeight - 1 - margin)
        }

        /// The plot of the workbench's scenario as the screen draws it.
        init(_ state: AppState) {
            self.init(state.scenario, LeverMap.points(state.scenario), width: state.size.columns, top: 1, height: state.size.rows - 2)
        }
    }

    /// Every issue, best prospects first (ties in issue order), from `leversScroll`; when
    /// they do not all fit, the last row says where the list is and how to scroll it.
    private static func drawList(_ state: AppState, _ points: [LeverMap.Point], into grid: inout Grid, y: Int, rows: Int) {
        let scenario = state.scenario
        let sorted = points.sorted { ($1.prospects, $0.issue) < ($0.prospects, $1.issue) }
        let shown = shownRows(points.count, rows: rows)
        let first = min(state.leversScroll, max(0, points.count - shown))
        let idWidth = min(22, sorted.map { DisplayWidth.of(TerminalText.escaped(scenario.issues[$0.issue].id)) }.max() ?? 0)
        for (offset, point) in sorted.dropFirst(first).prefix(shown).enumerated() {
            let issue = scenario.issues[point.issue]
            let line = "\(DisplayWidth.pad(TerminalText.escaped(issue.id), to: idWidth)) \(Figures.percent(point.prospects)) gain from "
                + "\(TerminalText.escaped(issue.options[point.option].name)), openness change \(Figures.signed(point.opennessChange, 1))"
            grid.put(DisplayWidth.truncate(line, to: grid.width - 2), x: 1, y: y + offset)
        }
        guard shown < points.count else { return }
        let below = points.count - first - shown
        let keys = Keymap.workbench
        let position = below > 0 ? "\(below) more below (\(keys.keyLabel(for: .scroll(1), on: .levers)))"
            : "the end (\(keys.keyLabel(for: .scroll(-1), on: .levers)) goes back)"
        grid.put(DisplayWidth.truncate("── \(first + 1)–\(first + shown) of \(points.count) issues: \(position)", to: grid.width - 2),
                 x: 1, y: y + shown, style: Style(role: .muted))
    }

    /// Rows the list takes below the plot: a third of the screen, at least three.
    private static func listRows(_ count: Int, height: Int) -> Int { min(count, max(3, height / 3)) }

    /// Issues the list shows at once: every row, or all but the one saying where it is.
    private static func shownRows(_ count: Int, rows: Int) -> Int { count > rows ? max(1, rows - 1) : count }

    /// The number of issues and how many the list shows at once, for scrolling and paging.
    static func listExtent(_ state: AppState) -> (count: Int, shown: Int) {
        let count = state.scenario.issues.count
        return (count, shownRows(count, rows: listRows(count, height: max(0, state.size.rows - 2))))
    }
}
