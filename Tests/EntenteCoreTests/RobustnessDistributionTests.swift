import EntenteCore
import Testing

/// The distribution behind the robustness figures: how many of the package's members stay
/// in each draw, and how many of those draws are viable (Data/training/cables-and-chips.yaml).
@Suite struct RobustnessDistributionTests {
    let scenario: Scenario

    init() throws { scenario = try TestData.load("Data/training/cables-and-chips.yaml") }

    /// Shared repair and the allied pool: everyone joins (docs/training.md).
    func package() throws -> Package { try scenario.package(["cables": "shared-repair", "chips": "allied-pool"]) }

    /// With nothing perturbed every draw is today's: all three stay, and it is viable.
    @Test func withoutSpreadEveryDrawKeepsEveryMember() throws {
        let robustness = RobustnessAnalysis(scenario).analyse(try package(), draws: 300, spread: 0)
        #expect(robustness.staying == [StayingCount(draws: 0, viable: 0), StayingCount(draws: 0, viable: 0),
                                       StayingCount(draws: 0, viable: 0), StayingCount(draws: 300, viable: 300)])
    }

    /// The histogram adds up to the figures it explains, over any spread and seed.
    @Test(arguments: [(0.1, UInt64(1)), (0.3, 7), (0.6, 42)])
    func theDistributionAddsUpToTheFigures(spread: Double, seed: UInt64) throws {
        let robustness = RobustnessAnalysis(scenario).analyse(try package(), draws: 2000, spread: spread, seed: seed)
        #expect(robustness.staying.count == robustness.stayProbability.count + 1)
        #expect(robustness.staying.reduce(0) { $0 + $1.draws } == robustness.draws)
        let viable = robustness.staying.reduce(0) { $0 + $1.viable }
        #expect(viable == Int((robustness.viableProbability * Double(robustness.draws)).rounded()))
        #expect(robustness.staying.allSatisfy { $0.viable <= $0.draws })
        // Counted by members, the stays are the members' stay probabilities times the draws.
        let stays = robustness.staying.indices.reduce(0) { $0 + $1 * robustness.staying[$1].draws }
        let expected = robustness.stayProbability.reduce(0) { $0 + $1.value * Double(robustness.draws) }
        #expect(abs(Double(stays) - expected) < 1e-6)
    }
}
