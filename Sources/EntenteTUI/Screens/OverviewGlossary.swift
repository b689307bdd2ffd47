import EntenteCore

/// The Overview's explanations of what the other screens' numbers mean: the rules in
/// words, every actor's capability, and a glossary (the unit of gain, Nash, novelty,
/// Shapley–Shubik, the heat map's shades), each as docs/model.md defines it.
enum OverviewGlossary {
    static func lines(_ state: AppState, width: Int) -> [OverviewLine] {
        let scenario = state.scenario
        let heading = Style(bold: true, role: .accent)
        var lines: [OverviewLine] = []
        func wrapped(_ text: String, indent: String = "  ", _ style: Style = Style()) {
            for line in TextWrap.wrap(TerminalText.escaped(text), width: max(10, width), first: indent, rest: indent + "  ") {
                lines.append(OverviewLine(line, style))
            }
        }
        lines.append(OverviewLine("Rules: a coalition is viable when it is not empty and every rule holds", heading))
        if scenario.rules.isEmpty { wrapped("none: any coalition with a member is viable") }
        for rule in scenario.rules { wrapped("\(rule.id): " + rule.kind.words) }
        if state.viewerIndex == nil {
            wrapped(":rule ID KIND VALUE… sets a rule, :rule ID drop drops it (:help rule lists the kinds)", Style(role: .muted))
        }
        lines.append(OverviewLine("", Style()))
        lines.append(OverviewLine("Capabilities: what a member brings to the capability share", heading))
        let total = scenario.actors.reduce(0) { $0 + $1.capability }
        let order = scenario.actors.indices.sorted { scenario.actors[$0].capability != scenario.actors[$1].capability
            ? scenario.actors[$0].capability > scenario.actors[$1].capability : $0 < $1 }
        let nameWidth = min(30, scenario.actors.map { DisplayWidth.of(TerminalText.escaped($0.name)) }.max() ?? 0)
        for actor in order {
            let share = total > 0 ? scenario.actors[actor].capability / total : 0
            lines.append(OverviewLine("  " + DisplayWidth.pad(DisplayWidth.truncate(TerminalText.escaped(scenario.actors[actor].name), to: nameWidth), to: nameWidth)
                + "  " + DisplayWidth.pad(Figures.fixed(scenario.actors[actor].capability, 2), to: 8, alignRight: true)
                + "  " + DisplayWidth.pad(Figures.percent(share), to: 6, alignRight: true), Style()))
        }
        lines.append(OverviewLine("", Style()))
        lines.append(OverviewLine("Reading the numbers", heading))
        wrapped("Gain: utility points. An actor's utility is its values (0 to 100) of the package's options weighted by how much "
            + "each issue matters to it, plus its links that hold; its gain is that utility less the status quo's. It joins "
            + "when it gains more than its margin and no red line of its is crossed.")
        wrapped("Nash: the sum of the logarithms of the members' gains (the log of their product); it is highest where the "
            + "gains are both large and even, as in Nash's bargaining solution.")
        wrapped("Novelty: 1 less the largest overlap (Jaccard similarity) between the coalition and an existing grouping; "
            + "1 is a coalition no grouping resembles (or there are no groupings), 0 one that already sits together.")
        wrapped("Shapley–Shubik: in the game where capability is the vote, a member's share of the orders of arrival in "
            + "which it is the one whose capability first reaches the quota; the shares add up to 1 (Banzhaf stands in "
            + "on games too large to count exactly).")
        wrapped("Heat map (\(Keymap.key(.show(.interests), on: .overview))): a cell's shade is the issue's salience against the actor's most salient issue: "
            + "· no stance, ░ a quarter, ▒ half, ▓ three quarters, █ its most salient; the text is its preferred option, "
            + "! a red line on the issue, ╌ a stance the workshop view hides.")
        return lines
    }
}
