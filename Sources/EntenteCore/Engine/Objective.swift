/// What a ranked search maximises. Every objective is "higher is better".
public enum Objective: String, Sendable, CaseIterable, Codable {
    /// Share of all actors' capability held by the coalition (0...1).
    case capability
    /// Number of coalition members.
    case members
    /// Sum of the members' gains, in utility points.
    case totalGain = "total-gain"
    /// The smallest member gain: how well the worst-off member does.
    case minGain = "min-gain"
    /// Sum of the logarithms of member gains (the log of the Nash product).
    case nash
    /// 1 − the largest Jaccard similarity between the coalition and any existing grouping.
    case novelty
    /// Sum of the openness of the option in force on every issue.
    case openness

    /// Whether branch and bound's bound is tight enough for it to beat the exhaustive scan
    /// at any size of space, so that `SearchStrategy.auto` uses it for every search. Measured
    /// (docs/performance.md, "Which strategy `auto` picks"): 5 to 50 times faster for these
    /// objectives; for the smallest gain and novelty, which turn on who is in rather than on
    /// how much each gains, the bound rules out too little to pay for itself.
    public var boundPrunesWell: Bool {
        switch self {
        case .capability, .members, .totalGain, .nash, .openness: true
        case .minGain, .novelty: false
        }
    }

    /// One line for help texts and column headers.
    public var summary: String {
        switch self {
        case .capability: "capability share of the coalition"
        case .members: "number of coalition members"
        case .totalGain: "sum of members' gains"
        case .minGain: "smallest member gain"
        case .nash: "Nash product of member gains (sum of logs)"
        case .novelty: "distance from every existing grouping"
        case .openness: "openness of the package (its options' openness added up)"
        }
    }
}
