/// The content of a brief on one proposed package: what a diplomat hands to a minister or
/// another delegation. Renderers turn it into plain text, Markdown or JSON; the content is
/// the same in each.
public struct Brief: Sendable, Encodable, Equatable {
    public let title: String
    public let date: String
    public let scenario: String
    public let source: String
    /// The delegation the brief is for, when it is a delegation brief; nil for the full brief.
    public let audience: String?
    public let package: [PackageLine]
    /// Issues the package leaves at their status quo.
    public let unchanged: [String]
    /// Who joins and whether the coalition is viable (full brief only: both rest on every
    /// other actor's margin and red lines, which a delegation does not see).
    public let coalition: CoalitionSummary?
    /// The delegation's own verdict (delegation brief only): `member`, `out: a red line` or
    /// `out: gains too little`.
    public let standing: String?
    /// Every member's case in a full brief; the delegation's own case, member or not, in a
    /// delegation brief.
    public let members: [MemberCase]
    /// The blocs the coalition draws from (full brief only: it counts who joins).
    public let bridging: [BlocLine]?
    public let holdouts: [HoldoutLine]?
    public let stability: StabilityLine?
    public let robustness: RobustnessLine?
    public let bargaining: [BargainingLine]?
    /// Openness of the package (its options' own openness added up), and of the status quo it replaces.
    public let openness: Double
    public let statusQuoOpenness: Double
    /// The future the brief was written in (nil: today).
    public let future: String?
    /// How the package fares today and in each of the scenario's futures; nil when the
    /// scenario has none.
    public let futures: [FutureLine]?
    public let annex: Annex

    /// One issue the package changes.
    public struct PackageLine: Sendable, Encodable, Equatable {
        public let issue: String
        public let option: String
        public let description: String
        public let replaces: String
        /// The option's openness minus the status quo's.
        public let opennessChange: Double
    }

    public struct CoalitionSummary: Sendable, Encodable, Equatable {
        public let members: [String]
        public let capabilityShare: Double
        public let viable: Bool
        public let rules: [RuleLine]
    }

    public struct RuleLine: Sendable, Encodable, Equatable {
        public let id: String
        public let holds: Bool
    }

    /// Why one member gains, what it concedes, and what to say to it.
    public struct MemberCase: Sendable, Encodable, Equatable {
        public let actor: String
        public let name: String
        public let gain: Double
        public let gainsFrom: [Contribution]
        public let concedes: [Contribution]
        public let talkingPoints: [String]
        /// Share of robustness draws in which it stays (delegation briefs only show their own).
        public let stays: Double?
    }

    /// One issue's part in a member's gain: what the member's values say of the issue's
    /// options (derived from the values as they stand, so an edit never leaves it stale),
    /// and the scenario's note as the author's rationale.
    public struct Contribution: Sendable, Encodable, Equatable {
        public let issue: String
        public let option: String
        public let points: Double
        /// `Interest.preference(on:)`; empty for a link, which has no options of its own.
        public let stance: String
        public let note: String
    }

    public struct BlocLine: Sendable, Encodable, Equatable {
        public let grouping: String
        public let membersIn: Int
        public let size: Int
        public let novelty: Double
    }

    public struct HoldoutLine: Sendable, Encodable, Equatable {
        public let actor: String
        public let lacking: Double
        public let redLines: [String]
        public let sweeteners: [SweetenerLine]
    }

    public struct SweetenerLine: Sendable, Encodable, Equatable {
        public let changes: [String]
        public let holdoutGain: Double
        public let paidBy: [String]
    }

    public struct StabilityLine: Sendable, Encodable, Equatable {
        public let stable: Bool
        public let proven: Bool
        public let blockers: [String]
        public let blockerCapability: Double
        public let theyPrefer: [String]
    }

    public struct RobustnessLine: Sendable, Encodable, Equatable {
        public let draws: Int
        public let spread: Double
        public let seed: UInt64
        public let viableProbability: Double
        public let mostFragile: String?
    }

    public struct BargainingLine: Sendable, Encodable, Equatable {
        public let solution: String
        /// True when this package reaches the solution's best value.
        public let isThisPackage: Bool
        public let bestValue: Double
        public let thisValue: Double
    }

    /// The package today or in one future. A delegation brief says only how the package
    /// fares for its own actor, never whether it is viable or who else is in.
    public struct FutureLine: Sendable, Encodable, Equatable {
        /// `today` or the future's id.
        public let id: String
        public let name: String
        public let description: String
        /// Whether the coalition is viable, its size and capability share (full brief only).
        public let viable: Bool?
        public let memberCount: Int?
        public let capabilityShare: Double?
        /// Members of today's coalition who are out in this future (full brief only).
        public let left: [String]?
        /// Members in this future who are out today (full brief only).
        public let joined: [String]?
        /// Rules that fail in this future (full brief only).
        public let failedRules: [String]?
        /// The delegation's own standing (delegation brief only): member, or why not, and its gain.
        public let standing: String?
        public let gain: Double?
    }

    public struct Annex: Sendable, Encodable, Equatable {
        public let method: [String]
        public let assumptions: [String]
        public let command: String
    }
}
