import EntenteCore
import EntenteSession

/// How a package fares across the futures, as the finder's pane writes it: where it holds
/// and what breaks it where (who leaves, who joins, which rule fails), and for a robust
/// result each future's figure beside today's.
enum FutureVerdictLines {
    /// "futures: holds today and in F1, F2; breaks in splinternet (a leaves; rule r fails)".
    static func summary(_ verdicts: [FutureVerdict], scenario: Scenario, width: Int) -> [(String, Style)] {
        guard verdicts.count > 1 else { return [] }
        let holds = verdicts.filter(\.evaluation.viable).map(\.id)
        let breaks = verdicts.filter { !$0.evaluation.viable }
        var text = holds.isEmpty ? "holds in none" : "holds in " + holds.map(TerminalText.escaped).joined(separator: ", ")
        if !breaks.isEmpty {
            text += "; breaks in " + breaks.map { "\(TerminalText.escaped($0.id)) (\(why($0, scenario: scenario)))" }.joined(separator: ", ")
        }
        let style = Style(role: breaks.isEmpty ? .good : .bad)
        return TextWrap.wrap(text, width: width, first: "futures: ", rest: "  ").map { ($0, style) }
    }

    /// A robust result's figure in today's scenario and each future, the worst marked, with
    /// who left and who joined against today.
    static func rows(_ robust: RobustPackage, ids: [String], objective: Objective, scenario: Scenario, width: Int) -> [(String, Style)] {
        let worstAt = robust.byFuture.firstIndex { $0.value == robust.worst }
        var lines: [(String, Style)] = [("across the futures (\(objective.rawValue); worst in \(TerminalText.escaped(ids[worstAt ?? 0]))):", Style(bold: true))]
        let labels = ids.indices.map { $0 == 0 ? "today" : "F\($0) \(TerminalText.escaped(ids[$0]))" }
        let labelWidth = labels.map(DisplayWidth.of).max() ?? 0
        for (index, evaluation) in robust.evaluations.enumerated() {
            let verdict = FutureVerdict(id: ids[index], evaluation: evaluation, today: robust.evaluations[0])
            var text = "  " + DisplayWidth.pad(labels[index], to: labelWidth) + "  "
                + DisplayWidth.pad(FinderScreen.format(robust.byFuture[index].value, objective), to: 7, alignRight: true)
                + "  \(evaluation.coalition.count) members"
            let moves = changes(verdict, scenario: scenario)
            if !moves.isEmpty { text += "; " + moves }
            lines.append((DisplayWidth.truncate(text, to: width), index == worstAt ? Style(role: .bad) : Style()))
        }
        return lines
    }

    /// Why a package is not viable in one future.
    private static func why(_ verdict: FutureVerdict, scenario: Scenario) -> String {
        var reasons = [changes(verdict, scenario: scenario)].filter { !$0.isEmpty }
        if verdict.evaluation.coalition.isEmpty { reasons.append("nobody joins") }
        reasons += verdict.failedRules.map { "rule \(TerminalText.escaped($0)) fails" }
        return reasons.joined(separator: "; ")
    }

    /// "a, b leave, c joins" against today ("" when the coalition is today's).
    private static func changes(_ verdict: FutureVerdict, scenario: Scenario) -> String {
        let ids = { (actors: [Int]) in actors.map { TerminalText.escaped(scenario.actors[$0].id) }.joined(separator: ", ") }
        return [verdict.left.isEmpty ? nil : ids(verdict.left) + (verdict.left.count == 1 ? " leaves" : " leave"),
                verdict.joined.isEmpty ? nil : ids(verdict.joined) + (verdict.joined.count == 1 ? " joins" : " join")]
            .compactMap { $0 }.joined(separator: ", ")
    }
}
