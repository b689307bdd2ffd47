import EntenteCore
import Testing

/// A package today and in each future: the fixture worked by hand in its header, and
/// random scenarios with random futures checked against the definitions and brute force.
@Suite struct FutureOutlookTests {
    static let fixture = "Tests/Fixtures/futures/two-futures.yaml"

    func package(_ scenario: Scenario, _ options: [String: String]) throws -> Package { try scenario.package(options) }

    func best(_ scenario: Scenario) throws -> [String: String] {
        let top = try #require(try PackageSearch(scenario).run(SearchRequest()).packages.first)
        return Dictionary(uniqueKeysWithValues: top.package.options(in: scenario).map { ($0.issue, $0.option) })
    }

    @Test func theFixtureByHand() throws {
        let scenario = try TestData.load(Self.fixture)
        #expect(try best(scenario) == ["chips": "pool", "data": "local"])
        let outlook = FutureOutlook(scenario, package: try package(scenario, ["chips": "pool"]))
        #expect(outlook.rows.map(\.id) == ["today", "bloc", "thaw"])
        let (today, bloc, thaw) = (outlook.rows[0], outlook.rows[1], outlook.rows[2])
        #expect(today.evaluation.coalition.members == [0, 1, 2] && today.evaluation.viable)
        #expect(today.evaluation.gains == [20, 5, 20])
        #expect(bloc.evaluation.coalition.members == [0, 1] && bloc.evaluation.viable)
        #expect(bloc.evaluation.redLined.members == [2])
        #expect(bloc.left == [2] && bloc.joined.isEmpty && bloc.failedRules.isEmpty)
        #expect(abs(bloc.evaluation.objective(.capability) - 5.0 / 6) < 1e-12)
        #expect(thaw.evaluation.coalition.members == [0, 1, 2] && thaw.left.isEmpty && thaw.joined.isEmpty)
        #expect(thaw.evaluation.rules == [RuleCheck(id: "all-three", holds: true)])
        #expect(try best(bloc.scenario) == ["chips": "national", "data": "open"])
        #expect(try best(thaw.scenario) == ["chips": "national", "data": "open"])
    }

    @Test func whoJoinsAndWhichRulesFail() throws {
        let scenario = try TestData.load(Self.fixture)
        // (national, open): India loses 10 today and gains 10 in the thaw.
        let open = FutureOutlook(scenario, package: try package(scenario, ["data": "open"]))
        #expect(open.rows[0].evaluation.coalition.members == [0, 1])
        #expect(open.row("thaw")?.joined == [2])
        #expect(open.row("thaw")?.evaluation.gains == [10, 10, 10])
        // The status quo: nobody gains, so every rule fails everywhere.
        let none = FutureOutlook(scenario, package: scenario.statusQuo)
        #expect(none.rows.map(\.failedRules) == [["half"], ["half"], ["all-three"]])
        #expect(none.rows.allSatisfy { !$0.evaluation.viable })
    }

    // MARK: Random scenarios with random futures

    static let seeds: [UInt64] = Array(1...30)

