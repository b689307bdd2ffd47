/// A condition a coalition must meet to be viable, such as a critical mass of capability.
public struct Rule: Sendable, Equatable {
    public var id: String
    public var kind: RuleKind

    public init(id: String, kind: RuleKind) {
        self.id = id
        self.kind = kind
    }
}

/// The kinds of viability rule a scenario can state.
public enum RuleKind: Sendable, Equatable {
    /// Members hold at least this share (0...1) of all actors' capability.
    case capabilityShare(atLeast: Double)
    /// At least this many members.
    case minMembers(Int)
    /// Every listed actor is a member.
    case includeAll([String])
    /// At least one listed actor, or one member of a listed grouping, is a member.
    case includeAny([String])

    /// The name used for this kind in scenario files.
    public var name: String {
        switch self {
        case .capabilityShare: "capability-share"
        case .minMembers: "min-members"
        case .includeAll: "include-all"
        case .includeAny: "include-any"
        }
    }
}
