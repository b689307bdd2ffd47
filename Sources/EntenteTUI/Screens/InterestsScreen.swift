import EntenteCore

/// Interests: a heat map of actors × issues. Each cell shows how much the issue matters to
/// the actor (shading by salience, relative to the actor's most salient issue), the first
/// letters of its preferred option, and `!` where it has a red line. The pane below shows
/// the cell under the cursor: salience, every option's value (the option cursor marks the
/// one `<`, `>`, `e` and `x` edit), red lines and the note. In the workshop view every
/// actor but the viewer is hidden.
enum InterestsScreen {
    static let cellWidth = 7
    static let labelWidth = 14

    /// The map's geometry: rows of actors and columns of issues shown, and the first of each.
    struct Layout {
        let detailHeight, mapRows, columns, firstIssue, firstActor: Int
        /// Rows of the links pane below the detail (0 when it is not shown).
        let linkRows: Int
    }

    static func layout(_ state: AppState, width: Int, height: Int) -> Layout {
        let actors = state.visibleActors
        let detailHeight = min(9, max(5, height / 3))
        let linkRows = min(InterestsLinks.rows(state), max(0, height - detailHeight - 4))
        let mapRows = max(1, height - detailHeight - 3 - linkRows)
        let columns = max(1, (width - labelWidth - 2) / cellWidth)
        return Layout(detailHeight: detailHeight, mapRows: mapRows, columns: columns,
                      firstIssue: Scrolling.first(selected: state.cell.issue, count: state.scenario.issues.count, rows: columns),
                      firstActor: Scrolling.first(selected: actors.firstIndex(of: state.cell.actor) ?? 0, count: actors.count, rows: mapRows),
                      linkRows: linkRows)
    }

    /// The (actor, issue) cell at a screen position, for mouse clicks.
    static func cell(atRow y: Int, column x: Int, _ state: AppState, top: Int, height: Int) -> (actor: Int, issue: Int)? {
        let place = layout(state, width: state.size.columns, height: height)
        let actors = state.visibleActors
        let row = place.firstActor + y - top - 2
        let column = x - 1 - labelWidth
        guard y >= top + 2, y < top + 2 + place.mapRows, actors.indices.contains(row), column >= 0 else { return nil }
        let issue = place.firstIssue + column / cellWidth
        guard column / cellWidth < place.columns, state.scenario.issues.indices.contains(issue) else { return nil }
        return (actors[row], issue)
    }

