import Foundation
import EntenteCore
import Testing

/// The analyses on the training scenarios, against answers worked out by hand in
/// docs/training.md ("Analysing a package").
@Suite struct AnalysisTests {
    let scenario: Scenario

    init() throws { scenario = try TestData.load("Data/training/cables-and-chips.yaml") }

    func package(_ cables: String, _ chips: String) throws -> Package {
        try scenario.package(["cables": cables, "chips": chips])
    }

    @Test func bargainingPointsForEUAndIndia() throws {
        let points = try BargainingAnalysis(scenario).points(for: [1, 2])
        #expect(points.individuallyRational == 6)
        #expect(points.ideals == [25, 35])
        #expect(points.nash?.packages == [try package("shared-repair", "allied-pool")])
        #expect(abs(points.nash!.value - (log(15.0) + log(25.0))) < 1e-9)
        #expect(points.kalaiSmorodinsky?.packages == [try package("shared-repair", "allied-pool")])
        #expect(points.kalaiSmorodinsky?.value == 0.6)
        // Ties are listed, in package order.
        #expect(points.utilitarian?.value == 40 && points.utilitarian?.ties == 3)
        #expect(points.utilitarian?.packages == [try package("shared-repair", "onshore"), try package("shared-repair", "allied-pool"), try package("shared-repair", "open-market")])
        #expect(points.egalitarian?.value == 15 && points.egalitarian?.ties == 3)
        #expect(points.egalitarian?.packages == [try package("shared-repair", "allied-pool"), try package("open-consortium", "onshore"), try package("open-consortium", "open-market")])
    }

    @Test func holdoutAndItsNearestSweeteners() throws {
        let holdouts = try HoldoutAnalysis(scenario).holdouts(of: try package("shared-repair", "open-market"))
        #expect(holdouts.map(\.actor) == [0])
        let us = holdouts[0]
        #expect(us.gain == -10 && us.lacking == 10 && us.redLines == ["chips=open-market"])
        #expect(us.sweeteners.map(\.package) == [try package("shared-repair", "onshore"), try package("shared-repair", "allied-pool"), try package("open-consortium", "onshore")])
        #expect(us.sweeteners[0].costs == [MemberCost(actor: 2, loss: 5)])
        #expect(us.sweeteners[0].holdoutGain == 5)
    }

    @Test func stabilityFindsTheStrongestBlock() throws {
        let stability = try StabilityAnalysis(scenario).check(try package("shared-repair", "open-market"))
        let block = try #require(stability.block)
        #expect(block.coalition == [0, 1])
        #expect(block.package == (try package("shared-repair", "onshore")))
        #expect(block.gains[0] == 15 && block.gains[1] == 5)
        #expect(abs(block.capability - 5.0 / 6) < 1e-9)
        #expect(stability.proven)
    }

    @Test func theNashPackageOfTheGrandCoalitionIsStable() throws {
        // (shared-repair, allied-pool): no viable coalition does strictly better for all
        // its members — India's only better packages cost the US or the EU.
        let stability = try StabilityAnalysis(scenario).check(try package("shared-repair", "allied-pool"))
        #expect(stability.isStable)
    }

    @Test func robustness() throws {
        let robustness = RobustnessAnalysis(scenario).analyse(try package("shared-repair", "open-market"), draws: 2000, spread: 0.1, delta: 5, seed: 7)
        #expect(robustness.worstCaseGain == [MemberFigure(actor: 1, value: -5), MemberFigure(actor: 2, value: 25)])
        #expect(robustness.stayProbability.first { $0.actor == 2 }?.value == 1)
        let eu = robustness.stayProbability.first { $0.actor == 1 }!.value
        #expect(eu > 0.6 && eu < 0.95)
        // The coalition is viable exactly when the EU stays (India alone fails both rules).
        #expect(robustness.viableProbability == eu)
        let fragile = try #require(robustness.mostFragile)
        #expect(fragile.actor == 1 && fragile.issue == 0 && fragile.input == .proposedValue)
        #expect(fragile.from == 60 && fragile.to == 50 && fragile.relativeChange == 0.1)
        // Seeded: the same seed gives the same figures.
        let again = RobustnessAnalysis(scenario).analyse(try package("shared-repair", "open-market"), draws: 2000, spread: 0.1, delta: 5, seed: 7)
        #expect(again.stayProbability == robustness.stayProbability)
    }

