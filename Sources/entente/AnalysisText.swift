import EntenteCore

/// The human report of `entente analyse`.
struct AnalysisText {
    let scenario: Scenario

    func render(_ analysis: PackageAnalysis) -> String {
        let text = PackageText(scenario: scenario)
        let id = { (actor: Int) in self.scenario.actors[actor].id }
        let evaluation = analysis.evaluation
        var lines = ["Package: \(text.changeSummary(evaluation.package))"]
        lines.append("Coalition (\(evaluation.coalition.count), \(evaluation.viable ? "viable" : "not viable")): \(text.members(evaluation))")
        if evaluation.viable {
            lines.append("Pivotal (the deal fails a rule without them): " + (analysis.pivotal.isEmpty ? "nobody" : analysis.pivotal.map(id).joined(separator: ", ")))
        }
        lines.append("")
        lines.append("Bargaining" + (analysis.group.isEmpty ? "" : " for \(analysis.group.map(id).joined(separator: ", "))"))
        if let points = analysis.bargaining, points.individuallyRational > 0 {
            if !points.complete { lines.append("  STOPPED EARLY: the points below are the best among the packages scanned") }
            lines.append("  \(points.individuallyRational) packages\(points.complete ? "" : " scanned") give every one of them more than its margin")
            lines.append("  ideal gains: " + zip(points.group, points.ideals ?? []).map { "\(id($0)) \(Figures.signed($1))" }.joined(separator: ", "))
            for (name, point, format) in [
                ("Nash (max Σ ln gain)", points.nash, { Figures.fixed($0, 3) }),
                ("Kalai–Smorodinsky (max min gain/ideal)", points.kalaiSmorodinsky, { Figures.fixed($0, 3) }),
                ("egalitarian (max min gain)", points.egalitarian, { Figures.signed($0) }),
                ("utilitarian (max Σ gain)", points.utilitarian, { Figures.signed($0) }),
            ] as [(String, BargainingPoint?, (Double) -> String)] {
                guard let point else { continue }
                let ties = point.ties > 1 ? " (\(point.ties) tied\(point.ties > point.packages.count ? ", first \(point.packages.count) shown" : ""))" : ""
                lines.append("  \(name): \(format(point.value))\(ties)")
                for package in point.packages {
                    lines.append("    \(text.changeSummary(package))" + (package == evaluation.package ? "  ← this package" : ""))
                }
            }
        } else {
            let scanned = analysis.bargaining?.complete == false ? " among those scanned before the time limit" : ""
            lines.append("  no package\(scanned) gives every one of them more than its margin")
        }
        lines.append("")
        lines.append("Holdouts")
        if analysis.holdouts.isEmpty { lines.append("  none: every actor asked about is in") }
        for holdout in analysis.holdouts {
            let why = holdout.redLines.isEmpty ? "lacks \(Figures.fixed(holdout.lacking)) points (gain \(Figures.signed(holdout.gain)), margin \(Figures.fixed(holdout.margin)))"
                : "red line: \(holdout.redLines.joined(separator: ", "))" + (holdout.lacking > 0 ? "; also lacks \(Figures.fixed(holdout.lacking)) points" : "")
            lines.append("  \(id(holdout.actor)): \(why)")
            if holdout.sweeteners.isEmpty {
                lines.append("    no package within \(HoldoutAnalysis.maximumChanges) changes brings it in without losing a member")
            }
            for sweetener in holdout.sweeteners {
                lines.append("    sweetener: " + TerminalText.escaped(sweetener.words(bringingIn: holdout.actor, in: scenario)))
            }
        }
        lines.append("")
        let stability = analysis.stability
        if let block = stability.block {
            lines.append("Stability: NOT stable. Strongest block (\(Figures.percent(block.capability)) of capability): "
                + block.coalition.map { "\(id($0)) \(Figures.signed(block.gains[$0]))" }.joined(separator: ", "))
            let moves = block.package.differences(from: evaluation.package).map { index in
                let issue = scenario.issues[index]
                return "\(issue.id): \(issue.options[block.package.choices[index]].id) instead of \(issue.options[evaluation.package.choices[index]].id)"
            }
            lines.append("  they prefer: \(moves.joined(separator: ", "))")
        } else {
            lines.append("Stability: no viable coalition prefers another package" + (stability.proven ? "" : " among those searched (not proven)"))
        }
        lines.append("")
        let robust = analysis.robustness
        lines.append("Robustness (\(robust.draws) draws, spread \(Figures.fixed(robust.spread)), seed \(robust.seed)): coalition viable in \(Figures.percent(robust.viableProbability)) of draws")
        for (stay, worst) in zip(robust.stayProbability, robust.worstCaseGain) {
            lines.append("  \(id(stay.actor)): stays in \(Figures.percent(stay.value)); worst case with values ±\(Figures.fixed(robust.delta, 0)): \(Figures.signed(worst.value))")
        }
        if let fragile = robust.mostFragile {
            lines.append("  most fragile assumption: \(id(fragile.actor))'s \(fragile.input.rawValue) on \(scenario.issues[fragile.issue].id), "
                + "\(Figures.fixed(fragile.from)) → \(Figures.fixed(fragile.to)) (\(Figures.percent(fragile.relativeChange)) of its scale) drops it")
        }
        lines.append("")
        let bridging = analysis.bridging
        lines.append("Bridging: draws from \(bridging.drawsFrom.isEmpty ? "no existing grouping" : bridging.drawsFrom.joined(separator: ", "))"
            + (bridging.unaligned.isEmpty ? "" : "; in no grouping: \(bridging.unaligned.map(id).joined(separator: ", "))"))
        for bloc in bridging.blocs {
            lines.append("  \(bloc.grouping): \(bloc.members.count) of \(bloc.size) members in, novelty \(Figures.fixed(bloc.novelty, 3))")
        }
        return lines.map(TerminalText.escaped).joined(separator: "\n")
    }
}
