import Dispatch
import EntenteCore
import Foundation
import Synchronization
import Testing

/// Invariants of the engine over many seeded random scenarios, checked against brute force
/// and against an independent floating-point reading of the definitions in docs/model.md.
@Suite struct EnginePropertyTests {
    static let seeds: [UInt64] = Array(1...40)

    static func scenario(_ seed: UInt64, actors: Int? = nil) -> Scenario {
        var random = SplitMix64(seed: seed &* 7919)
        return ScenarioGenerator(
            actors: actors ?? Int.random(in: 2...9, using: &random),
            issues: Int.random(in: 1...5, using: &random),
            options: Int.random(in: 2...4, using: &random),
            blocs: Int.random(in: 1...3, using: &random),
            seed: seed).generate()
    }

    /// U_a(P) − U_a(SQ) straight from the definition: Σ s·(v(P) − v(SQ)) / Σ s.
    static func referenceGain(_ scenario: Scenario, actor: Actor, package: Package) -> Double {
        let total = actor.totalSalience
        guard total > 0 else { return 0 }
        var sum = 0.0
        for (index, issue) in scenario.issues.enumerated() {
            guard let interest = actor.interests[issue.id] else { continue }
            sum += interest.salience * (interest.value(of: issue.options[package.choices[index]])
                - interest.value(of: issue.options[issue.statusQuoIndex]))
        }
        return sum / total
    }

    /// The best viable packages by evaluating every package and sorting: the ranking's definition.
    static func bruteForce(_ scenario: Scenario, _ evaluator: PackageEvaluator, objective: Objective, top: Int) -> [PackageEvaluation] {
        let viable = TestData.allPackages(scenario).map(evaluator.evaluate).filter(\.viable)
        let sorted = viable.sorted { (lhs: PackageEvaluation, rhs: PackageEvaluation) -> Bool in
            let l = lhs.objective(objective)
            let r = rhs.objective(objective)
            return l != r ? l > r : lhs.package < rhs.package
        }
        return Array(sorted.prefix(top))
    }

    @Test(arguments: seeds)
    func evaluationMatchesTheDefinitions(seed: UInt64) {
        let scenario = Self.scenario(seed)
        let evaluator = PackageEvaluator(CompiledScenario(scenario))
        // Each issue's term is rounded once to 10⁻⁶ points (docs/model.md, "Arithmetic").
        let tolerance = Double(scenario.issues.count) * 0.5e-6 + 1e-9
        for package in TestData.allPackages(scenario) {
            let evaluation = evaluator.evaluate(package)
            for (a, actor) in scenario.actors.enumerated() {
                let gain = Self.referenceGain(scenario, actor: actor, package: package)
                #expect(abs(evaluation.gains[a] - gain) <= tolerance)
                let margin = actor.interests.values.compactMap(\.minGain).max() ?? 0
                let redLined = scenario.issues.enumerated().contains { index, issue in
                    actor.interests[issue.id]?.redLines.contains(issue.options[package.choices[index]].id) == true
                }
                if evaluation.coalition.contains(a) {
                    // A coalition member never loses and never sees its red lines crossed.
                    #expect(gain > margin - tolerance && gain > 0)
                    #expect(!redLined)
                } else {
                    #expect(redLined || gain <= margin + tolerance)
                }
            }
        }
    }

    @Test(arguments: seeds)
    func searchEqualsBruteForceRanking(seed: UInt64) throws {
        let scenario = Self.scenario(seed)
        let evaluator = PackageEvaluator(CompiledScenario(scenario))
        for objective in Objective.allCases {
            var request = SearchRequest()
            request.objective = objective
            request.top = 7
            request.strategy = .exhaustive
            let expected = Self.bruteForce(scenario, evaluator, objective: objective, top: 7)
            let result = try PackageSearch(scenario).run(request)
            #expect(result.packages.map(\.package) == expected.map(\.package), "objective \(objective.rawValue)")
            #expect(result.packages.allSatisfy { $0.viable && !$0.coalition.isEmpty })
            #expect(Double(result.explored) == result.spaceSize)
        }
    }