    static func draw(_ state: AppState, into grid: inout Grid, top: Int, height: Int) {
        let scenario = state.scenario
        let actors = state.visibleActors
        guard !actors.isEmpty, !scenario.issues.isEmpty else {
            grid.put(state.filter.isEmpty ? "No actors or issues to show." : "No actor matches /\(TerminalText.escaped(state.filter)) (\(Keymap.clearFilter.keyLabel) clears the filter).", x: 1, y: top)
            return
        }
        let place = layout(state, width: grid.width, height: height)
        let (mapRows, columns, firstIssue, firstActor) = (place.mapRows, place.columns, place.firstIssue, place.firstActor)
        let filter = (state.actorOrder == .scenario ? "" : " · " + state.actorOrder.label)
            + (state.groupingFilter.map { " · " + TerminalText.escaped(scenario.groupings[$0].name) } ?? "")
            + (state.filter.isEmpty ? "" : " · /\(TerminalText.escaped(state.filter))")
        grid.put("Actor \\ issue (shade: salience, text: preferred option, !: red line)\(filter)", x: 1, y: top,
                 style: Style(bold: true, role: .accent), limit: grid.width - 2)
        for (offset, issue) in (firstIssue..<scenario.issues.count).prefix(columns).enumerated() {
            let selected = issue == state.cell.issue
            grid.put(DisplayWidth.pad(scenario.issues[issue].idLabel(cellWidth - 1), to: cellWidth - 1), x: 1 + labelWidth + offset * cellWidth,
                     y: top + 1, style: Style(bold: selected, reverse: selected))
        }
        let shades = ["·", "░", "▒", "▓", "█"]
        for (row, actor) in actors.dropFirst(firstActor).prefix(mapRows).enumerated() {
            let y = top + 2 + row
            let stance = scenario.actors[actor]
            let highest = stance.interests.values.map(\.salience).max() ?? 0
            grid.put(DisplayWidth.pad(TerminalText.escaped(stance.id), to: labelWidth - 1), x: 1, y: y, style: Style(bold: actor == state.cell.actor))
            for (offset, issue) in (firstIssue..<scenario.issues.count).prefix(columns).enumerated() {
                let x = 1 + labelWidth + offset * cellWidth
                let selected = actor == state.cell.actor && issue == state.cell.issue
                guard state.canSee(actor: actor) else {
                    grid.put(DisplayWidth.pad("╌", to: cellWidth - 1), x: x, y: y, style: Style(reverse: selected, role: .muted))
                    continue
                }
                guard let interest = stance.interests[scenario.issues[issue].id] else {
                    grid.put(DisplayWidth.pad(shades[0], to: cellWidth - 1), x: x, y: y, style: Style(reverse: selected, role: .muted))
                    continue
                }
                let level = highest > 0 ? Int((interest.salience / highest * 4).rounded()) : 0
                let options = scenario.issues[issue].options
                let preferred = options.max { interest.value(of: $0) < interest.value(of: $1) }!
                let text = shades[level] + String(TerminalText.escaped(preferred.id).prefix(cellWidth - 3)) + (interest.redLines.isEmpty ? "" : "!")
                grid.put(DisplayWidth.pad(text, to: cellWidth - 1), x: x, y: y,
                         style: Style(bold: level >= 3, reverse: selected, role: interest.redLines.isEmpty ? (level >= 3 ? .accent : nil) : .bad))
            }
        }
        drawDetail(state, into: &grid, y: top + 3 + mapRows, rows: place.detailHeight, width: grid.width - 2)
        InterestsLinks.draw(state, into: &grid, y: top + 3 + mapRows + place.detailHeight, rows: place.linkRows)
    }

    private static func drawDetail(_ state: AppState, into grid: inout Grid, y: Int, rows: Int, width: Int) {
        let scenario = state.scenario
        let actor = scenario.actors[state.cell.actor]
        let issue = scenario.issues[state.cell.issue]
        var lines: [(String, Style)] = [("\(TerminalText.escaped(actor.name)) on \(TerminalText.escaped(issue.name))", Style(bold: true, role: .accent))]
        if !state.canSee(actor: state.cell.actor) {
            lines.append(("hidden in the workshop view: only \(state.viewer ?? "")'s stance is shown", Style(role: .muted)))
        } else if let interest = actor.interests[issue.id] {
            let share = actor.totalSalience > 0 ? interest.salience / actor.totalSalience : 0
            lines.append(("salience \(Figures.fixed(interest.salience)) (\(Figures.percent(share)) of its attention)"
                + (interest.minGain.map { ", joins only above \(Figures.fixed($0)) points" } ?? ""), Style()))
            let cursor = state.optionCursor(in: state.cell.issue)
            let values = issue.options.enumerated().map { position, option in
                (position == cursor ? "▸" : "") + TerminalText.escaped(option.id) + (option.id == issue.statusQuo ? " (status quo)" : "")
                    + (interest.redLines.contains(option.id) ? " (red line)" : "") + " \(Figures.fixed(interest.value(of: option), 0))"
            }
            lines += TextWrap.wrap(values.joined(separator: ", "), width: width, first: "values: ", rest: "  ").map { ($0, Style()) }
            if !interest.redLines.isEmpty { lines.append(("red lines: " + interest.redLines.map(TerminalText.escaped).joined(separator: ", "), Style(role: .bad))) }
            if !interest.note.isEmpty {
                lines += TextWrap.wrap(TerminalText.escaped(interest.note), width: width, first: "note: ", rest: "  ").map { ($0, Style(role: .muted)) }
            }
        } else {
            lines.append(("no stance: the issue does not matter to this actor", Style(role: .muted)))
        }
        for (offset, line) in lines.prefix(rows).enumerated() {
            grid.put(line.0, x: 1, y: y + offset, style: line.1, limit: width)
        }
    }
}
