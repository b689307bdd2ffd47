import EntenteCore
import EntenteSession

/// Package builder: pick an option per issue and watch the coalition, every actor's gain,
/// the objectives and the rules change on every key.
enum BuilderScreen {
    static func draw(_ state: AppState, into grid: inout Grid, top: Int, height: Int) {
        let place = layout(state, width: grid.width, height: height)
        drawIssues(state, into: &grid, x: 1, top: top, width: place.listWidth, height: place.listHeight)
        drawCoalition(state, into: &grid, x: place.paneX, top: top + place.paneTop, width: place.paneWidth, height: height - place.paneTop)
    }

    /// Side by side from 70 columns; below that the issues sit above the coalition.
    private static func layout(_ state: AppState, width: Int, height: Int) -> (listWidth: Int, listHeight: Int, paneX: Int, paneTop: Int, paneWidth: Int) {
        guard width < 70 else {
            let left = max(24, min(80, width * 45 / 100))
            return (left - 1, height, left + 2, 0, width - left - 3)
        }
        let listHeight = min(state.scenario.issues.count + 3, height / 2)
        return (width - 2, listHeight, 1, listHeight, width - 2)
    }

    /// The first issue listed, so that the selected one stays in view.
    private static func firstIssue(_ state: AppState, rows: Int) -> Int {
        Scrolling.first(selected: state.visibleIssues.firstIndex(of: state.selectedIssue) ?? 0, count: state.visibleIssues.count, rows: rows)
    }

    /// The issue drawn at a screen cell, for mouse clicks.
    static func issue(atRow y: Int, column x: Int, _ state: AppState, top: Int, height: Int) -> Int? {
        let place = layout(state, width: state.size.columns, height: height)
        let rows = place.listHeight - 3
        guard x <= place.listWidth, y >= top + 2, y < top + 2 + rows else { return nil }
        let row = firstIssue(state, rows: rows) + y - top - 2
        return state.visibleIssues.indices.contains(row) ? state.visibleIssues[row] : nil
    }

    /// The issues with the option in force; the selected one highlighted, changed ones
    /// marked, issues held off the table or fixed labelled so.
    private static func drawIssues(_ state: AppState, into grid: inout Grid, x: Int, top: Int, width: Int, height: Int) {
        grid.put("Issues (\(Keymap.pair(.editing(.changeOption(-1)), .editing(.changeOption(1)), on: .builder)) changes the option)" + (state.filter.isEmpty ? "" : " /\(TerminalText.escaped(state.filter))"), x: x, y: top,
                 style: Style(bold: true, role: .accent), limit: width)
        let issues = state.scenario.issues
        let visible = state.visibleIssues
        let rows = height - 3
        let first = firstIssue(state, rows: rows)
        // Names take the room they need, up to three fifths of the list; options the rest.
        let longest = visible.map { DisplayWidth.of(TerminalText.escaped(issues[$0].ownName)) }.max() ?? 8
        let nameWidth = max(8, min(longest, width * 3 / 5))
        for (offset, index) in visible.dropFirst(first).prefix(max(0, rows)).enumerated() {
            let issue = issues[index]
            let choice = state.package.choices[index]
            let changed = choice != issue.statusQuoIndex
            let y = top + 2 + offset
            let selected = index == state.selectedIssue
            let style = Style(bold: changed, reverse: selected, role: changed ? .accent : nil)
            let hold = state.fixed[issue.id] != nil ? "[fixed] " : state.offTable.contains(issue.id) ? "[off] " : ""
            let option = DisplayWidth.truncate(hold + TerminalText.escaped(issue.options[choice].name), to: max(1, width - nameWidth - 3))
            let text = DisplayWidth.pad(TerminalText.escaped(issue.ownName), to: nameWidth) + " " + option
            if selected { grid.paint(y: y, from: x, to: x + width, style: style) }
            grid.put((changed ? "* " : "  ") + text, x: x, y: y, style: style, limit: width)
        }
    }