    /// `auto` searches these objectives by branch and bound; the same request must report
    /// the same packages and the same count of packages visited, run after run.
    @Test func autoBranchAndBoundReportsTheSameEveryRun() throws {
        let scenario = ScenarioGenerator(actors: 24, issues: 9, options: 4, blocs: 4, seed: 7).generate()
        for objective in [Objective.capability, .totalGain, .nash] {
            var request = SearchRequest()
            request.objective = objective
            request.top = 10
            let runs = try (0..<4).map { _ in try PackageSearch(scenario).run(request) }
            #expect(runs.allSatisfy { $0.strategy == .branchAndBound && $0.proven }, "\(objective.rawValue)")
            #expect(Set(runs.map(\.explored)).count == 1 && runs.allSatisfy { $0.packages == runs[0].packages }, "\(objective.rawValue): \(runs.map(\.explored))")
        }
    }

    @Test(arguments: seeds)
    func branchAndBoundEqualsExhaustive(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let scenario = ScenarioGenerator(
            actors: Int.random(in: 3...12, using: &random), issues: Int.random(in: 3...7, using: &random),
            options: Int.random(in: 2...4, using: &random), blocs: 3, seed: seed).generate()
        for objective in Objective.allCases {
            var request = SearchRequest()
            request.objective = objective
            request.top = Int.random(in: 1...8, using: &random)
            if seed % 3 == 0 { request.minMembers = 2 }
            if seed % 4 == 0 { request.include = [scenario.actors[0].id] }
            if seed % 5 == 0 { request.applyRules = false }
            request.strategy = .exhaustive
            let exhaustive = try PackageSearch(scenario).run(request)
            request.strategy = .branchAndBound
            let bounded = try PackageSearch(scenario).run(request)
            #expect(bounded.packages.map(\.package) == exhaustive.packages.map(\.package), "objective \(objective.rawValue)")
            #expect(bounded.proven && bounded.strategy == .branchAndBound)
            #expect(bounded.explored <= exhaustive.explored)
        }
    }

    @Test func budgetStopsBranchAndBoundHonestly() throws {
        let scenario = ScenarioGenerator(actors: 30, issues: 20, options: 4, blocs: 3, seed: 1).generate()
        var request = SearchRequest()
        request.objective = .novelty
        request.budget = SearchBudget(packages: 100_000)
        let result = try PackageSearch(scenario).run(request)
        #expect(result.strategy == .branchAndBound)
        #expect(!result.proven && result.budgetExhausted && !result.cancelled)
        #expect(result.ruledOut < 1)
        #expect(!result.packages.isEmpty)
    }

    @Test(arguments: seeds)
    func parallelScanEqualsSingleWorker(seed: UInt64) throws {
        let scenario = Self.scenario(seed)
        var request = SearchRequest()
        request.objective = .nash
        request.top = 5
        let parallel = try PackageSearch(scenario).run(request, workers: 2)
        let single = try PackageSearch(scenario).run(request, workers: 1)
        #expect(parallel.packages.map(\.package) == single.packages.map(\.package))
        #expect(parallel.packages.map { $0.objective(.nash) } == single.packages.map { $0.objective(.nash) })
    }

    @Test(arguments: seeds)
    func paretoSetEqualsBruteForceFilter(seed: UInt64) throws {
        try Self.checkPareto(Self.scenario(seed), group: 3)
    }

    /// Issues a group member's link names together are combined into one block, and an
    /// issue held at one option is left out of the blocks (its red lines still count).
    @Test(arguments: seeds.prefix(20))
    func paretoSetWithLinksAndAFixedIssue(seed: UInt64) throws {
        var scenario = Self.scenario(seed &+ 1000, actors: 4)
        let issues = scenario.issues
        if issues.count >= 2 {
            let link = Link(when: [LinkCondition(issue: issues[0].id, options: [issues[0].options[1].id]),
                                   LinkCondition(issue: issues[issues.count - 1].id, options: [issues[issues.count - 1].options[0].id])],
                            points: 5)
            scenario.actors[0].links.append(link)
        }
        try Self.checkPareto(scenario, group: 2)
        var request = SearchRequest()
        request.fixed = [issues[0].id: issues[0].options[issues[0].options.count - 1].id]
        try Self.checkPareto(scenario, group: 2, request: request)
    }

