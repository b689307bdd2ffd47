import EntenteCore

/// Draws the whole workbench for a state: tab bar, the current screen, the status bar, and
/// the help overlay when it is open. Pure: the same state always gives the same grid.
public enum WorkbenchView {
    public static let minimum = Size(columns: 40, rows: 12)

    public static func render(_ state: AppState, keymap: Keymap = .workbench, charset: Charset = .unicode) -> Grid {
        var grid = Grid(width: state.size.columns, height: state.size.rows, charset: charset)
        guard state.size.columns >= minimum.columns, state.size.rows >= minimum.rows else {
            let notice = ["Terminal too small", "need \(minimum.columns)×\(minimum.rows), have \(state.size.columns)×\(state.size.rows)"]
            for (offset, line) in notice.enumerated() {
                let y = state.size.rows / 2 - 1 + offset
                grid.put(line, x: max(0, (state.size.columns - DisplayWidth.of(line)) / 2), y: y, style: Style(bold: offset == 0))
            }
            return grid
        }
        let bar = Style(reverse: true)
        grid.paint(y: 0, style: bar)
        var used = grid.put(" Entente ", x: 0, y: 0, style: Style(bold: true, reverse: true))
        for tab in tabs(state) {
            let current = tab.screen == state.screen
            used = tab.columns.lowerBound + grid.put(tab.label, x: tab.columns.lowerBound, y: 0, style: current ? Style(bold: true) : bar)
        }
        if let future = futureLabel(state) {
            used += grid.put(future, x: used, y: 0, style: Style(bold: true, reverse: true), limit: state.size.columns - used)
        }
        // A title cut to a word or two would read as a word of its own ("The o"): it shows with …, or not at all.
        if state.size.columns - used >= 12 {
            grid.put("  " + DisplayWidth.truncate(TerminalText.escaped(state.view.today.title), to: state.size.columns - used - 3), x: used, y: 0, style: bar)
        }

        let rows = state.size.rows - 2
        switch state.screen {
        case .overview:
            let body = OverviewScreen.lines(state, width: state.size.columns - 2)
            let first = min(state.scroll, max(0, body.count - rows))
            for (offset, line) in body.dropFirst(first).prefix(rows).enumerated() {
                grid.put(line.text, x: 1, y: 1 + offset, style: line.style, limit: state.size.columns - 2)
                if let columns = line.highlight {
                    grid.paint(y: 1 + offset, from: 1 + columns.lowerBound, to: min(state.size.columns - 1, 1 + columns.upperBound), style: Style(bold: true, reverse: true))
                }
            }
        case .issues:
            IssuesScreen.draw(state, into: &grid, top: 1, height: rows)
        case .interests:
            InterestsScreen.draw(state, into: &grid, top: 1, height: rows)
        case .levers:
            LeversScreen.draw(state, into: &grid, top: 1, height: rows)
        case .builder:
            BuilderScreen.draw(state, into: &grid, top: 1, height: rows)
        case .finder:
            FinderScreen.draw(state, into: &grid, top: 1, height: rows)
        case .compare:
            CompareScreen.draw(state, into: &grid, top: 1, height: rows)
        case .brief:
            BriefScreen.draw(state, into: &grid, top: 1, height: rows)
        case .table:
            TableScreen.draw(state, into: &grid, top: 1, height: rows)
        }

        let statusY = state.size.rows - 1
        grid.put(String(repeating: " ", count: state.size.columns), x: 0, y: statusY, style: bar)
        if state.filterEditing {
            grid.put("/" + TerminalText.escaped(state.filter) + "▏", x: 0, y: statusY, style: Style(bold: true, reverse: true))
        } else if let line = state.commandLine {
            grid.put(":" + TerminalText.escaped(line.text) + "▏", x: 0, y: statusY, style: Style(bold: true, reverse: true))
            if let hint = line.hint {
                grid.put(" " + DisplayWidth.truncate(TerminalText.escaped(hint), to: state.size.columns - 2) + " ", x: 0, y: statusY - 1, style: Style(reverse: true))
            }
        } else if let message = state.message {
            grid.put(" " + TerminalText.escaped(message), x: 0, y: statusY, style: Style(bold: true, reverse: true))
        } else {
            drawHints(&grid, state: state, keymap: keymap, y: statusY, style: bar)
        }
        if state.showHelp {
            switch state.helpPage {
            case .keys: drawOverlay(&grid, title: "Keys on this screen", rows: keyRows(keymap.bindings(in: state)), scroll: state.helpScroll)
            case .commands: drawOverlay(&grid, title: "Commands (type : first)", rows: (Commands.usage + (state.workshop == nil ? [] : Commands.tableUsage)).map { ($0.name, $0.help) }, scroll: state.helpScroll)
            }
        }
        if let dialog = JournalDialog.content(state, width: min(grid.width - 6, 90)) {
            drawBox(&grid, title: dialog.title, lines: dialog.lines, scroll: dialog.scroll)
        }
        return grid
    }

