import EntenteCore

/// Issues: the issues grouped by lever, each on the table, off it or fixed at an option;
/// the selected issue's options below or beside the list. Unbundling (split), rebundling
/// (merge), renaming and option edits start here.
enum IssuesScreen {
    /// One line of the list: a lever heading (issue nil) or an issue.
    struct Row {
        let issue: Int?
        let text: String
    }

    /// The list's lines in display order: levers in the report's order, issues by scenario order.
    static func rows(_ state: AppState) -> [Row] {
        let issues = state.scenario.issues
        var rows: [Row] = []
        let idWidth = min(21, issues.map { DisplayWidth.of(TerminalText.escaped($0.id)) }.max() ?? 0) + 1
        for lever in Lever.allCases {
            let members = state.visibleIssues.filter { issues[$0].lever == lever }
            guard !members.isEmpty else { continue }
            rows.append(Row(issue: nil, text: lever.title.uppercased()))
            for index in members {
                let issue = issues[index]
                let fixed = state.fixed[issue.id]
                let hold = fixed != nil ? "fix" : state.offTable.contains(issue.id) ? "off" : "on"
                let detail = (fixed.map { "= \($0)  " } ?? "") + (issue.parent.map { "(part of \($0)) " } ?? "") + TerminalText.escaped(issue.ownName)
                rows.append(Row(issue: index, text: DisplayWidth.pad(hold, to: 4) + DisplayWidth.pad(TerminalText.escaped(issue.id), to: idWidth) + " " + detail))
            }
        }
        return rows
    }

    /// Where the list sits: side by side with the detail from 100 columns, above it below.
    static func layout(width: Int, top: Int, height: Int) -> (listWidth: Int, listTop: Int, listRows: Int, detailX: Int, detailTop: Int, detailRows: Int) {
        if width >= 100 {
            let listWidth = width / 2
            return (listWidth, top + 1, height - 1, listWidth + 2, top, height)
        }
        let detailRows = max(4, height * 2 / 5)
        return (width - 2, top + 1, max(1, height - detailRows - 2), 1, top + height - detailRows, detailRows)
    }

    /// The first list row drawn, so that the selected issue is in view.
    static func firstRow(_ state: AppState, rows: [Row], visible: Int) -> Int {
        Scrolling.first(selected: rows.firstIndex { $0.issue == state.selectedIssue } ?? 0, count: rows.count, rows: visible)
    }

    /// The issue drawn at a screen row, for mouse clicks.
    static func issue(atRow y: Int, column x: Int, _ state: AppState, top: Int, height: Int) -> Int? {
        let place = layout(width: state.size.columns, top: top, height: height)
        let rows = rows(state)
        let offset = y - place.listTop - 1
        guard x <= place.listWidth, offset >= 0, offset < place.listRows - 1 else { return nil }
        let index = firstRow(state, rows: rows, visible: place.listRows - 1) + offset
        return rows.indices.contains(index) ? rows[index].issue : nil
    }

    static func draw(_ state: AppState, into grid: inout Grid, top: Int, height: Int) {
        guard !state.visibleIssues.isEmpty else {
            grid.put(state.filter.isEmpty ? "No issues in this scenario." : "No issue matches /\(TerminalText.escaped(state.filter)) (\(Keymap.clearFilter.keyLabel) clears the filter).", x: 1, y: top)
            return
        }
        let place = layout(width: grid.width, top: top, height: height)
        let onTable = state.scenario.issues.filter { !state.offTable.contains($0.id) && state.fixed[$0.id] == nil }.count
        grid.put("Issues by lever: \(onTable) of \(state.scenario.issues.count) free on the table"
                 + (state.filter.isEmpty ? "" : " · /\(TerminalText.escaped(state.filter))"), x: 1, y: top,
                 style: Style(bold: true, role: .accent), limit: place.listWidth)
        let rows = rows(state)
        let visible = place.listRows - 1
        let first = firstRow(state, rows: rows, visible: visible)
        for (offset, row) in rows.dropFirst(first).prefix(max(0, visible)).enumerated() {
            let y = place.listTop + 1 + offset
            guard let issue = row.issue else {
                grid.put(row.text, x: 1, y: y, style: Style(bold: true, role: .muted), limit: place.listWidth)
                continue
            }
            let selected = issue == state.selectedIssue
            let id = state.scenario.issues[issue].id
            let role: ColorRole? = state.fixed[id] != nil ? .accent : state.offTable.contains(id) ? .muted : nil
            if selected { grid.paint(y: y, from: 1, to: 1 + place.listWidth, style: Style(reverse: true)) }
            grid.put(DisplayWidth.truncate("  " + row.text, to: place.listWidth), x: 1, y: y, style: Style(bold: selected, reverse: selected, role: role), limit: place.listWidth)
        }
        drawDetail(state, into: &grid, x: place.detailX, y: place.detailTop, rows: place.detailRows, width: grid.width - place.detailX - 1)
    }

