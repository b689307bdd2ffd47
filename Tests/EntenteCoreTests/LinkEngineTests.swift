import EntenteCore
import Testing

/// Links in the engine: every utility, search, bound and Pareto set counts them, checked
/// against the formula read naively from docs/model.md and against brute force on seeded
/// random scenarios with links, plus a case computed by hand.
@Suite struct LinkEngineTests {
    static let seeds: [UInt64] = Array(1...30)

    static func scenario(_ seed: UInt64, actors: ClosedRange<Int> = 2...9, issues: ClosedRange<Int> = 2...5) -> Scenario {
        var random = SplitMix64(seed: seed &* 6_700_417)
        return ScenarioGenerator(
            actors: Int.random(in: actors, using: &random), issues: Int.random(in: issues, using: &random),
            options: Int.random(in: 2...4, using: &random), blocs: Int.random(in: 1...3, using: &random),
            seed: seed, poorStatusQuo: seed % 3 == 0, links: Int.random(in: 1...4, using: &random)).generate()
    }

    /// U_a(P) from the definition: Σ s·v(P) / Σ s plus the points of a's links that hold in P.
    static func referenceUtility(_ scenario: Scenario, actor: Actor, package: Package) -> Double {
        let total = actor.totalSalience
        var sum = 0.0
        for (index, issue) in scenario.issues.enumerated() {
            guard let interest = actor.interests[issue.id] else { continue }
            sum += interest.salience * interest.value(of: issue.options[package.choices[index]])
        }
        let links = actor.links.filter { $0.holds(in: package, of: scenario) }.reduce(0) { $0 + $1.points }
        return (total > 0 ? sum / total : 0) + links
    }

    @Test(arguments: seeds)
    func evaluationMatchesTheFormulaWithLinks(seed: UInt64) {
        let scenario = Self.scenario(seed)
        let evaluator = PackageEvaluator(CompiledScenario(scenario))
        let tolerance = Double(scenario.issues.count + 2) * 1e-6
        var linksThatMattered = 0
        for package in TestData.allPackages(scenario) {
            let evaluation = evaluator.evaluate(package)
            for (a, actor) in scenario.actors.enumerated() {
                let utility = Self.referenceUtility(scenario, actor: actor, package: package)
                let gain = utility - Self.referenceUtility(scenario, actor: actor, package: scenario.statusQuo)
                #expect(abs(evaluation.utilities[a] - utility) <= tolerance)
                #expect(abs(evaluation.gains[a] - gain) <= tolerance)
                if actor.links.contains(where: { $0.holds(in: package, of: scenario) }) { linksThatMattered += 1 }
                let margin = actor.interests.values.compactMap(\.minGain).max() ?? 0
                if evaluation.coalition.contains(a) {
                    // Members never lose, links or not.
                    #expect(gain > margin - tolerance && evaluation.gains[a] > 0)
                } else if !evaluation.redLined.contains(a) {
                    #expect(gain <= margin + tolerance)
                }
            }
        }
        #expect(linksThatMattered > 0, "the scenario's links never held: the test would not test them")
    }

    @Test(arguments: seeds)
    func exhaustiveAndBranchAndBoundEqualBruteForce(seed: UInt64) throws {
        let scenario = Self.scenario(seed)
        let evaluator = PackageEvaluator(CompiledScenario(scenario))
        var random = SplitMix64(seed: seed)
        for objective in Objective.allCases {
            var request = SearchRequest()
            request.objective = objective
            request.top = Int.random(in: 1...8, using: &random)
            if seed % 4 == 0 { request.minMembers = 2 }
            if seed % 5 == 0 { request.applyRules = false }
            let ranked = TestData.allPackages(scenario).map(evaluator.evaluate)
                .filter { (request.applyRules ? $0.viable : !$0.coalition.isEmpty) && $0.coalition.count >= request.minMembers }
                .sorted { $0.objective(objective) != $1.objective(objective) ? $0.objective(objective) > $1.objective(objective) : $0.package < $1.package }
            let best = Array(ranked.prefix(request.top)).map(\.package)
            request.strategy = .exhaustive
            let exhaustive = try PackageSearch(scenario).run(request)
            request.strategy = .branchAndBound
            let bounded = try PackageSearch(scenario).run(request)
            #expect(exhaustive.packages.map(\.package) == best, "objective \(objective.rawValue)")
            #expect(bounded.packages.map(\.package) == best, "objective \(objective.rawValue)")
            #expect(bounded.packages.map { $0.objective(objective) } == exhaustive.packages.map { $0.objective(objective) })
            #expect(bounded.proven && bounded.explored <= exhaustive.explored)
        }
    }

    /// Larger spaces, where branch and bound prunes: it must still return the exhaustive answer.
    @Test(arguments: Array(UInt64(1)...12))
    func branchAndBoundPrunesExactlyWithLinks(seed: UInt64) throws {
        let scenario = Self.scenario(seed, actors: 4...14, issues: 5...8)
        for objective in Objective.allCases {
            var request = SearchRequest()
            request.objective = objective
            request.top = Int(seed % 5) + 1
            if seed % 3 == 0 { request.include = [scenario.actors[0].id] }
            request.strategy = .exhaustive
            let exhaustive = try PackageSearch(scenario).run(request)
            request.strategy = .branchAndBound
            let bounded = try PackageSearch(scenario).run(request)
            #expect(bounded.packages == exhaustive.packages, "objective \(objective.rawValue)")
            #expect(bounded.proven)
        }
    }