    /// The Pareto set of the first `group` actors against its definition: every package of
    /// the space evaluated, the candidates filtered, the dominated ones dropped.
    static func checkPareto(_ scenario: Scenario, group size: Int, request: SearchRequest = SearchRequest()) throws {
        let group = Array(scenario.actors.prefix(size))
        let indices = group.map { scenario.actorIndex($0.id)! }
        let evaluator = PackageEvaluator(CompiledScenario(scenario))
        let fixed = try scenario.package(request.fixed)
        let space = TestData.allPackages(scenario).filter { package in
            request.fixed.keys.allSatisfy { id in
                let issue = scenario.issueIndex(id)!
                return package.choices[issue] == fixed.choices[issue]
            }
        }
        let candidates = space.map(evaluator.evaluate).filter { evaluation in
            indices.allSatisfy(evaluation.coalition.contains)
        }
        func dominates(_ p: PackageEvaluation, _ q: PackageEvaluation) -> Bool {
            indices.allSatisfy { p.utilities[$0] >= q.utilities[$0] - 1e-9 }
                && indices.contains { p.utilities[$0] > q.utilities[$0] + 1e-9 }
        }
        let expected = candidates.filter { q in !candidates.contains { dominates($0, q) } }
        let result = try ParetoSearch(scenario).run(actors: group.map(\.id), request: request)
        #expect(result.packages == expected.map(\.package))
        #expect(result.candidates == candidates.count)
        #expect(result.explored == UInt64(space.count))
        #expect(result.complete && !result.cancelled)
        // The set's gains and utilities are the evaluator's, to the last bit.
        for (index, evaluation) in expected.enumerated() where index < result.packages.count {
            #expect(indices.indices.map { result.gain(index, member: $0) } == indices.map { evaluation.gains[$0] })
            #expect(indices.indices.map { result.utility(index, member: $0) } == indices.map { evaluation.utilities[$0] })
        }
    }

    @Test(arguments: [SearchStrategy.exhaustive, .branchAndBound])
    func twoHundredActors(strategy: SearchStrategy) throws {
        // 200 actors need four 64-bit words and 25 eight-lane vectors per coalition.
        let scenario = ScenarioGenerator(actors: 200, issues: 4, options: 3, blocs: 6, seed: 99).generate()
        let evaluator = PackageEvaluator(CompiledScenario(scenario))
        for objective in [Objective.members, .capability, .totalGain] {
            var request = SearchRequest()
            request.objective = objective
            request.top = 3
            request.strategy = strategy
            let expected = Self.bruteForce(scenario, evaluator, objective: objective, top: 3)
            let result = try PackageSearch(scenario).run(request)
            #expect(result.packages.map(\.package) == expected.map(\.package))
            for evaluation in result.packages {
                #expect(evaluation.coalition.members.allSatisfy { evaluation.gains[$0] > 0 })
                #expect(evaluation.coalition.members.contains { $0 >= 192 })
            }
        }
    }

    @Test func cancellationStopsARunningSearchPromptly() throws {
        // Novelty gives branch and bound nothing to prune: this search would run for hours.
        let scenario = ScenarioGenerator(actors: 30, issues: 20, options: 4, blocs: 3, seed: 1).generate()
        var novelty = SearchRequest()
        novelty.objective = .novelty
        let request = novelty
        let flag = CancellationFlag()
        let started = ProgressLog()
        let outcome = Mutex<SearchResult?>(nil)
        let done = DispatchSemaphore(value: 0)
        // A thread of its own: the search blocks, and Swift's cooperative pool may be busy.
        Thread.detachNewThread {
            let result = try? PackageSearch(scenario).run(request, cancellation: flag) { started.record($0) }
            outcome.withLock { $0 = result }
            done.signal()
        }
        while started.last == nil { Thread.sleep(forTimeInterval: 0.005) }
        let cancelledAt = DispatchTime.now()
        flag.cancel()
        // The target is 100 ms (measured by `entente bench`); a debug build on a busy CI
        // machine gets slack, but a search that ignored the flag would never return.
        #expect(done.wait(timeout: cancelledAt + .seconds(5)) == .success)
        let result = try #require(outcome.withLock { $0 })
        #expect(result.cancelled && !result.proven && !result.budgetExhausted)
    }

    @Test func progressIsReportedAtTheEnd() throws {
        let scenario = Self.scenario(3)
        let seen = ProgressLog()
        _ = try PackageSearch(scenario).run(SearchRequest()) { seen.record($0) }
        #expect(seen.last?.fraction == 1)
    }
}

/// Collects progress reports from worker threads.
final class ProgressLog: Sendable {
    private let reports = Mutex<[SearchProgress]>([])

    func record(_ progress: SearchProgress) { reports.withLock { $0.append(progress) } }

    var last: SearchProgress? { reports.withLock { $0.last } }
}
