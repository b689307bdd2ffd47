import EntenteCore
import Testing

/// The training scenario Data/training/cables-and-chips.yaml against the answers worked out
/// by hand in docs/training.md.
@Suite struct CablesAndChipsTests {
    let scenario: Scenario
    let evaluator: PackageEvaluator

    init() throws {
        scenario = try TestData.load("Data/training/cables-and-chips.yaml")
        evaluator = PackageEvaluator(CompiledScenario(scenario))
    }

    func package(_ cables: String, _ chips: String) -> Package {
        Package(choices: [scenario.issues[0].optionIndex(cables)!, scenario.issues[1].optionIndex(chips)!])
    }

    func members(_ evaluation: PackageEvaluation) -> [String] {
        evaluation.coalition.members.map { scenario.actors[$0].id }
    }

    @Test func statusQuoUtilities() {
        let evaluation = evaluator.evaluate(scenario.statusQuo)
        #expect(evaluation.utilities == [42.5, 45, 37.5])
        #expect(evaluation.gains == [0, 0, 0])
        #expect(evaluation.coalition.isEmpty)
        #expect(!evaluation.viable)
    }

    @Test(arguments: [
        ("national", "allied-pool", [30.0, 5, -5], ["us", "eu"]),
        ("national", "open-market", [-15.0, -5, 5], ["india"]),
        ("shared-repair", "onshore", [5.0, 10, 30], ["us", "eu", "india"]),
        ("shared-repair", "allied-pool", [35.0, 15, 25], ["us", "eu", "india"]),
        ("shared-repair", "open-market", [-10.0, 5, 35], ["eu", "india"]),
        ("open-consortium", "onshore", [2.5, 20, 15], ["us", "eu", "india"]),
        ("open-consortium", "allied-pool", [32.5, 25, 10], ["us", "eu", "india"]),
        ("open-consortium", "open-market", [-12.5, 15, 20], ["eu", "india"]),
    ])
    func gainsAndCoalitions(cables: String, chips: String, gains: [Double], coalition: [String]) {
        let evaluation = evaluator.evaluate(package(cables, chips))
        #expect(evaluation.gains == gains)
        #expect(members(evaluation) == coalition)
    }

    @Test func redLineKeepsAGainerOut() {
        // The US loses under an open chip market anyway, and it is also its red line.
        let evaluation = evaluator.evaluate(package("shared-repair", "open-market"))
        #expect(evaluation.redLined.members == [0])
    }

    @Test func rulesAndViability() {
        let india = evaluator.evaluate(package("national", "open-market"))
        #expect(india.rules == [RuleCheck(id: "critical-mass", holds: false), RuleCheck(id: "more-than-one", holds: false)])
        #expect(!india.viable)
        let pair = evaluator.evaluate(package("shared-repair", "open-market"))
        #expect(pair.objective(.capability) == 0.5)
        #expect(pair.viable)
    }

    @Test func objectivesOfTheBestPackage() {
        let evaluation = evaluator.evaluate(package("shared-repair", "allied-pool"))
        #expect(evaluation.objective(.capability) == 1)
        #expect(evaluation.objective(.members) == 3)
        #expect(evaluation.objective(.totalGain) == 75)
        #expect(evaluation.objective(.minGain) == 15)
        #expect(abs(evaluation.objective(.nash) - 9.482_28) < 1e-4)
        #expect(abs(evaluation.objective(.novelty) - 1.0 / 3) < 1e-12)
        #expect(evaluation.objective(.openness) == 0)
    }

    @Test(arguments: [
        (Objective.capability, "shared-repair", "onshore"),
        (.totalGain, "shared-repair", "allied-pool"),
        (.minGain, "shared-repair", "allied-pool"),
        (.nash, "shared-repair", "allied-pool"),
        (.novelty, "shared-repair", "open-market"),
        (.openness, "open-consortium", "open-market"),
    ])
    func bestPackageByObjective(objective: Objective, cables: String, chips: String) throws {
        var request = SearchRequest()
        request.objective = objective
        request.strategy = .exhaustive
        let result = try PackageSearch(scenario).run(request)
        #expect(result.packages.first?.package == package(cables, chips))
        #expect(result.explored == 9)
        #expect(!result.cancelled)
    }

    @Test func viablePackagesInRankOrder() throws {
        var request = SearchRequest()
        request.objective = .totalGain
        request.top = 20
        let result = try PackageSearch(scenario).run(request)
        // Seven packages have a viable coalition; the lone-India and empty ones do not.
        #expect(result.packages.map { $0.objective(.totalGain) } == [75, 67.5, 45, 40, 37.5, 35, 35])
        // The tie at 35 is broken by package order: (national, allied-pool) before (open-consortium, open-market).
        #expect(result.packages[5].package == package("national", "allied-pool"))
    }

    @Test func minGainTieBrokenByPackageOrder() throws {
        var request = SearchRequest()
        request.objective = .minGain
        request.top = 2
        let result = try PackageSearch(scenario).run(request)
        #expect(result.packages.map(\.package) == [package("shared-repair", "allied-pool"), package("open-consortium", "open-market")])
    }

    @Test func includeExcludeAndTable() throws {
        var request = SearchRequest()
        request.objective = .totalGain
        request.exclude = ["us"]
        #expect(try PackageSearch(scenario).run(request).packages.first?.package == package("shared-repair", "open-market"))
        request = SearchRequest()
        request.table = ["cables"]
        request.objective = .totalGain
        request.strategy = .exhaustive
        let result = try PackageSearch(scenario).run(request)
        #expect(result.explored == 3)
        #expect(result.packages.map(\.package) == [package("shared-repair", "onshore"), package("open-consortium", "onshore")])
        request.fixed = ["chips": "allied-pool"]
        #expect(try PackageSearch(scenario).run(request).packages.first?.package == package("shared-repair", "allied-pool"))
    }

    @Test func unknownNamesInARequestAreErrors() {
        var request = SearchRequest()
        request.fixed = ["chips": "moon"]
        #expect(throws: SearchRequestError.self) { try PackageSearch(scenario).run(request) }
        request = SearchRequest()
        request.include = ["atlantis"]
        #expect(throws: SearchRequestError.self) { try PackageSearch(scenario).run(request) }
    }

    @Test func paretoSetForUSAndEU() throws {
        let result = try ParetoSearch(scenario).run(actors: ["us", "eu"])
        #expect(result.candidates == 5)
        #expect(result.packages == [package("shared-repair", "allied-pool"), package("open-consortium", "allied-pool")])
    }

    @Test func paretoSetForEUAndIndia() throws {
        let result = try ParetoSearch(scenario).run(actors: ["eu", "india"])
        #expect(result.candidates == 6)
        #expect(result.packages.count == 5)
        #expect(!result.packages.contains(package("open-consortium", "open-market")))
    }
}
