/// The report's Figure 3 for a scenario: each issue placed by its prospects for cooperation
/// against its openness change (how much more open its best option is than the status quo).
///
/// For an issue, its best option is the one whose adopters-by-gain hold the largest share of
/// capability: the actors that value the option above the status quo (and have no red line
/// on it), on that issue alone. Prospects are that share; the openness change is the option's
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
        return scenario.issues.enumerated().map { index, issue in
            let statusQuo = issue.options[issue.statusQuoIndex]
            var best = (option: issue.statusQuoIndex, share: -1.0)
            for (o, option) in issue.options.enumerated() where o != issue.statusQuoIndex {
                let gainers = scenario.actors.filter { actor in
                    guard let interest = actor.interests[issue.id], interest.salience > 0 else { return false }
                    return interest.value(of: option) > interest.value(of: statusQuo) && !interest.redLines.contains(option.id)
                }
                let share = total > 0 ? gainers.reduce(0) { $0 + $1.capability } / total : 0
                if share > best.share { best = (o, share) }
            }
            return Point(issue: index, option: best.option, prospects: max(0, best.share),
                         opennessChange: issue.options[best.option].openness - statusQuo.openness)
        }
    }
}
