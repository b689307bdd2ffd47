/// Trades across issues between two actors: each gets its preferred option on the issue it
/// cares about more and concedes the other, and both end up better off than the status quo.
public enum Logrolls {
    /// Every logroll of the scenario, ranked by joint gain (then by actor and issue order).
    ///
    /// For actors a, b and issues i, j with s_ai > s_aj and s_bj > s_bi: the package moves
    /// i to a's favourite option and j to b's, everything else at the status quo. It is a
    /// logroll when a loses on j and b loses on i (each concedes something), yet both gain
    /// overall (more than their margins, with no red line).
    public static func find(in scenario: Scenario) -> [Logroll] {
        let evaluator = PackageEvaluator(CompiledScenario(scenario))
        let statusQuo = scenario.statusQuo
        var result: [Logroll] = []
        for a in scenario.actors.indices {
            for b in scenario.actors.indices where b > a {
                for i in scenario.issues.indices {
                    for j in scenario.issues.indices where i != j {
                        guard let trade = logroll(a, b, i, j, scenario, evaluator, statusQuo) else { continue }
                        result.append(trade)
                    }
                }
            }
        }
        return result.sorted { lhs, rhs in
            lhs.jointGain != rhs.jointGain ? lhs.jointGain > rhs.jointGain
                : (lhs.actors[0], lhs.actors[1], lhs.issues[0], lhs.issues[1]) < (rhs.actors[0], rhs.actors[1], rhs.issues[0], rhs.issues[1])
        }
    }

    private static func logroll(
        _ a: Int, _ b: Int, _ i: Int, _ j: Int, _ scenario: Scenario, _ evaluator: PackageEvaluator, _ statusQuo: Package
    ) -> Logroll? {
        let issueI = scenario.issues[i], issueJ = scenario.issues[j]
        guard let ai = scenario.actors[a].interests[issueI.id], let aj = scenario.actors[a].interests[issueJ.id],
              let bi = scenario.actors[b].interests[issueI.id], let bj = scenario.actors[b].interests[issueJ.id],
              ai.salience > aj.salience, bj.salience > bi.salience
        else { return nil }
        let optionI = favourite(ai, issueI), optionJ = favourite(bj, issueJ)
        guard optionI != issueI.statusQuoIndex, optionJ != issueJ.statusQuoIndex,
              bi.value(of: issueI.options[optionI]) < bi.value(of: issueI.options[issueI.statusQuoIndex]),
              aj.value(of: issueJ.options[optionJ]) < aj.value(of: issueJ.options[issueJ.statusQuoIndex])
        else { return nil }
        var choices = statusQuo.choices
        choices[i] = optionI
        choices[j] = optionJ
        let evaluation = evaluator.evaluate(Package(choices: choices))
        guard evaluation.coalition.contains(a), evaluation.coalition.contains(b) else { return nil }
        return Logroll(actors: [a, b], issues: [i, j], package: evaluation.package,
                       gains: [evaluation.gains[a], evaluation.gains[b]])
    }

    /// The option the actor values most on the issue (the first, on a tie).
    private static func favourite(_ interest: Interest, _ issue: Issue) -> Int {
        issue.options.indices.max { interest.value(of: issue.options[$0]) < interest.value(of: issue.options[$1]) || (
            interest.value(of: issue.options[$0]) == interest.value(of: issue.options[$1]) && $0 > $1) }!
    }
}

/// One trade: `actors[0]` gets its way on `issues[0]`, `actors[1]` on `issues[1]`.
public struct Logroll: Sendable, Equatable {
    public let actors: [Int]
    public let issues: [Int]
    public let package: Package
    /// Each actor's gain over the status quo, in the order of `actors`.
    public let gains: [Double]

    public var jointGain: Double { gains.reduce(0, +) }
}
