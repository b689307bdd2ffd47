import EntenteCore
import Testing

/// The four-futures training scenario (links and Figure 1's futures) against the answers
/// worked out by hand in docs/training.md, section 4. Packages are numbered 1 to 12 in
/// package order, as there.
@Suite struct FourFuturesTests {
    static let file = "Data/training/four-futures.yaml"

    /// Package n (1…12) of the doc's table: dida, semis, finance.
    static func package(_ number: Int) -> Package {
        let index = number - 1
        return Package(choices: [index / 4, (index / 2) % 2, index % 2])
    }

    static func number(_ package: Package) -> Int {
        package.choices[0] * 4 + package.choices[1] * 2 + package.choices[2] + 1
    }

    static func today() throws -> Scenario { try TestData.load(file) }

    static func future(_ id: String) throws -> Scenario {
        let scenario = try today()
        let future = try #require(scenario.futures.first { $0.id == id })
        return scenario.applying(future)
    }

    static func evaluations(_ scenario: Scenario) -> [PackageEvaluation] {
        let evaluator = PackageEvaluator(CompiledScenario(scenario))
        return (1...12).map { evaluator.evaluate(package($0)) }
    }

    static func viable(_ scenario: Scenario) -> [Int] {
        evaluations(scenario).enumerated().filter { $0.element.viable }.map { $0.offset + 1 }
    }

    static func members(_ evaluation: PackageEvaluation, _ scenario: Scenario) -> [String] {
        scenario.actors.indices.filter { evaluation.coalition.contains($0) }.map { scenario.actors[$0].id }
    }

    static func best(_ scenario: Scenario, _ objective: Objective, top: Int = 1) throws -> [PackageEvaluation] {
        var request = SearchRequest()
        request.objective = objective
        request.top = top
        return try PackageSearch(scenario).run(request).packages
    }

    @Test func todaysGainsIncludeTheLinks() throws {
        let scenario = try Self.today()
        let all = Self.evaluations(scenario)
        // us, china, india, kenya, from the doc's table.
        #expect(all[5].gains == [20, -20, 10, 42.5])
        #expect(all[6].gains == [25, -30, 16, -2.5])
        #expect(all[7].gains == [25, -25, 21, 42.5])
        #expect(all[10].gains == [20, -20, 13.5, 12.5])
        #expect(all[11].gains == [20, -15, 18.5, 57.5])
        #expect(Self.viable(scenario) == [6, 7, 8, 9, 10, 11, 12])
        #expect(Self.members(all[6], scenario) == ["us", "india"])
        #expect(Self.members(all[1], scenario) == ["china", "kenya"])
    }

    @Test func withoutItsLinkIndiaStaysOut() throws {
        var scenario = try Self.today()
        let india = try #require(scenario.actorIndex("india"))
        scenario.actors[india].links = []
        let all = Self.evaluations(scenario)
        #expect(all[6].gains[india] == 10)
        #expect(all[10].gains[india] == 7.5)
        #expect(!all[6].coalition.contains(india) && !all[10].coalition.contains(india))
    }

    @Test func todaysBestByEachObjective() throws {
        let scenario = try Self.today()
        let expected: [(Objective, Int, Double)] = [
            (.capability, 8, 0.7), (.members, 8, 3), (.totalGain, 12, 96), (.minGain, 8, 21),
            (.nash, 8, 10.0129), (.novelty, 6, 2.0 / 3), (.openness, 12, 5),
        ]
        for (objective, number, score) in expected {
            let top = try #require(try Self.best(scenario, objective).first)
            #expect(Self.number(top.package) == number, "best by \(objective)")
            #expect(abs(top.objective(objective) - score) < 1e-4, "score by \(objective)")
        }
        let ranked = try Self.best(scenario, .totalGain, top: 10)
        #expect(ranked.map { $0.objective(.totalGain) } == [96, 88.5, 72.5, 62.5, 46, 41, 27.5])
        #expect(try Self.best(scenario, .minGain, top: 10).map { $0.objective(.minGain) } == [21, 20, 18.5, 16, 15, 12.5, 12.5])
    }

    @Test func bipolarNationalist() throws {
        let scenario = try Self.future("bipolar-nationalist")
        #expect(scenario.actors.map(\.capability) == [6, 6, 2, 1])
        let all = Self.evaluations(scenario)
        #expect(all[5].gains == [9, -30, 10, 42.5])
        #expect(all[7].gains == [9, -40, 21, 42.5])
        #expect(all[9].gains == [1, -25, 7.5, 57.5])
        #expect(Self.viable(scenario) == [7, 8, 11, 12])
        #expect(try Self.best(scenario, .capability).map { Self.number($0.package) } == [8])
        #expect(try Self.best(scenario, .totalGain).map { $0.objective(.totalGain) } == [77])
        #expect(try Self.best(scenario, .minGain).map { Self.number($0.package) } == [7])
    }