    @Test func bridging() throws {
        let evaluation = PackageEvaluator(CompiledScenario(scenario)).evaluate(try package("shared-repair", "open-market"))
        let report = Bridging.analyse(evaluation.coalition, in: scenario)
        #expect(report.drawsFrom == ["transatlantic"])
        #expect(report.unaligned == [2])
        #expect(report.blocs[0].members == [1] && abs(report.blocs[0].novelty - 2.0 / 3) < 1e-12)
    }

    @Test func theStandardsLogroll() throws {
        let bargain = try TestData.load("Data/training/standards-bargain.yaml")
        let trades = Logrolls.find(in: bargain)
        #expect(trades.count == 1)
        #expect(trades[0].actors == [0, 1] && trades[0].issues == [0, 1])
        #expect(trades[0].gains == [25, 25])
    }

    @Test func leverMap() {
        // cables: shared repair and the open consortium both gain everyone (6/6); the earlier
        // option wins the tie. chips: the allied pool gains the US and the EU (5/6), the open
        // market only India.
        let points = LeverMap.points(scenario)
        #expect(points == [
            LeverMap.Point(issue: 0, option: 1, prospects: 1, opennessChange: 1),
            LeverMap.Point(issue: 1, option: 1, prospects: 5.0 / 6, opennessChange: 1),
        ])
    }

    @Test func unknownNamesInAPackageAreErrors() {
        #expect(throws: SearchRequestError.self) { try scenario.package(["cables": "moon"]) }
        #expect(throws: SearchRequestError.self) { try scenario.package(["atlantis": "x"]) }
    }
}

extension AnalysisTests {
    /// Cables and chips, chips=allied-pool: the US (capability 3) and the EU (2) join, 5 of
    /// 6 of capability. Without the US the share is 2/6 < 0.5 and without the EU the coalition
    /// has one member (rule more-than-one): both are pivotal.
    @Test func pivotalMembersBreakARuleWhenTheyLeave() throws {
        let scenario = try TestData.load("Data/training/cables-and-chips.yaml")
        let analysis = try PackageAnalysis(scenario, package: try scenario.package(["chips": "allied-pool"]))
        #expect(analysis.evaluation.coalition.members == [0, 1] && analysis.pivotal == [0, 1])
        // All three join (docs/training.md): without the US 3/6 = 0.5 still meets the
        // threshold, without the EU 4/6, without India 5/6, and two members always remain.
        let everyone = try PackageAnalysis(scenario, package: try scenario.package(["cables": "open-consortium", "chips": "allied-pool"]))
        #expect(everyone.evaluation.coalition.count == 3 && everyone.pivotal.isEmpty)
        let none = try PackageAnalysis(scenario, package: scenario.statusQuo)
        #expect(none.pivotal.isEmpty)
    }
}

extension AnalysisTests {
    /// A budget or a cancellation cuts the two searches of an analysis short, and the
    /// results say so instead of passing for the whole space.
    @Test func analysisSearchesStopWithinTheirBudget() throws {
        let scenario = ScenarioGenerator(actors: 8, issues: 10, options: 4, blocs: 2, seed: 3).generate()
        let package = scenario.statusQuo
        var request = SearchRequest()
        request.budget = SearchBudget(packages: 1_000)
        // Branch and bound would settle the space within the budget.
        request.strategy = .exhaustive
        let cut = try PackageAnalysis(scenario, package: package, request: request, actors: [0, 1])
        #expect(cut.bargaining?.complete == false)
        #expect(!cut.stability.proven)
        let cancelled = CancellationFlag()
        cancelled.cancel()
        let stopped = try PackageAnalysis(scenario, package: package, actors: [0, 1], cancellation: cancelled)
        #expect(stopped.bargaining?.complete == false && !stopped.stability.proven)
        #expect(stopped.robustness.draws == 0, "the Monte Carlo draws stop too (Esc in the finder frees the core)")
        #expect(try PackageAnalysis(scenario, package: package, actors: [0, 1]).robustness.draws == 10_000)
        let small = try TestData.load("Data/training/cables-and-chips.yaml")
        #expect(try PackageAnalysis(small, package: small.statusQuo, actors: [0, 1]).bargaining?.complete == true)
    }
}