    /// The coalition, the rules, the objectives and a gain bar per actor; in the workshop
    /// view only the viewer's own gain and whether it would join.
    private static func drawCoalition(_ state: AppState, into grid: inout Grid, x: Int, top: Int, width: Int, height: Int) {
        guard width > 10 else { return }
        let seen = state.evaluation
        var firstBar = top + 5
        if let own = seen.own {
            let verdict = own.joins ? "You would join" : own.redLined ? "A red line of yours keeps you out" : "You gain too little to join"
            grid.put(verdict, x: x, y: top, style: Style(bold: true, role: own.joins ? .good : .bad), limit: width)
            let rows = grid.putWrapped("Workshop view: others' gains and the coalition are hidden.", x: x, y: top + 1, width: width, style: Style(role: .muted))
            firstBar = top + 2 + rows
        } else if let evaluation = seen.full {
            let members = evaluation.coalition.count
            let share = Figures.percent(evaluation.objective(.capability))
            let summary = "Coalition: \(members) member\(members == 1 ? "" : "s") · \(share)\(width >= 60 ? " of capability" : "") · "
                + (evaluation.viable ? "viable" : "not viable")
            grid.put(summary, x: x, y: top, style: Style(bold: true, role: evaluation.viable ? .good : .bad), limit: width)
            let (yes, no) = ("✓", "✗")
            let rules = evaluation.rules.map { "\($0.id) \($0.holds ? yes : no)" }.joined(separator: "  ")
            grid.put(rules.isEmpty ? "no rules" : rules, x: x, y: top + 1, style: Style(role: .muted), limit: width)
            grid.put("total gain \(Figures.signed(evaluation.objective(.totalGain)))  min \(Figures.signed(evaluation.objective(.minGain)))  "
                + "nash \(Figures.fixed(evaluation.objective(.nash), 2))", x: x, y: top + 2, limit: width)
            // Novelty measures a coalition against the groupings; nobody has none to measure.
            let novelty = evaluation.coalition.isEmpty ? "–" : Figures.fixed(evaluation.objective(.novelty), 2)
            grid.put("novelty \(novelty)  openness \(Figures.signed(evaluation.objective(.openness), 1))",
                     x: x, y: top + 3, limit: width)
        }
        let standings = state.scenario.actors.indices.compactMap(seen.standing)
        let nameWidth = min(16, standings.map { DisplayWidth.of(TerminalText.escaped(state.scenario.actors[$0.actor].name)) }.max() ?? 8)
        let figureWidth = 8
        let barWidth = max(4, width - nameWidth - figureWidth - 4)
        let scale = max(1, standings.map { abs($0.gain) }.max() ?? 1)
        // Why the explained actor is in or out, at the foot of the pane.
        let why = state.shortfall(under: state.package).map { Array(ShortfallLines.lines($0, package: state.package, scenario: state.scenario, width: width).prefix(4)) } ?? []
        for (offset, line) in why.enumerated() {
            grid.put(line.0, x: x, y: top + height - why.count + offset, style: line.1, limit: width)
        }
        let room = max(0, height - (firstBar - top) - (why.isEmpty ? 0 : why.count + 1))
        let shown = standings.count > room ? max(0, room - 1) : standings.count
        if shown < standings.count {
            grid.put("… and \(standings.count - shown) more (a taller terminal shows them)", x: x, y: firstBar + shown, style: Style(role: .muted), limit: width)
        }
        for (row, standing) in standings.prefix(shown).enumerated() {
            let y = firstBar + row
            let (gain, member, redLined) = (standing.gain, standing.joins, standing.redLined)
            grid.put(DisplayWidth.pad(TerminalText.escaped(state.scenario.actors[standing.actor].name), to: nameWidth), x: x, y: y, style: Style(bold: member), limit: nameWidth)
            let bar = String(repeating: gain >= 0 ? Bars.full : Bars.loss, count: Bars.length(gain, scale: scale, width: barWidth))
            if redLined {
                // Which red line, in place of the bar: the package's option the actor refuses.
                let crossed = state.scenario.redLinesCrossed(by: state.package, actor: standing.actor).joined(separator: ", ")
                grid.put(DisplayWidth.truncate("red line: " + crossed, to: barWidth), x: x + nameWidth + 1, y: y, style: Style(bold: true, role: .bad))
            } else {
                grid.put(bar, x: x + nameWidth + 1, y: y, style: Style(role: member ? .good : .bad), limit: barWidth)
            }
            let figure = Figures.signed(gain)
            grid.put(DisplayWidth.pad(figure, to: figureWidth, alignRight: true), x: x + nameWidth + barWidth + 2, y: y,
                     style: Style(role: member ? .good : redLined || gain < 0 ? .bad : .muted))
        }
    }
}
