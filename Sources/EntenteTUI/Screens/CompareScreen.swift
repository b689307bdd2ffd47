import EntenteCore

/// Compare: up to three pinned packages side by side. Issues where they differ are
/// highlighted; below, each package's coalition, objectives and rules, and when the
/// scenario has futures, one of the packages in each of them (`CompareFutures`).
enum CompareScreen {
    static func draw(_ state: AppState, into grid: inout Grid, top: Int, height: Int) {
        let across = CompareFutures.rows(state)
        CompareFutures.draw(state, into: &grid, top: top + height - across)
        let height = height - across
        let scenario = state.scenario
        guard !state.pinned.isEmpty else {
            grid.putWrapped("Nothing pinned yet: press p in the package builder or on a result in the coalition finder.",
                            x: 1, y: top, width: grid.width - 2, style: Style(role: .muted))
            return
        }
        let evaluations = state.view.pinEvaluations
        let labelWidth = min(28, max(12, grid.width / 4))
        let columnWidth = max(10, (grid.width - labelWidth - 3) / state.pinned.count)
        grid.put("Issue", x: 1, y: top, style: Style(bold: true), limit: labelWidth)
        for index in state.pinned.indices {
            grid.put("Package \(index + 1)", x: 2 + labelWidth + index * columnWidth, y: top, style: Style(bold: true), limit: columnWidth - 1)
        }
        var y = top + 1
        for (issue, item) in scenario.issues.enumerated() where y < top + height - 6 {
            let choices = state.pinned.map { $0.choices[issue] }
            let differs = Set(choices).count > 1
            grid.put(DisplayWidth.truncate(TerminalText.escaped(item.name), to: labelWidth), x: 1, y: y, style: Style(bold: differs), limit: labelWidth)
            for (index, choice) in choices.enumerated() {
                let atStatusQuo = choice == item.statusQuoIndex
                grid.put(DisplayWidth.truncate(TerminalText.escaped(item.options[choice].name), to: columnWidth - 1),
                         x: 2 + labelWidth + index * columnWidth, y: y,
                         style: Style(bold: differs, reverse: differs, role: atStatusQuo ? .muted : nil))
            }
            y += 1
        }
        y += 1
        if state.viewer != nil {
            grid.put("Your gain", x: 1, y: y, style: Style(bold: true), limit: labelWidth)
            for (index, own) in evaluations.compactMap(\.own).enumerated() {
                let joins = own.joins ? "joins" : own.redLined ? "red line" : "stays out"
                grid.put("\(Figures.signed(own.gain)) (\(joins))", x: 2 + labelWidth + index * columnWidth, y: y, limit: columnWidth - 1)
            }
            grid.putWrapped("Workshop view: the coalitions and others' gains are hidden.", x: 1, y: y + 2, width: grid.width - 2, style: Style(role: .muted))
            return
        }
        let rows: [(String, (PackageEvaluation) -> String)] = [
            ("Members", { "\($0.coalition.count)\($0.viable ? "" : " (not viable)")" }),
            ("Capability", { Figures.percent($0.objective(.capability)) }),
            ("Total gain", { Figures.signed($0.objective(.totalGain)) }),
            ("Min gain", { Figures.signed($0.objective(.minGain)) }),
            ("Novelty", { Figures.fixed($0.objective(.novelty), 2) }),
            ("Openness", { Figures.signed($0.objective(.openness), 1) }),
        ]
        for (label, value) in rows where y < top + height {
            grid.put(label, x: 1, y: y, style: Style(bold: true), limit: labelWidth)
            for (index, evaluation) in evaluations.compactMap(\.full).enumerated() {
                grid.put(value(evaluation), x: 2 + labelWidth + index * columnWidth, y: y, limit: columnWidth - 1)
            }
            y += 1
        }
    }
}
