import EntenteCore
import Testing

/// The robust search across futures equals brute force over today's scenario and each
/// future's, package by package, with the same ranking, worst objectives and ties.
@Suite struct RobustSearchTests {
    static let seeds: [UInt64] = Array(1...24)

    /// Futures built by hand from today's scenario: capabilities scaled, values moved, a red
    /// line and links added, rules added and removed; the issues stay today's.
    static func futures(of today: Scenario, seed: UInt64) -> [FutureScenario] {
        var random = SplitMix64(seed: seed &+ 1000)
        let count = Int.random(in: 1...3, using: &random)
        return (0..<count).map { f in
            var future = today
            for a in future.actors.indices {
                future.actors[a].capability *= Double.random(in: 0.2...2, using: &random)
            }
            let a = Int.random(in: 0..<future.actors.count, using: &random)
            let issue = future.issues[Int.random(in: 0..<future.issues.count, using: &random)]
            if case .values(var values)? = future.actors[a].interests[issue.id]?.valuation {
                for option in issue.options { values[option.id] = min(100, (values[option.id] ?? 0) + 30) }
                future.actors[a].interests[issue.id]?.valuation = .values(values)
            }
            let other = issue.options.indices.first { $0 != issue.statusQuoIndex }
            if let other, f == 1 { future.actors[a].interests[issue.id]?.redLines.append(issue.options[other].id) }
            let extra = ScenarioGenerator(actors: today.actors.count, issues: today.issues.count,
                                          options: today.issues[0].options.count, blocs: 1, seed: seed &+ UInt64(f), links: 2).generate()
            for b in future.actors.indices where extra.issues.map(\.id) == today.issues.map(\.id) {
                // Link options name the generator's option ids, which today's issues share when their counts agree.
                future.actors[b].links += extra.actors[b].links.filter { link in
                    link.when.allSatisfy { c in today.issues.first { $0.id == c.issue }.map { i in c.options.allSatisfy { i.optionIndex($0) != nil } } ?? false }
                }
            }
            switch f {
            case 0: future.rules.append(Rule(id: "two", kind: .minMembers(2)))
            case 1: future.rules.removeAll()
            default: future.rules.append(Rule(id: "first", kind: .includeAny([today.actors[0].id])))
            }
            return FutureScenario(id: "future-\(f + 1)", scenario: future)
        }
    }

    struct Expected: Equatable {
        let package: Package
        let worst: Double
        let byFuture: [Double]
    }

    static func bruteForce(_ scenarios: [Scenario], request: SearchRequest) -> [Expected] {
        let evaluators = scenarios.map { PackageEvaluator(CompiledScenario($0, margin: request.margin)) }
        var found: [Expected] = []
        for package in TestData.allPackages(scenarios[0]) {
            let evaluations = evaluators.map { $0.evaluate(package) }
            let holds = zip(scenarios, evaluations).allSatisfy { scenario, evaluation in
                (request.applyRules ? evaluation.viable : !evaluation.coalition.isEmpty)
                    && evaluation.coalition.count >= request.minMembers
                    && request.include.allSatisfy { evaluation.coalition.contains(scenario.actorIndex($0)!) }
            }
            guard holds else { continue }
            let values = evaluations.map { $0.objective(request.objective) }
            found.append(Expected(package: package, worst: values.min()!, byFuture: values))
        }
        found.sort { $0.worst != $1.worst ? $0.worst > $1.worst : $0.package < $1.package }
        return Array(found.prefix(request.top))
    }

    @Test(arguments: seeds)
    func robustSearchEqualsBruteForce(seed: UInt64) throws {
        let today = LinkEngineTests.scenario(seed)
        let futures = Self.futures(of: today, seed: seed)
        let search = RobustSearch(today: today, futures: futures)
        #expect(search.scenarios.map(\.id) == ["today"] + futures.map(\.id))
        for objective in Objective.allCases {
            var request = SearchRequest()
            request.objective = objective
            request.top = Int(seed % 6) + 1
            if seed % 4 == 0 { request.include = [today.actors[0].id] }
            if seed % 5 == 0 { request.applyRules = false }
            if seed % 7 == 0 { request.minMembers = 2 }
            let expected = Self.bruteForce([today] + futures.map(\.scenario), request: request)
            let result = try search.run(request)
            let got = result.packages.map { Expected(package: $0.package, worst: $0.worst, byFuture: $0.byFuture.map(\.value)) }
            #expect(got == expected, "objective \(objective.rawValue)")
            #expect(result.proven && Double(result.explored) == result.spaceSize)
            #expect(result.packages.allSatisfy { $0.evaluations.allSatisfy { !$0.coalition.isEmpty } })
            #expect(result.ids == ["today"] + futures.map(\.id))
        }
    }

