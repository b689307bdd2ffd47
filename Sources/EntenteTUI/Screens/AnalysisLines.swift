import EntenteCore

/// The analysis of the finder's selected package as short wrapped lines: who is pivotal
/// and how much power members hold, blocs bridged, what would bring holdouts in, the
/// bargaining points, stability and robustness (its draws as a histogram).
enum AnalysisLines {
    /// `excluded`: actors the search keeps out, for whom no sweetener is offered.
    static func lines(_ analysis: PackageAnalysis, scenario: Scenario, width: Int, excluded: Set<String> = []) -> [(String, Style)] {
        let id = { (actor: Int) in TerminalText.escaped(scenario.actors[actor].id) }
        let evaluation = analysis.evaluation
        var lines: [(String, Style)] = []
        func add(_ label: String, _ text: String, _ style: Style = Style()) {
            lines += TextWrap.wrap(text, width: width, first: label + ": ", rest: "  ").map { ($0, style) }
        }
        if evaluation.viable {
            // Banzhaf stands in when the game is too large for exact Shapley–Shubik counts.
            let indices = analysis.power ?? []
            let shapley = indices.allSatisfy { $0.shapleyShubik != nil }
            let share = { (actor: Int) in indices[actor].shapleyShubik ?? indices[actor].banzhaf }
            let power = indices.isEmpty ? [] : evaluation.coalition.members.sorted { share($0) > share($1) }.prefix(4)
            add("pivotal", (analysis.pivotal.isEmpty ? "nobody alone" : analysis.pivotal.map(id).joined(separator: ", "))
                + (indices.isEmpty ? "" : "; most power (\(shapley ? "Shapley–Shubik" : "Banzhaf")): " + power.map { "\(id($0)) \(Figures.fixed(share($0), 2))" }.joined(separator: ", ")))
        }
        let bridging = analysis.bridging
        add("bridges", (bridging.blocs.filter { !$0.members.isEmpty }.map { "\(TerminalText.escaped($0.grouping)) \($0.members.count)/\($0.size)" }
            .joined(separator: ", ").nonEmpty ?? "no existing grouping")
            + (bridging.unaligned.isEmpty ? "" : "; unaligned: " + bridging.unaligned.map(id).joined(separator: ", ")))
        for holdout in analysis.holdouts.filter({ !excluded.contains(scenario.actors[$0.actor].id) }).prefix(3) {
            guard let sweetener = holdout.sweeteners.first else {
                add("to bring in \(id(holdout.actor))", "no package within \(HoldoutAnalysis.maximumChanges) changes keeps every member", Style(role: .muted))
                continue
            }
            add("to bring in \(id(holdout.actor))", TerminalText.escaped(sweetener.words(bringingIn: holdout.actor, in: scenario)))
        }
        if let bargaining = analysis.bargaining, !bargaining.complete {
            add("bargaining", "over the packages scanned in \(Figures.fixed(AppState.analysisSeconds, 0)) s, not the whole space (entente analyse without --time-limit scans it all)",
                Style(role: .muted))
        }
        if let nash = analysis.bargaining?.nash {
            add("Nash point", nash.packages.contains(evaluation.package) ? "this package" + (nash.ties > 1 ? " (one of \(nash.ties))" : "")
                : nash.packages.first.map { "this package with " + scenario.changes($0, from: evaluation.package).joined(separator: ", ") } ?? "")
        }
        if let block = analysis.stability.block {
            add("stability", "blocked: \(block.coalition.map(id).joined(separator: ", ")) (\(Figures.percent(block.capability))) prefer "
                + scenario.changes(block.package, from: evaluation.package).joined(separator: ", "), Style(role: .bad))
        } else {
            add("stability", "stable: no viable coalition prefers another package" + (analysis.stability.proven ? "" : " (not proven)"), Style(role: .good))
        }
        let robust = analysis.robustness
        let shakiest = robust.stayProbability.min { $0.value < $1.value }
        add("robustness", "viable in \(Figures.percent(robust.viableProbability)) of \(robust.draws) draws"
            + (shakiest.map { "; shakiest member \(id($0.actor)) stays in \(Figures.percent($0.value))" } ?? "")
            + (robust.mostFragile.map { "; most fragile: \(id($0.actor))'s \($0.input.rawValue) on \(scenario.issues[$0.issue].id)" } ?? ""))
        return lines + RobustnessHistogram.lines(robust, width: width)
    }
}

extension String {
    /// nil for the empty string, for `?? fallback`.
    var nonEmpty: String? { isEmpty ? nil : self }
}