    /// The rows a page of what is scrolled shows: the journal's or the help's box, the
    /// brief, the finder's selected package, the overview.
    public static func pageRows(_ state: AppState) -> Int {
        let rows = state.size.rows
        if state.journal != nil || state.showHelp { return max(1, rows - 6) }
        switch state.screen {
        case .brief: return max(1, rows - 4)
        case .finder: return max(1, FinderScreen.detailExtent(state).shown)
        case .compare: return max(1, CompareScreen.extent(state).shown)
        case .levers: return max(1, LeversScreen.listExtent(state).shown)
        default: return max(1, rows - 2)
        }
    }

    /// The file name (and `[+]` for unsaved changes) on the left; on the right as many of
    /// the current screen's hints as fit, in keymap order.
    private static func drawHints(_ grid: inout Grid, state: AppState, keymap: Keymap, y statusY: Int, style bar: Style) {
        let label = " " + TerminalText.escaped(state.file) + (state.dirty ? " [+]" : "") + (state.readOnly ? " [read-only]" : "")
        // The future shown is never cut off: the file name gives way to it.
        let future = state.view.future.map { " · future: " + TerminalText.escaped($0) } ?? ""
        let limit = max(12, state.size.columns * 2 / 5)
        var labelWidth = grid.put(label, x: 0, y: statusY, style: bar,
                                  limit: future.isEmpty ? limit : max(limit - DisplayWidth.of(future), min(DisplayWidth.of(label), 24)))
        labelWidth += grid.put(future, x: labelWidth, y: statusY, style: Style(bold: true, reverse: true), limit: state.size.columns - labelWidth)
        var hints = ""
        // The future selector's hint only where there are futures to select.
        for binding in keymap.bindings(in: state).filter({ $0.hint && ($0.action != .futures(.cycleFuture(1)) || !state.view.futures.isEmpty) }) {
            let hint = "\(binding.keyLabel) \(binding.help)"
            let candidate = hints.isEmpty ? hint : hints + "  " + hint
            if DisplayWidth.of(candidate) > state.size.columns - labelWidth - 3 { break }
            hints = candidate
        }
        grid.put(hints, x: max(labelWidth + 2, state.size.columns - DisplayWidth.of(hints) - 1), y: statusY, style: bar)
    }

    /// The title bar's name of the future shown, after the tabs (nil: today).
    private static func futureLabel(_ state: AppState) -> String? {
        guard let id = state.view.future else { return nil }
        return "  future: " + TerminalText.escaped(state.view.futures.first { $0.id == id }?.name ?? id)
    }

