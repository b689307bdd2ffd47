import EntenteCore

/// How the command line describes a package and its coalition in words.
struct PackageText {
    let scenario: Scenario
    /// "issue: option", escaped, for every issue and option: a summary is written for each
    /// of tens of thousands of packages in a Pareto set.
    private let changeLabels: [[String]]
    private let statusQuo: Package

    init(scenario: Scenario) {
        self.scenario = scenario
        statusQuo = scenario.statusQuo
        changeLabels = scenario.issues.map { issue in
            issue.options.map { TerminalText.escaped("\(issue.id): \($0.id)") }
        }
    }

    /// The issues whose option differs from the status quo, in scenario order.
    func changed(_ package: Package, from base: Package? = nil) -> [(issue: Issue, option: IssueOption)] {
        package.differences(from: base ?? statusQuo).map { index in
            (scenario.issues[index], scenario.issues[index].options[package.choices[index]])
        }
    }

    /// The changes as "issue: option", comma-separated, or a phrase when there are none.
    func changeSummary(_ package: Package) -> String {
        let changes = package.differences(from: statusQuo)
        if changes.isEmpty { return "every issue at its status quo" }
        return changes.map { changeLabels[$0][package.choices[$0]] }.joined(separator: ", ")
    }

    /// One line per changed issue, "issue: option  (was status quo)", with a count of those left alone.
    func changes(_ package: Package) -> [String] {
        let changes = changed(package)
        if changes.isEmpty { return ["every issue at its status quo"] }
        var lines = changes.map { "\($0.issue.id): \($0.option.id)  (was \($0.issue.statusQuo))" }
        let unchanged = scenario.issues.count - changes.count
        if unchanged > 0 { lines.append("\(unchanged) other issue\(unchanged == 1 ? "" : "s") at status quo") }
        return lines.map(TerminalText.escaped)
    }

    /// Members as "id +gain", in actor order.
    func members(_ evaluation: PackageEvaluation) -> String {
        evaluation.coalition.members.map { "\(scenario.actors[$0].id) \(Figures.signed(evaluation.gains[$0]))" }
            .joined(separator: ", ")
    }

    /// Actors outside the coalition with why: a loss, too small a gain, or a red line.
    func outsiders(_ evaluation: PackageEvaluation) -> String {
        let outside = scenario.actors.indices.filter { !evaluation.coalition.contains($0) }
        if outside.isEmpty { return "nobody" }
        return outside.map { index in
            let id = scenario.actors[index].id
            return evaluation.redLined.contains(index) ? "\(id) (red line)" : "\(id) \(Figures.signed(evaluation.gains[index]))"
        }.joined(separator: ", ")
    }

    /// Every objective on one line.
    static func objectives(_ evaluation: PackageEvaluation) -> String {
        Objective.allCases.map { "\($0.rawValue) \(figure($0, evaluation.objective($0)))" }.joined(separator: "  ")
    }

    /// One objective's value as reports write it: a share as a percentage, gains signed.
    static func figure(_ objective: Objective, _ value: Double) -> String {
        switch objective {
        case .capability: Figures.percent(value)
        case .members: String(Int(value))
        case .nash, .novelty: Figures.fixed(value, 3)
        case .totalGain, .minGain, .openness: Figures.signed(value)
        }
    }
}

/// The human report of `entente search`.
struct SearchText {
    let scenario: Scenario
    let request: SearchRequest

    func render(_ result: SearchResult) -> String {
        let text = PackageText(scenario: scenario)
        var lines = [
            "\(TerminalText.escaped(scenario.title)): top \(result.packages.count) by \(request.objective.rawValue) (\(request.objective.summary))",
            "\(result.strategy.rawValue): explored \(Figures.count(Double(result.explored))) of \(Figures.count(result.spaceSize)) packages"
                + (result.proven ? ", proven optimal" : ""),
        ]
        if !result.proven {
            let why = result.cancelled ? "interrupted" : "stopped at the time limit"
            lines.append("\(why): NOT proven optimal; \(Figures.percent(result.ruledOut)) of the space visited or ruled out, the ranking is the best found so far")
        }
        if result.packages.isEmpty {
            let conditions = request.conditions(in: scenario)
            lines.append("")
            if result.proven {
                lines.append("No package gives a coalition that meets \(conditions). Try more issues on the table, fewer fixed options, fewer constraints, or --no-rules.")
            } else {
                // Not a proof: say how much was searched and that the rest was not.
                lines.append("No package found yet: \(Figures.count(Double(result.explored))) of \(Figures.count(result.spaceSize)) packages visited, "
                    + "\(Figures.percent(result.ruledOut)) of the space visited or ruled out. The other \(Figures.percent(1 - result.ruledOut)) was not searched, "
                    + "so packages that meet \(conditions) may be there; a longer --time-limit searches further.")
            }
        }
        for (rank, evaluation) in result.packages.enumerated() {
            lines.append("")
            lines.append("#\(rank + 1)  \(PackageText.objectives(evaluation))")
            for change in text.changes(evaluation.package) { lines.append("    \(change)") }
            lines.append("    coalition (\(evaluation.coalition.count)): \(text.members(evaluation))")
            lines.append("    outside: \(text.outsiders(evaluation))")
            if !evaluation.rules.isEmpty {
                lines.append("    rules: " + evaluation.rules.map { "\($0.id) \($0.holds ? "holds" : "fails")" }.joined(separator: ", "))
            }
        }
        return lines.joined(separator: "\n")
    }
}