    @Test func bipolarInternationalist() throws {
        let scenario = try Self.future("bipolar-internationalist")
        let all = Self.evaluations(scenario)
        // China's fund value 70 + 10 + 25 is clamped to 100: +15 on finance.
        #expect(all[1].gains == [0, 15, 5, 45])
        #expect(all[5].gains == [30, -5, 10, 42.5])
        #expect(all[11].gains == [40, 10, 18.5, 57.5])
        #expect(scenario.actors[1].interests["dida"]?.redLines == [])
        #expect(Self.viable(scenario) == [4, 7, 8, 10, 11, 12])
        #expect(Self.members(all[11], scenario) == ["us", "china", "india", "kenya"])
        let top = try #require(try Self.best(scenario, .capability).first)
        #expect(Self.number(top.package) == 12 && top.objective(.capability) == 1)
        #expect(top.objective(.totalGain) == 126)
        #expect(try Self.best(scenario, .novelty).map { Self.number($0.package) } == [4])
    }

    @Test func multipolarNationalist() throws {
        let scenario = try Self.future("multipolar-nationalist")
        #expect(scenario.actors.map(\.capability) == [4, 3, 4, 2])
        let all = Self.evaluations(scenario)
        #expect(all[6].gains == [15, -40, 22, -2.5])
        #expect(all[7].gains == [10, -40, 27, 42.5])
        #expect(Self.viable(scenario) == [7, 8])
        #expect(!all[11].coalition.contains(2), "India's red line on open accession")
        #expect(try Self.best(scenario, .capability).map { Self.number($0.package) } == [8])
        #expect(try Self.best(scenario, .minGain).map { Self.number($0.package) } == [7])
    }

    @Test func multipolarInternationalist() throws {
        let scenario = try Self.future("multipolar-internationalist")
        #expect(scenario.actors.map(\.capability) == [4, 3, 4, 3])
        #expect(scenario.rules.map(\.id) == ["emerging-voice"])
        let all = Self.evaluations(scenario)
        #expect(all[1].gains == [0, 5, 10, 36])
        #expect(all[7].gains == [40, -25, 36, 28])
        #expect(all[8].gains == [25, -15, 12.5, 20])
        #expect(all[11].gains == [40, -15, 38.5, 61])
        #expect(Self.viable(scenario) == [2, 4, 6, 7, 8, 9, 10, 11, 12])
        let top = try #require(try Self.best(scenario, .capability).first)
        #expect(Self.number(top.package) == 4 && abs(top.objective(.capability) - 11.0 / 14) < 1e-9)
        #expect(try Self.best(scenario, .totalGain).map { $0.objective(.totalGain) } == [139.5])
    }

    @Test func onlyTwoPackagesHoldInEveryFuture() throws {
        let today = try Self.today()
        var held = Set(Self.viable(today))
        for future in today.futures { held.formIntersection(Self.viable(today.applying(future))) }
        #expect(held == [7, 8])
    }

    @Test func robustSearchRanksTheTwoThatHoldByTheirWorstFuture() throws {
        let today = try Self.today()
        let futures = today.futures.map { FutureScenario(id: $0.id, scenario: today.applying($0)) }
        let search = RobustSearch(today: today, futures: futures)
        var request = SearchRequest()
        request.top = 10
        let byCapability = try search.run(request)
        #expect(byCapability.ids == ["today", "bipolar-nationalist", "bipolar-internationalist", "multipolar-nationalist", "multipolar-internationalist"])
        #expect(byCapability.packages.map { Self.number($0.package) } == [8, 7])
        let expected: [[Double]] = [[0.7, 0.6, 0.6, 10.0 / 13, 11.0 / 14], [0.6, 8.0 / 15, 8.0 / 15, 8.0 / 13, 8.0 / 14]]
        for (found, shares) in zip(byCapability.packages, expected) {
            #expect(zip(found.byFuture.map(\.value), shares).allSatisfy { abs($0 - $1) < 1e-9 })
            #expect(abs(found.worst - shares.min()!) < 1e-9)
        }
        request.objective = .minGain
        let byMinGain = try search.run(request)
        #expect(byMinGain.packages.map { Self.number($0.package) } == [7, 8])
        #expect(byMinGain.packages.map(\.worst) == [12, 9])
        #expect(byMinGain.packages[1].byFuture.map(\.value) == [21, 9, 21, 10, 28])
    }
}