    /// Where each screen's tab sits on the tab bar (clicks use the same layout as drawing).
    /// Labels shrink to fit the width: full titles, then short names, then numbers with
    /// only the current screen named.
    public static func tabs(_ state: AppState) -> [(screen: ScreenID, label: String, columns: Range<Int>)] {
        let start = DisplayWidth.of(" Entente ")
        let styles: [(ScreenID) -> String] = [
            { " \($0.rawValue) \($0.title) " },
            { " \($0.rawValue) \($0.name.prefix(1).uppercased() + $0.name.dropFirst()) " },
            { $0 == state.screen ? " \($0.rawValue) \($0.name.prefix(1).uppercased() + $0.name.dropFirst()) " : " \($0.rawValue) " },
        ]
        // The future shown keeps its place on the bar: the tabs shrink first.
        let reserved = futureLabel(state).map { DisplayWidth.of($0) } ?? 0
        let labels = styles.lazy.map { style in state.screens.map(style) }
            .first { start + $0.reduce(0) { $0 + DisplayWidth.of($1) } + reserved <= state.size.columns } ?? state.screens.map(styles[2])
        var x = start
        return zip(state.screens, labels).map { screen, label in
            defer { x += DisplayWidth.of(label) }
            return (screen, label, x..<(x + DisplayWidth.of(label)))
        }
    }

    /// The help rows for the bindings of a screen.
    private static func keyRows(_ bindings: [Keymap.Binding]) -> [(String, String)] {
        // The screen switches collapse into one row: their keys are the numbers on the tab bar.
        let switches = bindings.filter { if case .show = $0.action { return true } else { return false } }
        var rows: [(String, String)] = []
        for binding in bindings {
            if case .show = binding.action {
                if binding.keys == switches.first?.keys {
                    rows.append((switches.flatMap(\.keys).map(\.label).joined(separator: " "), "show that screen (numbers as on the tab bar)"))
                }
                continue
            }
            rows.append((binding.keyLabel, binding.help))
        }
        return rows
    }

    /// A box in the middle listing (key or command, what it does) rows.
    private static func drawOverlay(_ grid: inout Grid, title: String, rows: [(String, String)], scroll: Int) {
        drawBox(&grid, title: title, lines: keyLines(rows + Keymap.helpOverlay.prefix(1).map { ($0.keyLabel, $0.help) }), scroll: scroll)
    }

    /// (key, what it does) rows as aligned lines.
    static func keyLines(_ rows: [(String, String)]) -> [String] {
        let keyWidth = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        return rows.map { DisplayWidth.pad($0.0, to: keyWidth) + "  " + $0.1 }
    }

    /// A box in the middle with a title and lines, scrolled to `scroll`.
    private static func drawBox(_ grid: inout Grid, title: String, lines: [String], scroll: Int) {
        let innerWidth = min(grid.width - 4, max(DisplayWidth.of(title) + 1, lines.map { DisplayWidth.of($0) }.max() ?? 0) + 2)
        let height = min(grid.height - 2, lines.count + 4)
        let left = (grid.width - innerWidth - 2) / 2
        let top = (grid.height - height) / 2
        let (h, v, tl, tr, bl, br) = ("─", "│", "┌", "┐", "└", "┘")
        let border = Style(role: .accent)
        grid.put(tl + String(repeating: h, count: innerWidth) + tr, x: left, y: top, style: border)
        for row in 1..<(height - 1) {
            grid.put(v + String(repeating: " ", count: innerWidth) + v, x: left, y: top + row, style: border)
        }
        grid.put(bl + String(repeating: h, count: innerWidth) + br, x: left, y: top + height - 1, style: border)
        let visible = height - 4
        let first = min(scroll, max(0, lines.count - visible))
        let more = lines.count > visible ? "  (\(first + 1)–\(first + visible) of \(lines.count), \(Keymap.pair(.scroll(1), .scroll(-1), in: Keymap.helpOverlay)) scroll)" : ""
        grid.put(" " + title + more, x: left + 1, y: top + 1, style: Style(bold: true), limit: innerWidth)
        for (offset, line) in lines.dropFirst(first).prefix(visible).enumerated() {
            grid.put(" " + line, x: left + 1, y: top + 3 + offset, limit: innerWidth)
        }
    }
}
