import EntenteCore

/// The robustness analysis's draws as a histogram, under its figures in the finder's
/// analysis pane: one bar per number of members who stay, from all of them down to the
/// fewest any draw kept, its viable draws drawn full and the rest shaded, so the spread
/// behind the viable share and the members' stay shares shows at a glance.
///
///       draws by members who stay (█ viable, ▒ not):
///         3 of 3 stay  ████████████████████████████████████████  81.6%
///         2 of 3 stay  █████████                                 18.4%
enum RobustnessHistogram {
    static func lines(_ robustness: Robustness, width: Int) -> [(String, Style)] {
        let staying = robustness.staying
        let members = staying.count - 1
        guard members > 0, robustness.draws > 0, let fewest = staying.indices.first(where: { staying[$0].draws > 0 }) else { return [] }
        let label = { (count: Int) in "\(count) of \(members) stay" }
        let labelWidth = label(members).count
        let barWidth = max(4, min(40, width - labelWidth - 13))
        let most = Double(staying.map(\.draws).max() ?? 1)
        var lines = [("  draws by members who stay (\(Bars.full) viable, \(Bars.loss) not):", Style(role: .muted))]
        for count in (fewest...members).reversed() {
            let bucket = staying[count]
            let total = Bars.length(Double(bucket.draws), scale: most, width: barWidth)
            var viable = Bars.length(Double(bucket.viable), scale: most, width: barWidth)
            // The draws that are not viable keep a cell of their own, however few.
            var rest = bucket.draws > bucket.viable ? max(1, total - viable) : 0
            if viable + rest > barWidth {
                if viable > 1 { viable -= 1 } else { rest -= 1 }
            }
            let bar = String(repeating: Bars.full, count: viable) + String(repeating: Bars.loss, count: rest)
            let share = Figures.percent(Double(bucket.draws) / Double(robustness.draws))
            lines.append(("    " + DisplayWidth.pad(label(count), to: labelWidth, alignRight: true) + "  " + DisplayWidth.pad(bar, to: barWidth)
                + DisplayWidth.pad(share, to: 7, alignRight: true), Style()))
        }
        return lines
    }
}
