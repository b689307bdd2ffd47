/// What a table's game came to, for the debrief after it (`entente debrief`) and live on the
/// facilitator's screen: the timeline by round; each agreement with every actor's gain and
/// what was possible instead; near misses; and the engine's best packages under the same
/// rules. Built from the setup and the event log alone (`Debrief.init(setup:events:…)`);
/// docs/debrief.md defines every figure.
///
/// A delegation's debrief, before the reveal, holds only what that seat may see: its own
/// timeline, the agreements with its own gain only, and no analysis that reads the others'
/// stances.
public struct Debrief: Codable, Equatable, Sendable {
    public let title: String
    /// The table's name, as the server or the caller knows it.
    public let table: String
    /// The seat the debrief was built for; nil for the full debrief.
    public let seat: String?
    /// Whether every actor's figures are shown (the full debrief, or after the reveal).
    public let full: Bool
    public let rounds: [DebriefRound]
    public let agreements: [AgreementReport]
    public let nearMisses: [NearMiss]
    /// The engine's best packages under the scenario's rules, in the scenario in force at
    /// the end; nil when the seat may not see them.
    public let possible: [PossiblePackage]?
}

/// One round of the timeline (round 0: before the first round).
public struct DebriefRound: Codable, Equatable, Sendable {
    public let round: Int
    public let lines: [TimelineLine]
}

/// One event of the timeline, at its time since the table's first event.
public struct TimelineLine: Codable, Equatable, Sendable {
    public let seconds: Double
    public let text: String
}

/// An agreement and what it was worth to every actor.
public struct AgreementReport: Codable, Equatable, Sendable {
    public let agreement: Int
    public let proposal: Int
    public let round: Int
    public let package: TablePackage
    public let members: [String]
    /// Every actor's gain (a delegation before the reveal: its own alone), in scenario order.
    public let gains: [ActorGain]
    /// Members whose gain is below zero: they accepted a package that left them worse off.
    public let worseOff: [String]
    /// The figures that read every member's stance; nil for a seat that may not see them.
    public let analysis: AgreementAnalysis?
}

/// One actor's standing under an agreement.
public struct ActorGain: Codable, Equatable, Sendable {
    public let actor: String
    /// Gain over the status quo, in utility points, in the scenario in force when the
    /// agreement was reached.
    public let gain: Double
    /// Whether it is a member (it accepted, or proposed, the package).
    public let member: Bool
    /// Whether the engine would count it in: it gains more than its margin and hits no red
    /// line of its own.
    public let joins: Bool
}

/// What was possible against what was reached, for one agreement.
public struct AgreementAnalysis: Codable, Equatable, Sendable {
    /// True when no package in which every member would join gives each member at least as
    /// much and one more.
    public let paretoEfficient: Bool
    /// Such a package, when there is one: the one with the largest sum of member gains.
    public let improvement: PossiblePackage?
    public let nash: BargainingDistance?
    public let kalaiSmorodinsky: BargainingDistance?
    /// The engine's best packages whose coalition holds every member and more actors.
    public let largerCoalitions: [PossiblePackage]
    /// Actors outside the agreement the engine would not count in, and what would bring
    /// them in.
    public let holdouts: [HoldoutReport]
}

/// A bargaining point of the members and how far the agreement was from it.
public struct BargainingDistance: Codable, Equatable, Sendable {
    public let package: TablePackage
    /// The members' gains at the point, in the order of `AgreementReport.members`.
    public let gains: [Double]
    /// √Σ (agreement gain − point gain)² over the members, in utility points.
    public let distance: Double
}

/// A package the engine found, with its coalition (actors who would join) and every actor's
/// gain, in scenario order.
public struct PossiblePackage: Codable, Equatable, Sendable {
    public let package: TablePackage
    public let coalition: [String]
    public let gains: [Double]
    public let viable: Bool
}

/// An actor the agreement left out that the engine would not count in.
public struct HoldoutReport: Codable, Equatable, Sendable {
    public let actor: String
    public let gain: Double
    /// How much more it needed (beyond its margin); 0 when only a red line kept it out.
    public let lacking: Double
    /// The agreement's options that are its red lines, as `issue=option`.
    public let redLines: [String]
    /// The nearest package (at most three issues changed) that keeps every member the
    /// engine counts in and adds this actor, if any.
    public let sweetener: TablePackage?
}

/// A proposal that never became an agreement but was one acceptance short: one more of the
/// seats it was addressed to would have made its accepting actors viable.
public struct NearMiss: Codable, Equatable, Sendable {
    public let proposal: Int
    public let author: String
    public let package: TablePackage
    /// The actors that accepted it (its author's first), as far as the seat knows.
    public let accepted: [String]
    /// The actors any one of which, accepting too, would have made it an agreement.
    public let oneMore: [String]
}
