import EntenteCore
import EntenteSession

/// Levers: the report's Figure 3 as a scatter plot. Each issue sits by its prospects for
/// cooperation (left to right: the share of capability that gains from its best option)
/// and its openness change against the status quo (bottom to top); the list below names the options.
enum LeversScreen {
    static func draw(_ state: AppState, into grid: inout Grid, top: Int, height: Int) {
        guard state.viewer == nil else {
            grid.putWrapped(SessionError.readsEveryone("levers map", widen: state.view.mayWiden).description,
                            x: 1, y: top, width: grid.width - 2, style: Style(role: .muted))
            return
        }
        let scenario = state.scenario
        let points = LeverMap.points(scenario)
        guard !points.isEmpty else {
            grid.put("No issues to place.", x: 1, y: top)
            return
        }
        let listRows = min(points.count, max(3, height / 3))
        let plotTop = top + 1
        let plotHeight = max(4, height - listRows - 4)
        let left = 8
        let plotWidth = max(10, grid.width - left - 3)
        let lowest = min(0, points.map(\.opennessChange).min()!), highest = max(0, points.map(\.opennessChange).max()!)
        let span = max(1e-9, highest - lowest)
        grid.put("Prospects for cooperation (→ share of capability that gains) against openness change (↑)",
                 x: 1, y: top, style: Style(bold: true, role: .accent), limit: grid.width - 2)
        let (vertical, horizontal, corner) = ("│", "─", "└")
        for row in 0..<plotHeight { grid.put(vertical, x: left - 1, y: plotTop + row, style: Style(role: .muted)) }
        grid.put(corner + String(repeating: horizontal, count: plotWidth), x: left - 1, y: plotTop + plotHeight, style: Style(role: .muted))
        grid.put(Figures.signed(highest, 1), x: 1, y: plotTop, style: Style(role: .muted), limit: left - 2)
        grid.put(Figures.signed(lowest, 1), x: 1, y: plotTop + plotHeight - 1, style: Style(role: .muted), limit: left - 2)
        grid.put("0%", x: left, y: plotTop + plotHeight + 1, style: Style(role: .muted))
        grid.put("100%", x: left + plotWidth - 4, y: plotTop + plotHeight + 1, style: Style(role: .muted))
        var occupied = Set<Int>()
        for point in points {
            let label = String(TerminalText.escaped(scenario.issues[point.issue].id).prefix(12))
            var x = left + Int((point.prospects * Double(plotWidth - 1)).rounded())
            var y = plotTop + Int(((highest - point.opennessChange) / span * Double(plotHeight - 1)).rounded())
            x = min(x, left + plotWidth - DisplayWidth.of(label) - 2)
            // Move down, then up, until the label's row segment is free.
            for shift in [0, 1, -1, 2, -2, 3, -3] {
                let candidate = y + shift
                guard candidate >= plotTop, candidate < plotTop + plotHeight else { continue }
                let cells = (x..<(x + DisplayWidth.of(label) + 2)).map { candidate * grid.width + $0 }
                if cells.allSatisfy({ !occupied.contains($0) }) {
                    y = candidate
                    cells.forEach { occupied.insert($0) }
                    break
                }
            }
            let style = Style(bold: true, role: point.opennessChange > 0 ? .good : point.opennessChange < 0 ? .bad : nil)
            grid.put("●" + label, x: x, y: y, style: style)
        }
        let listTop = plotTop + plotHeight + 2
        for (offset, point) in points.sorted(by: { $0.prospects > $1.prospects }).prefix(listRows).enumerated() {
            let issue = scenario.issues[point.issue]
            grid.put("\(DisplayWidth.pad(TerminalText.escaped(issue.id), to: 22)) \(Figures.percent(point.prospects)) gain from "
                + "\(TerminalText.escaped(issue.options[point.option].name)), openness change \(Figures.signed(point.opennessChange, 1))",
                     x: 1, y: listTop + offset, limit: grid.width - 2)
        }
    }
}
