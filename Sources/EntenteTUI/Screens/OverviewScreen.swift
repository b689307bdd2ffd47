import EntenteCore

/// The first screen: what the scenario is, what is on the table, who already sits together,
/// and what to do next.
enum OverviewScreen {
    /// The screen's content as styled lines for the given width (wrapped, not yet scrolled).
    static func lines(_ state: AppState, width: Int) -> [OverviewLine] {
        let scenario = state.scenario
        let heading = Style(bold: true, role: .accent)
        let muted = Style(role: .muted)
        var lines: [OverviewLine] = []
        func key(_ screen: ScreenID) -> String { Keymap.key(.show(screen), on: .overview) }
        func wrapped(_ text: String, _ style: Style = Style(), indent: String = "") {
            for line in TextWrap.wrap(TerminalText.escaped(text), width: max(10, width), first: indent, rest: indent) {
                lines.append(OverviewLine(line, style))
            }
        }
        wrapped(scenario.title, Style(bold: true, role: .title))
        if !scenario.source.isEmpty { wrapped("Source: " + scenario.source, muted) }
        lines.append(OverviewLine("", Style()))
        let packages = scenario.issues.reduce(1.0) { $0 * Double($1.options.count) }
        wrapped("\(scenario.actors.count) actors · \(scenario.issues.count) issues · \(scenario.groupings.count) groupings · "
            + "\(scenario.rules.count) rules (below) · \(Figures.count(packages)) packages with every issue on the table")
        lines.append(OverviewLine("", Style()))
        let figure = FutureFigure.lines(state, width: width)
        if !figure.isEmpty { lines += figure + [OverviewLine("", Style())] }
        lines.append(OverviewLine("Status quo", heading))
        let nameWidth = min(40, scenario.issues.map { DisplayWidth.of(TerminalText.escaped($0.name)) }.max() ?? 0)
        for issue in scenario.issues {
            let name = DisplayWidth.pad(TerminalText.escaped(issue.name), to: nameWidth)
            let option = DisplayWidth.truncate(TerminalText.escaped(issue.options[issue.statusQuoIndex].name), to: max(1, width - nameWidth - 4))
            lines.append(OverviewLine("  \(name)  \(option)", Style()))
        }
        if !scenario.groupings.isEmpty {
            lines.append(OverviewLine("", Style()))
            lines.append(OverviewLine("Groupings", heading))
            for grouping in scenario.groupings {
                let names = grouping.members.compactMap { id in scenario.actors.first { $0.id == id }?.name }
                wrapped("\(grouping.name): \(names.joined(separator: ", "))", indent: "  ")
            }
        }
        lines.append(OverviewLine("", Style()))
        lines.append(OverviewLine("Next", heading))
        if let viewer = state.viewerIndex {
            wrapped("You play \(scenario.actors[viewer].name). \(key(.interests)) shows your interests (only yours), \(key(.builder)) tests a package against your own gain.", indent: "  ")
        } else {
            wrapped("\(key(.issues)) unbundles the issues, \(key(.interests)) maps interests, \(key(.builder)) builds a package by hand, "
                + "\(key(.finder)) then \(Keymap.key(.finder(.runSearch), on: .finder)) finds the best coalitions, "
                + "\(key(.compare)) compares pinned packages, \(key(.brief)) previews the brief. \(Keymap.key(.toggleHelp, on: .overview)) lists every key, "
                + "\(Keymap.key(.openCommandLine, on: .overview)) takes commands (\(Key.tab.label) completes).", indent: "  ")
        }
        lines.append(OverviewLine("", Style()))
        return lines + OverviewGlossary.lines(state, width: width)
    }
}

/// A line of the Overview, with the columns (if any) drawn highlighted: the future shown,
/// in Figure 1.
struct OverviewLine {
    var text: String
    var style: Style
    var highlight: Range<Int>?

    init(_ text: String, _ style: Style, highlight: Range<Int>? = nil) {
        self.text = text
        self.style = style
        self.highlight = highlight
    }
}
