/// The report's Figure 3 for a scenario: each issue placed by its prospects for cooperation
/// against its openness change (how much more open its best option is than the status quo).
///
/// For an issue, its best option is the one whose adopters-by-gain hold the largest share of
/// capability: the actors whose utility rises (links included) when that issue alone moves
/// from the status quo to the option, and who have no red line on it. Prospects are that share; the openness change is the option's
/// openness minus the status quo's. Ties go to the earlier option.
public enum LeverMap {
    public struct Point: Sendable, Equatable {
        public init(issue: Int, option: Int, prospects: Double, opennessChange: Double) {
            self.issue = issue
            self.option = option
            self.prospects = prospects
            self.opennessChange = opennessChange
        }

        public let issue: Int
        public let option: Int
        /// Share of all capability that gains from the option (0...1).
        public let prospects: Double
        /// Openness of the option minus that of the status quo.
        public let opennessChange: Double
    }

    public static func points(_ scenario: Scenario) -> [Point] {
        let total = scenario.actors.reduce(0) { $0 + $1.capability }
        let evaluator = PackageEvaluator(CompiledScenario(scenario))
        return scenario.issues.enumerated().map { index, issue in
            let statusQuo = issue.options[issue.statusQuoIndex]
            var best = (option: issue.statusQuoIndex, share: -1.0)
            for o in issue.options.indices where o != issue.statusQuoIndex {
                var alone = scenario.statusQuo
                alone.choices[index] = o
                let evaluation = evaluator.evaluate(alone)
                let gainers = scenario.actors.indices.filter { evaluation.gains[$0] > 0 && !evaluation.redLined.contains($0) }
                let share = total > 0 ? gainers.reduce(0) { $0 + scenario.actors[$1].capability } / total : 0
                if share > best.share { best = (o, share) }
            }
            return Point(issue: index, option: best.option, prospects: max(0, best.share),
                         opennessChange: issue.options[best.option].openness - statusQuo.openness)
        }
    }
}