    @Test(arguments: Array(UInt64(1)...8))
    func workersAndKernelsDoNotChangeTheAnswer(seed: UInt64) throws {
        let today = LinkEngineTests.scenario(seed, actors: 5...40, issues: 3...6)
        let search = RobustSearch(today: today, futures: Self.futures(of: today, seed: seed))
        var request = SearchRequest()
        request.objective = .nash
        request.top = 5
        let single = try search.run(request, workers: 1, kernel: .portable)
        let parallel = try search.run(request, workers: 2)
        #expect(single.packages.map(\.package) == parallel.packages.map(\.package))
        #expect(single.packages.map(\.worst) == parallel.packages.map(\.worst))
    }

    /// The worked example of docs/model.md, "Robust search across futures".
    @Test func robustSetComputedByHand() throws {
        let today = LinkEngineTests.handScenario
        var future = today
        future.actors[1].capability = 9
        future.rules = [Rule(id: "ninety", kind: .capabilityShare(atLeast: 0.9))]
        var request = SearchRequest()
        request.objective = .capability
        let result = try RobustSearch(today: today, futures: [FutureScenario(id: "us-rises", scenario: future)]).run(request)
        #expect(result.packages.map(\.package.choices) == [[1, 1], [1, 0]])
        #expect(result.packages.map(\.worst) == [1, 0.75])
        #expect(result.packages[0].byFuture.map(\.id) == ["today", "us-rises"])
        #expect(abs(result.packages[1].byFuture[1].value - 0.9) < 1e-9)
    }

    /// The same example as a format 2 file: the link and the future come from the loader,
    /// and `RobustSearch(_:)` applies the file's futures itself.
    @Test func robustSetOfALoadedFile() throws {
        let scenario = try ScenarioLoader.parse("""
            entente: 2
            title: Link by hand
            issues:
              - { id: alliance, name: Alliance, statusQuo: none, options: [none, join] }
              - { id: chips, name: Chips, statusQuo: national, options: [national, pool] }
            actors:
              - id: india
                name: India
                capability: 1
                interests:
                  alliance: { salience: 1, values: { none: 60, join: 40 } }
                  chips: { salience: 3, values: { national: 50, pool: 46 } }
                links:
                  - { when: { alliance: join, chips: pool }, points: 12 }
              - id: us
                name: United States
                capability: 3
                interests:
                  alliance: { salience: 1, values: { none: 20, join: 80 } }
            futures:
              - id: us-rises
                name: The United States rises
                capability: { us: 3 }
                rules: { add: [ { id: ninety, kind: capability-share, atLeast: 0.9 } ] }
            """, file: "hand.yaml")
        var request = SearchRequest()
        request.objective = .capability
        let result = try RobustSearch(scenario).run(request)
        #expect(result.ids == ["today", "us-rises"])
        #expect(result.packages.map(\.package.choices) == [[1, 1], [1, 0]])
        #expect(result.packages.map(\.worst) == [1, 0.75])
    }

    @Test func aFutureWithOtherIssuesIsAnError() {
        let today = LinkEngineTests.scenario(1)
        var other = today
        other.issues[0].options.removeLast()
        #expect(throws: SearchRequestError.self) {
            try RobustSearch(today: today, futures: [FutureScenario(id: "f", scenario: other)]).run(SearchRequest())
        }
    }

    @Test func aBudgetStopsTheSearchHonestly() throws {
        let today = ScenarioGenerator(actors: 20, issues: 12, options: 4, blocs: 3, seed: 5, links: 2).generate()
        var request = SearchRequest()
        request.budget = SearchBudget(packages: 50_000)
        let result = try RobustSearch(today: today, futures: Self.futures(of: today, seed: 5)).run(request)
        #expect(!result.proven && result.budgetExhausted && !result.cancelled)
        #expect(Double(result.explored) < result.spaceSize)
    }
}
