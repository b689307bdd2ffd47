import EntenteCore
import Testing

/// Every analysis of a package uses the membership of the coalition it reports (margins
/// included) and proposes changes only to issues on the table and not fixed.
///
/// Cables and chips, package (shared-repair, open-market): the US hits its red line, the
/// EU gains 0.5·(60 − 40) + 0.5·(40 − 50) = 5, India 0.75·(70 − 30) + 0.25·(80 − 60) = 35.
/// With `--margin 10` the EU (5 < 10) leaves the coalition and India (35 > 4 + 10) stays.
@Suite struct AnalysisSpaceTests {
    let scenario: Scenario
    let package: Package

    init() throws {
        scenario = try TestData.load("Data/training/cables-and-chips.yaml")
        package = try scenario.package(["cables": "shared-repair", "chips": "open-market"])
    }

    func request(margin: Double = 0, table: [String]? = nil, fixed: [String: String] = [:]) -> SearchRequest {
        var request = SearchRequest()
        request.margin = margin
        request.table = table
        request.fixed = fixed
        return request
    }

    func analysis(_ request: SearchRequest) throws -> PackageAnalysis {
        var settings = PackageAnalysis.Settings()
        settings.draws = 500
        return try PackageAnalysis(scenario, package: package, request: request, settings: settings)
    }

    @Test func aMarginMakesAHoldoutOfWhoItLeavesOut() throws {
        let result = try analysis(request(margin: 10))
        #expect(result.evaluation.coalition.members == [2])
        let eu = try #require(result.holdouts.first { $0.actor == 1 })
        #expect(eu.gain == 5 && eu.margin == 10 && eu.lacking == 5)
        #expect(result.holdouts.map(\.actor) == [0, 1])
        #expect(try HoldoutAnalysis(scenario).holdouts(of: package, request: request(margin: 10)).map(\.actor) == [0, 1])
    }

    @Test func anExcludedActorIsNoHoldout() throws {
        var excluding = request(margin: 10)
        excluding.exclude = [scenario.actors[0].id]
        #expect(try HoldoutAnalysis(scenario).holdouts(of: package, request: excluding).map(\.actor) == [1])
        #expect(try analysis(excluding).holdouts.map(\.actor) == [1])
    }

    @Test func robustnessFollowsTheMembersUnderTheMargin() throws {
        let result = try analysis(request(margin: 10))
        #expect(result.robustness.stayProbability.map(\.actor) == [2])
        #expect(result.robustness.worstCaseGain.map(\.actor) == [2])
        // India stays whenever its perturbed gain exceeds 14, not 4: fewer draws than without.
        let plain = RobustnessAnalysis(scenario).analyse(package, draws: 500, seed: 1)
        let strict = RobustnessAnalysis(scenario).analyse(package, draws: 500, seed: 1, margin: 30)
        #expect(plain.stayProbability.first { $0.actor == 2 }!.value == 1)
        #expect(strict.stayProbability.first { $0.actor == 2 }!.value < 1)
    }

    @Test(arguments: [0.0, 3, 10, 20])
    func noSweetenerPushesAMemberBelowItsMargin(margin: Double) throws {
        let compiled = CompiledScenario(scenario, margin: margin)
        let evaluator = PackageEvaluator(compiled)
        let members = evaluator.evaluate(package).coalition.members
        for holdout in try HoldoutAnalysis(scenario).holdouts(of: package, request: request(margin: margin)) {
            for sweetener in holdout.sweeteners {
                let gains = evaluator.evaluate(sweetener.package).gains
                for member in members + [holdout.actor] { #expect(gains[member] > compiled.margin(of: member)) }
            }
        }
    }

    @Test func sweetenersChangeOnlyIssuesOnTheTableAndNotFixed() throws {
        // Both issues on the table, cables fixed at the package's option: the sweeteners
        // for the US may move chips only, so (open-consortium, onshore) is no longer one.
        let space = request(table: ["cables", "chips"], fixed: ["cables": "shared-repair"])
        let us = try #require(try analysis(space).holdouts.first { $0.actor == 0 })
        #expect(us.sweeteners.map(\.package) == [try scenario.package(["cables": "shared-repair", "chips": "onshore"]),
                                                 try scenario.package(["cables": "shared-repair", "chips": "allied-pool"])])
        // Off the table, chips cannot move either: no sweetener is left.
        let offTable = try analysis(request(table: ["cables"]))
        #expect(offTable.holdouts.first { $0.actor == 0 }?.sweeteners.isEmpty == true)
    }

    @Test func blocksAndBargainingPointsChangeOnlyFreeIssues() throws {
        let chipsOnly = try analysis(request(table: ["chips"]))
        let block = try #require(chipsOnly.stability.block)
        #expect(block.package.differences(from: package) == [1])
        // Cables off the table keeps the package's shared repair (not the status quo) in
        // every package the bargaining points consider.
        let points = try #require(chipsOnly.bargaining)
        for point in [points.nash, points.kalaiSmorodinsky, points.egalitarian, points.utilitarian] {
            for candidate in try #require(point).packages { #expect(candidate.choices[0] == package.choices[0]) }
        }
        let fixedCables = try analysis(request(fixed: ["cables": "shared-repair"]))
        if let block = fixedCables.stability.block { #expect(!block.package.differences(from: package).contains(0)) }
    }

    @Test func aPackageThatContradictsAFixIsRefused() throws {
        #expect(throws: SearchRequestError.self) { try analysis(request(fixed: ["cables": "national"])) }
    }

    @Test func noIdealsWhenNoPackageIsIndividuallyRational() throws {
        // No package gives the US more than 100 points over the status quo.
        let points = try BargainingAnalysis(scenario).points(for: [0], request: request(margin: 100))
        #expect(points.individuallyRational == 0)
        #expect(points.ideals == nil)
        #expect(points.nash == nil && points.kalaiSmorodinsky == nil && points.egalitarian == nil && points.utilitarian == nil)
    }
}