    /// The selected issue: its name, place, options (cursor, status quo, fix, openness) and
    /// the option's description; and who cares most about it.
    private static func drawDetail(_ state: AppState, into grid: inout Grid, x: Int, y: Int, rows: Int, width: Int) {
        let index = state.selectedIssue
        let issue = state.scenario.issues[index]
        var lines: [(String, Style)] = [(TerminalText.escaped(issue.name), Style(bold: true, role: .accent))]
        var place = "\(TerminalText.escaped(issue.id)) · \(issue.lever.title)"
        if let parent = issue.parent { place += " · split from \(parent) into \(state.scenario.parts(of: parent).count) parts (\(Keymap.key(.editing(.mergeSelected), on: .issues)) merges them)" }
        lines += TextWrap.wrap(place, width: width, first: "", rest: "  ").map { ($0, Style(role: .muted)) }
        let cursor = state.optionCursor(in: index)
        let idWidth = min(16, issue.options.map { DisplayWidth.of(TerminalText.escaped($0.id)) }.max() ?? 0)
        for (position, option) in issue.options.enumerated() {
            var marks: [String] = []
            if option.id == issue.statusQuo { marks.append("status quo") }
            if state.fixed[issue.id] == option.id { marks.append("fixed") }
            let text = (position == cursor ? "▸ " : "  ") + DisplayWidth.pad(TerminalText.escaped(option.id), to: idWidth) + " "
                + DisplayWidth.pad(Figures.signed(option.openness, 1), to: 6, alignRight: true) + "  "
                + TerminalText.escaped(option.name) + (marks.isEmpty ? "" : " (" + marks.joined(separator: ", ") + ")")
            lines.append((text, Style(bold: position == cursor, role: state.fixed[issue.id] == option.id ? .accent : nil)))
        }
        let option = issue.options[cursor]
        if !option.description.isEmpty {
            lines += TextWrap.wrap(TerminalText.escaped(option.description), width: width, first: "", rest: "").map { ($0, Style(role: .muted)) }
        }
        lines.append(("", Style()))
        lines += TextWrap.wrap(caresMost(state, issue: issue), width: width, first: "cares most: ", rest: "  ").map { ($0, Style()) }
        lines += TextWrap.wrap(keyGuide,
                               width: width, first: "", rest: "").map { ($0, Style(role: .muted)) }
        for (offset, line) in lines.prefix(rows).enumerated() {
            grid.put(line.0, x: x, y: y + offset, style: line.1, limit: width)
        }
    }

    /// The actors to whom the issue matters most (share of their attention), or in the
    /// workshop view only the viewer's own share.
    /// The detail pane's reminder of the keys, each named by the keymap.
    private static var keyGuide: String {
        let key = { (action: Action) in Keymap.firstKey(action, in: Keymap.workbench.bindings(on: .issues)) }
        let words: [(String, String)] = [
            (Keymap.pair(.editing(.selectOption(-1)), .editing(.selectOption(1)), on: .issues), "option"), (key(.editing(.toggleFix)), "fix"),
            (key(.editing(.toggleTable)), "table"), (key(.editing(.prompt(.split))), "split"), (key(.editing(.mergeSelected)), "merge"),
            (key(.editing(.prompt(.rename))), "rename"), (key(.editing(.prompt(.addOption))), "add"), (key(.editing(.prompt(.renameOption))), "name"),
            (key(.editing(.prompt(.openness))), "openness"), (key(.editing(.prompt(.describeOption))), "describe"),
            (key(.editing(.dropSelectedOption)), "drop option"), (key(.editing(.interestsOfSelectedIssue)), "stances"),
        ]
        return words.map { "\($0.0) \($0.1)" }.joined(separator: " · ")
    }

    private static func caresMost(_ state: AppState, issue: Issue) -> String {
        let shares = state.scenario.actors.indices.filter(state.canSee).compactMap { index -> (String, Double)? in
            let actor = state.scenario.actors[index]
            guard let stance = actor.interests[issue.id], actor.totalSalience > 0, stance.salience > 0 else { return nil }
            return (actor.id, stance.salience / actor.totalSalience)
        }
        let top = shares.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(6)
        return top.isEmpty ? "nobody" : top.map { "\(TerminalText.escaped($0.0)) \(Figures.percent($0.1))" }.joined(separator: ", ")
    }
}

extension Lever {
    /// The lever's name as the report writes it.
    var title: String {
        switch self {
        case .infrastructure: "Infrastructure"
        case .supplyChains: "Supply chains"
        case .standards: "Standards"
        case .regulation: "Regulation"
        case .institutions: "Institutions"
        case .other: "Other"
        }
    }
}
