/// A party to the negotiation: a state, a bloc, a firm or a forum, with its clout and its
/// stance on each issue it cares about.
public struct Actor: Sendable, Equatable {
    public var id: String
    public var name: String
    public var kind: ActorKind
    /// Relative clout; the capability-share rule and objective weigh members by it.
    public var capability: Double
    /// Stances by issue id. An issue with no stance has salience 0 for this actor.
    public var interests: [String: Interest]
    /// Bonuses and penalties for options taken together (format 2); empty in format 1.
    public var links: [Link]
    /// The role brief a trainer hands the delegation that plays this actor (format 2);
    /// free text, empty when there is none. `entente roles` prints it with the actor's numbers.
    public var brief: String

    public init(
        id: String, name: String, kind: ActorKind = .other, capability: Double,
        interests: [String: Interest] = [:], links: [Link] = [], brief: String = ""
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.capability = capability
        self.interests = interests
        self.links = links
        self.brief = brief
    }

    /// The sum of this actor's saliences, the denominator of its utility. Summed in issue-id
    /// order: a dictionary's order changes from process to process, and so would the last
    /// bit of a floating-point sum taken in it (and with it a figure rounded at a half).
    public var totalSalience: Double { interests.keys.sorted().reduce(0) { $0 + interests[$1]!.salience } }
}

/// What sort of party an actor is; used for display and filtering, not by the engine.
public enum ActorKind: String, Sendable, CaseIterable {
    case state, bloc, firm, forum, other
}