    @Test(arguments: seeds)
    func paretoSetWithLinksMissesNothingAndKeepsNothingDominated(seed: UInt64) throws {
        let scenario = Self.scenario(seed)
        let group = Array(scenario.actors.prefix(3))
        let indices = group.map { scenario.actorIndex($0.id)! }
        let evaluator = PackageEvaluator(CompiledScenario(scenario))
        let candidates = TestData.allPackages(scenario).map(evaluator.evaluate).filter { evaluation in
            indices.allSatisfy(evaluation.coalition.contains)
        }
        func dominates(_ p: PackageEvaluation, _ q: PackageEvaluation) -> Bool {
            indices.allSatisfy { p.utilities[$0] >= q.utilities[$0] - 1e-9 }
                && indices.contains { p.utilities[$0] > q.utilities[$0] + 1e-9 }
        }
        let expected = candidates.filter { q in !candidates.contains { dominates($0, q) } }.map(\.package)
        let result = try ParetoSearch(scenario).run(actors: group.map(\.id))
        #expect(result.packages == expected)
        let found = result.packages.map(evaluator.evaluate)
        for p in found { #expect(!found.contains { dominates($0, p) }) }
    }

    /// Two actors, two issues, one link, worked by hand in docs/model.md ("Utility and gain").
    static var handScenario: Scenario {
        let alliance = Issue(id: "alliance", name: "Alliance", statusQuo: "none", options: [
            IssueOption(id: "none", name: "None"), IssueOption(id: "join", name: "Join")])
        let chips = Issue(id: "chips", name: "Chips", statusQuo: "national", options: [
            IssueOption(id: "national", name: "National"), IssueOption(id: "pool", name: "Pool")])
        let india = Actor(id: "india", name: "India", capability: 1, interests: [
            "alliance": Interest(salience: 1, valuation: .values(["none": 60, "join": 40])),
            "chips": Interest(salience: 3, valuation: .values(["national": 50, "pool": 46])),
        ], links: [Link(when: [LinkCondition(issue: "alliance", options: ["join"]), LinkCondition(issue: "chips", options: ["pool"])],
                        points: 12)])
        let us = Actor(id: "us", name: "United States", capability: 3, interests: [
            "alliance": Interest(salience: 1, valuation: .values(["none": 20, "join": 80])),
        ])
        return Scenario(title: "Link by hand", source: "", actors: [india, us], issues: [alliance, chips])
    }

    @Test func linkComputedByHand() throws {
        let scenario = Self.handScenario
        let evaluator = PackageEvaluator(CompiledScenario(scenario))
        // India: U = (1·v_alliance + 3·v_chips) / 4, plus 12 when it joins and pools.
        // SQ: (60 + 150) / 4 = 52.5. join+pool: (40 + 138) / 4 + 12 = 44.5 + 12 = 56.5.
        let both = evaluator.evaluate(Package(choices: [1, 1]))
        #expect(both.utilities == [56.5, 80])
        #expect(both.gains == [4, 60])
        #expect(both.coalition.members == [0, 1])
        // Join alone: (40 + 150) / 4 = 47.5, a loss of 5; pool alone: (60 + 138) / 4 = 49.5.
        #expect(evaluator.evaluate(Package(choices: [1, 0])).gains == [-5, 60])
        #expect(evaluator.evaluate(Package(choices: [0, 1])).gains == [-3, 0])
        // Without the link India never gains, so no package holds both actors.
        var request = SearchRequest()
        request.objective = .members
        request.top = 1
        let best = try PackageSearch(scenario).run(request).packages[0]
        #expect(best.package.choices == [1, 1] && best.objective(.members) == 2)
        request.strategy = .branchAndBound
        #expect(try PackageSearch(scenario).run(request).packages[0].package.choices == [1, 1])
    }

    @Test func analysesCountLinks() throws {
        let scenario = Self.handScenario
        let package = Package(choices: [1, 1])
        // Robustness: India's link gain (+12) is in every draw, so it stays in each one.
        let robustness = RobustnessAnalysis(scenario).analyse(package, draws: 200, spread: 0.01, delta: 1)
        let india = robustness.stayProbability.first { $0.actor == 0 }
        #expect(india?.value == 1)
        // Worst case at δ = 1: issues (1·(39 − 61) + 3·(45 − 51)) / 4 = −10, plus the link's 12.
        #expect(abs((robustness.worstCaseGain.first { $0.actor == 0 }?.value ?? 0) - 2) < 1e-9)
        // Holdouts: at the status quo India is out and joining with the pool brings it in.
        let holdouts = try HoldoutAnalysis(scenario).holdouts(of: Package(choices: [1, 0]))
        #expect(holdouts.first { $0.actor == 0 }?.sweeteners.first?.package.choices == [1, 1])
    }
}
