/// The role brief a delegation plays from in a training exercise: the trainer's text from
/// the scenario (an actor's `brief:`), then that actor's own numbers, so a player reads its
/// instructions and the figures the engine will judge its answers by side by side. It holds
/// nothing of any other actor's stance.
public struct RoleBrief: Sendable, Equatable {
    public let actor: String
    public let name: String
    public let kind: ActorKind
    public let capability: Double
    /// The actor's share of all capability (0...1).
    public let capabilityShare: Double
    /// The trainer's text; empty when the scenario gives none.
    public let text: String
    /// The gain in points the actor must exceed to join (its largest `minGain`).
    public let margin: Double
    /// The actor's stances, heaviest first (ties in the scenario's issue order).
    public let interests: [InterestLine]
    public let links: [LinkLine]

    /// One issue the actor has a stance on.
    public struct InterestLine: Sendable, Equatable {
        public let issue: String
        public let name: String
        public let salience: Double
        /// The salience's share of the actor's total salience: what a whole point of value
        /// on this issue is worth in gain.
        public let weight: Double
        public let options: [OptionLine]
    }

    /// One option of an issue as this actor sees it.
    public struct OptionLine: Sendable, Equatable {
        public let option: String
        public let name: String
        public let value: Double
        /// The actor's gain, in points, if this option replaced the status quo and nothing
        /// else changed (links aside): weight × (value − status quo's value).
        public let gainAlone: Double
        public let isStatusQuo: Bool
        public let isRedLine: Bool
    }

    /// One of the actor's links.
    public struct LinkLine: Sendable, Equatable {
        /// Each condition as `issue: option or option`, with the scenario's names.
        public let conditions: [String]
        public let points: Double
        /// Whether the link holds at the status quo (its points are then already in the
        /// actor's utility, and a package gains them only by keeping it).
        public let holdsAtStatusQuo: Bool
    }

    /// The role brief of actor `index` of `scenario`.
    public init(actor index: Int, of scenario: Scenario) {
        let actor = scenario.actors[index]
        let compiled = CompiledScenario(scenario)
        let total = scenario.actors.reduce(0) { $0 + $1.capability }
        let totalSalience = actor.totalSalience
        self.actor = actor.id
        name = actor.name
        kind = actor.kind
        capability = actor.capability
        capabilityShare = total > 0 ? actor.capability / total : 0
        text = actor.brief
        margin = compiled.margin(of: index)
        interests = scenario.issues.enumerated().compactMap { issueIndex, issue -> (Int, InterestLine)? in
            guard let interest = actor.interests[issue.id] else { return nil }
            let options = issue.options.enumerated().map { optionIndex, option in
                OptionLine(option: option.id, name: option.name, value: interest.value(of: option),
                           gainAlone: compiled.gain(of: index, issue: issueIndex, option: optionIndex),
                           isStatusQuo: optionIndex == issue.statusQuoIndex, isRedLine: interest.redLines.contains(option.id))
            }
            return (issueIndex, InterestLine(issue: issue.id, name: issue.name, salience: interest.salience,
                                             weight: totalSalience > 0 ? interest.salience / totalSalience : 0, options: options))
        }
        .sorted { $0.1.weight != $1.1.weight ? $0.1.weight > $1.1.weight : $0.0 < $1.0 }
        .map(\.1)
        links = actor.links.map { link in
            LinkLine(
                conditions: link.when.map { condition in
                    guard let issue = scenario.issueIndex(condition.issue).map({ scenario.issues[$0] }) else { return condition.issue }
                    let names = condition.options.map { id in issue.options.first { $0.id == id }?.name ?? id }
                    return "\(issue.name): \(names.joined(separator: " or "))"
                },
                points: link.points, holdsAtStatusQuo: link.holds(in: scenario.statusQuo, of: scenario))
        }
    }
}