    /// A seeded scenario with one to three futures that change everything a future can.
    static func scenarioWithFutures(_ seed: UInt64) -> Scenario {
        var scenario = EnginePropertyTests.scenario(seed)
        var random = SplitMix64(seed: seed &* 104_729)
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
        func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }
        let count = Int.random(in: 1...3, using: &random)
        scenario.futures = (0..<count).map { index in
            var future = Future(id: "f\(index + 1)", name: "Future \(index + 1)")
            for actor in scenario.actors {
                if chance(0.4) { future.capability[actor.id] = round(Double.random(in: 0...2, using: &random)) }
                if chance(0.3) { future.tilt[actor.id] = round(Double.random(in: -30...30, using: &random)) }
                for issue in scenario.issues {
                    guard let stance = actor.interests[issue.id] else { continue }
                    if chance(0.3) { future.salience[actor.id, default: [:]][issue.id] = round(Double.random(in: -1...1, using: &random)) }
                    if chance(0.3) {
                        let option = issue.options.randomElement(using: &random)!
                        future.values[actor.id, default: [:]][issue.id, default: [:]][option.id] = round(Double.random(in: -40...40, using: &random))
                    }
                    if let red = stance.redLines.first, chance(0.5) { future.redLinesRemoved[actor.id, default: [:]][issue.id] = [red] }
                    let changes = issue.options.filter { $0.id != issue.statusQuo }
                    if let option = changes.randomElement(using: &random), chance(0.15) {
                        future.redLinesAdded[actor.id, default: [:]][issue.id] = [option.id]
                    }
                }
            }
            for grouping in scenario.groupings where chance(0.5) { future.tilt[grouping.id] = round(Double.random(in: -30...30, using: &random)) }
            if chance(0.5) { future.rulesRemoved = scenario.rules.map(\.id) }
            if chance(0.5) { future.rulesAdded = [Rule(id: "broad", kind: .minMembers(Int.random(in: 1...3, using: &random)))] }
            return future
        }
        return scenario
    }

    /// v′(o) for one actor, issue and option, straight from the definition in docs/model.md.
    static func referenceValue(_ scenario: Scenario, _ future: Future, actor: Actor, issue: EntenteCore.Issue, option: IssueOption) -> Double {
        let stance = actor.interests[issue.id]!
        let tilt = (future.tilt[actor.id] ?? 0)
            + scenario.groupings.filter { $0.members.contains(actor.id) }.reduce(0) { $0 + (future.tilt[$1.id] ?? 0) }
        let tiltTerm = option.position.map { tilt * (50 - $0) / 50 } ?? 0
        let delta = future.values[actor.id]?[issue.id]?[option.id] ?? 0
        return min(100, max(0, stance.value(of: option) + tiltTerm + delta))
    }

    @Test(arguments: seeds)
    func randomFuturesRoundTripThroughTheFile(seed: UInt64) throws {
        let scenario = Self.scenarioWithFutures(seed)
        #expect(try ScenarioLoader.parse(ScenarioWriter.yaml(scenario), file: "random.yaml") == scenario)
    }

    @Test(arguments: seeds)
    func appliedFuturesFollowTheDefinitions(seed: UInt64) {
        let scenario = Self.scenarioWithFutures(seed)
        for future in scenario.futures {
            let applied = scenario.applying(future)
            for (actor, changed) in zip(scenario.actors, applied.actors) {
                #expect(changed.capability == actor.capability * (future.capability[actor.id] ?? 1))
                for issue in scenario.issues {
                    guard let stance = actor.interests[issue.id], let after = changed.interests[issue.id] else {
                        #expect(changed.interests[issue.id] == nil)
                        continue
                    }
                    #expect(after.salience == max(0, stance.salience + (future.salience[actor.id]?[issue.id] ?? 0)))
                    for option in issue.options {
                        #expect(abs(after.value(of: option) - Self.referenceValue(scenario, future, actor: actor, issue: issue, option: option)) < 1e-9)
                    }
                    let removed = future.redLinesRemoved[actor.id]?[issue.id] ?? []
                    let added = future.redLinesAdded[actor.id]?[issue.id] ?? []
                    #expect(Set(after.redLines) == Set(stance.redLines.filter { !removed.contains($0) } + added))
                }
            }
            #expect(applied.rules.map(\.id) == scenario.rules.map(\.id).filter { !future.rulesRemoved.contains($0) } + future.rulesAdded.map(\.id))
            #expect(applied.futures.isEmpty)
        }
    }

    @Test(arguments: seeds)
    func everyRowEqualsTheFutureSearchedDirectly(seed: UInt64) throws {
        let scenario = Self.scenarioWithFutures(seed)
        let packages = TestData.allPackages(scenario)
        let package = packages[Int(seed) % packages.count]
        let outlook = FutureOutlook(scenario, package: package)
        #expect(outlook.rows.map(\.id) == ["today"] + scenario.futures.map(\.id))
        let today = outlook.rows[0].evaluation
        for row in outlook.rows {
            let applied = try scenario.inFuture(row.id)
            #expect(row.scenario == applied)
            let evaluator = PackageEvaluator(CompiledScenario(applied))
            let direct = evaluator.evaluate(package)
            #expect(row.evaluation == direct)
            for (a, actor) in applied.actors.enumerated() {
                #expect(abs(direct.gains[a] - EnginePropertyTests.referenceGain(applied, actor: actor, package: package)) < 1e-5)
            }
            #expect(row.left == today.coalition.members.filter { !direct.coalition.contains($0) })
            #expect(row.joined == direct.coalition.members.filter { !today.coalition.contains($0) })
            #expect(row.failedRules == direct.rules.filter { !$0.holds }.map(\.id))
            for objective in [Objective.capability, .totalGain, .members] {
                var request = SearchRequest()
                request.objective = objective
                request.top = 3
                let searched = try PackageSearch(row.scenario).run(request).packages.map(\.package)
                #expect(searched == EnginePropertyTests.bruteForce(applied, evaluator, objective: objective, top: 3).map(\.package))
            }
        }
    }
}

