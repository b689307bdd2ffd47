/// Which existing blocs a coalition draws from, and how far it is from each: the report's
/// test of whether a deal goes beyond the usual like-minded groups.
public enum Bridging {
    /// One entry per grouping, in scenario order, and the members who belong to none.
    public static func analyse(_ coalition: ActorSet, in scenario: Scenario) -> BridgingReport {
        let compiled = CompiledScenario(scenario)
        let members = coalition.members
        let blocs = zip(scenario.groupings, compiled.groupings).map { grouping, set in
            let shared = coalition.intersectionCount(set)
            let union = coalition.count + set.count - shared
            let jaccard = union > 0 ? Double(shared) / Double(union) : 0
            return BlocOverlap(
                grouping: grouping.id, members: members.filter(set.contains), size: set.count,
                jaccard: jaccard, novelty: 1 - jaccard)
        }
        let unaligned = members.filter { actor in !compiled.groupings.contains { $0.contains(actor) } }
        return BridgingReport(blocs: blocs, drawsFrom: blocs.filter { !$0.members.isEmpty }.map(\.grouping), unaligned: unaligned)
    }
}

/// How a coalition relates to the existing groupings.
public struct BridgingReport: Sendable, Equatable {
    public let blocs: [BlocOverlap]
    /// Groupings with at least one member in the coalition.
    public let drawsFrom: [String]
    /// Coalition members in no grouping.
    public let unaligned: [Int]
}

/// A coalition against one grouping.
public struct BlocOverlap: Sendable, Equatable {
    public let grouping: String
    /// Coalition members who belong to the grouping.
    public let members: [Int]
    /// The grouping's size.
    public let size: Int
    /// |C ∩ G| / |C ∪ G|.
    public let jaccard: Double
    /// 1 − jaccard.
    public let novelty: Double
}