/// The robust search across futures, as `entente futures --robust` runs it, against brute
/// force over the applied scenarios, on random scenarios with links and futures.
@Suite struct RobustFuturesTests {
    @Test(arguments: FutureOutlookTests.seeds)
    func robustSearchEqualsBruteForceOverTheAppliedFutures(seed: UInt64) throws {
        var scenario = FutureOutlookTests.scenarioWithFutures(seed)
        let linked = ScenarioGenerator(actors: scenario.actors.count, issues: scenario.issues.count, options: 3, blocs: 1, seed: seed, links: 2).generate()
        if scenario.issues.count >= 2 {
            // Links on every actor, and a future that adds one more: drawn on the same issues.
            for index in scenario.actors.indices {
                scenario.actors[index].links = linked.actors[index].links.compactMap { link in
                    let when = link.when.compactMap { condition -> LinkCondition? in
                        guard let issue = scenario.issueIndex(condition.issue) else { return nil }
                        let options = condition.options.filter { scenario.issues[issue].optionIndex($0) != nil }
                        return options.isEmpty ? nil : LinkCondition(issue: condition.issue, options: options)
                    }
                    return when.count >= 2 ? Link(when: when, points: link.points) : nil
                }
            }
            if let link = scenario.actors[0].links.first { scenario.futures[0].links[scenario.actors[1 % scenario.actors.count].id] = [link] }
        }
        let futures = scenario.futures.map { FutureScenario(id: $0.id, scenario: scenario.applying($0)) }
        let all = [FutureScenario(id: Future.todayID, scenario: scenario)] + futures
        let evaluators = all.map { PackageEvaluator(CompiledScenario($0.scenario)) }
        for objective in [Objective.capability, .totalGain, .minGain] {
            var request = SearchRequest()
            request.objective = objective
            request.top = 5
            let found = try RobustSearch(today: scenario, futures: futures).run(request)
            let expected = TestData.allPackages(scenario).compactMap { package -> (Package, Double, [Double])? in
                let evaluations = evaluators.map { $0.evaluate(package) }
                guard evaluations.allSatisfy(\.viable) else { return nil }
                let values = evaluations.map { $0.objective(objective) }
                return (package, values.min()!, values)
            }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(5)
            #expect(found.packages.map(\.package) == expected.map(\.0), "objective \(objective.rawValue)")
            for (robust, (_, worst, values)) in zip(found.packages, expected) {
                #expect(abs(robust.worst - worst) < 1e-9)
                #expect(robust.byFuture.map(\.id) == all.map(\.id))
                #expect(zip(robust.byFuture.map(\.value), values).allSatisfy { abs($0 - $1) < 1e-9 })
            }
        }
    }
}
