import CScanKernel
import HeapModule

/// One scenario of a robust search: today's, or a future's already applied
/// (`Scenario.applying(_:)`), with the id the results name it by.
public struct FutureScenario: Sendable {
    /// `Future.todayID` for today's scenario, the future's id otherwise.
    public let id: String
    public let scenario: Scenario

    public init(id: String, scenario: Scenario) {
        self.id = id
        self.scenario = scenario
    }
}

/// The search for deals that hold whatever future comes: the packages whose coalition is
/// viable (not empty, every rule holding) today and in every future, ranked by their worst
/// objective over today and the futures, ties by package order (docs/model.md, "Robust
/// search across futures").
///
/// Every scenario is evaluated in the same pass: the scenarios' actors sit side by side as
/// lanes of one scan (`CompiledScenario(stacking:firstLanes:)`), so one step of the walk
/// moves every scenario's gains at once, and each package's coalition in each scenario is
/// read from its own lanes and measured with that scenario's capabilities, groupings and
/// rules.
///
/// ```swift
/// let result = try RobustSearch(scenario).run(request)   // today and every future of the file
/// for found in result.packages { print(found.worst, found.byFuture) }
/// ```
public struct RobustSearch: Sendable {
    /// Today's scenario first (id `today`), then the futures in the order given.
    public let scenarios: [FutureScenario]

    /// `futures` must have today's issues and options (ids, order and status quo); their
    /// actors, values, capabilities, red lines, links and rules may differ.
    public init(today: Scenario, futures: [FutureScenario]) {
        scenarios = [FutureScenario(id: Future.todayID, scenario: today)] + futures
    }

    /// Today's scenario and each of its futures applied, in file order.
    public init(_ scenario: Scenario) {
        self.init(today: scenario, futures: scenario.futures.map { FutureScenario(id: $0.id, scenario: scenario.applying($0)) })
    }

    /// Scans every package of the space `request` describes (its table, fixed options and
    /// margin, applied in every scenario) on all cores (or `workers` threads) and returns the
    /// best `request.top` by worst objective. The request's include, exclude and minimum
    /// member conditions apply to the coalition in every scenario, as do the rules unless
    /// `applyRules` is off. Its strategy is ignored: the space is always scanned whole (its
    /// budget, or `cancellation`, may stop the scan; the result then says it is not proven).
    /// `progress` is called a few times a second from worker threads; `kernel` changes the
    /// speed, never the result.
    public func run(
        _ request: SearchRequest,
        cancellation: CancellationFlag? = nil,
        progress: (@Sendable (SearchProgress) -> Void)? = nil,
        workers: Int? = nil,
        kernel: ScanKernel = .best
    ) throws(SearchRequestError) -> RobustResult {
        let today = scenarios[0].scenario
        for future in scenarios.dropFirst() where !future.scenario.sameIssues(as: today) {
            throw SearchRequestError("future '\(future.id)' does not have today's issues and options")
        }
        var resolved: [ResolvedRequest] = []
        for named in scenarios { resolved.append(try ResolvedRequest(request, scenario: named.scenario)) }
        let compiled = scenarios.map { CompiledScenario($0.scenario, margin: request.margin) }
        var firstLanes: [Int] = []
        var lane = 0
        for part in compiled {
            firstLanes.append(lane)
            lane = (lane + part.actorCount + 7) / 8 * 8
        }
        let stacked = ScanTables(CompiledScenario(stacking: compiled, firstLanes: firstLanes), kernel: kernel)
        let parts = zip(zip(compiled, firstLanes), resolved).map { part, resolved in
            let tables = ScanTables(part.0, kernel: kernel)
            return RobustPart(
                conditions: CoalitionFilter(
                    measures: CoalitionMeasures(tables: tables), include: resolved.include.words,
                    exclude: resolved.exclude.words, minMembers: request.minMembers, applyRules: request.applyRules),
                firstLane: part.1)
        }
        let free = resolved[0].free
        let space = compiled[0].spaceSize(of: free)
        let counter = ProgressCounter(total: space, report: progress)
        let stop = StopCondition(cancellation: cancellation, budget: request.budget.started(), counter: counter)
        var scan = ParallelScan(tables: stacked, base: resolved[0].base, free: free, stop: stop)
        if let workers { scan.workerCount = workers }
        let objective = request.objective
        let k = request.top
        let found = scan.run { RobustWorker(parts: parts, objective: objective, k: k, tables: stacked) }
        counter.finish()
        let best = found.flatMap(\.heap.unordered).sorted(by: >).prefix(k)
        let evaluators = parts.map { PackageEvaluator(tables: $0.conditions.measures.tables) }
        let ids = scenarios.map(\.id)
        let complete = !stop.stopped.isCancelled
        return RobustResult(
            ids: ids,
            packages: best.map { candidate in
                let package = Package(choices: candidate.choices)
                let evaluations = evaluators.map { $0.evaluate(package) }
                return RobustPackage(
                    package: package, worst: candidate.score,
                    byFuture: zip(ids, evaluations).map { FutureObjective(id: $0, value: $1.objective(objective)) },
                    evaluations: evaluations)
            },
            explored: counter.value, spaceSize: space, proven: complete,
            cancelled: cancellation?.isCancelled == true,
            budgetExhausted: !complete && cancellation?.isCancelled != true)
    }
}

/// The outcome of a robust search.
public struct RobustResult: Sendable, Equatable {
    /// `today`, then each future's id: the order of every package's `byFuture`.
    public let ids: [String]
    /// The best packages by worst objective, best first, ties in package order.
    public let packages: [RobustPackage]
    public let explored: UInt64
    public let spaceSize: Double
    /// True when the whole space was scanned, so these are the best packages there are.
    public let proven: Bool
    public let cancelled: Bool
    public let budgetExhausted: Bool
}

/// A package viable today and in every future.
public struct RobustPackage: Sendable, Equatable {
    public let package: Package
    /// The lowest objective over today and the futures: what the package is ranked by.
    public let worst: Double
    /// The objective in each scenario, in the order of `RobustResult.ids`.
    public let byFuture: [FutureObjective]
    /// The package evaluated in each scenario, same order.
    public let evaluations: [PackageEvaluation]
}

/// A package's objective in one scenario of a robust search.
public struct FutureObjective: Sendable, Equatable {
    /// `today` or the future's id.
    public let id: String
    public let value: Double
}

/// One scenario's place in the stacked scan: its first lane, and its conditions measured
/// with its own tables.
struct RobustPart: Sendable {
    let conditions: CoalitionFilter
    let firstLane: Int
}

/// Keeps one worker's best packages by worst objective over the scenarios of a robust search.
struct RobustWorker: ScanWorker, Sendable {
    let parts: [RobustPart]
    let objective: Objective
    let k: Int
    /// Every package with a member in some scenario; the worker checks each scenario itself.
    let filter: WalkFilter
    private let scratch: CoalitionScratch
    private let stackedWords: Int
    private(set) var heap = Heap<RankedCandidate>()
    private var threshold = -Double.infinity

    init(parts: [RobustPart], objective: Objective, k: Int, tables: ScanTables) {
        self.parts = parts
        self.objective = objective
        self.k = k
        stackedWords = tables.wordCount
        let none = [UInt64](repeating: 0, count: tables.wordCount)
        filter = WalkFilter(include: none, exclude: none, minMembers: 0, score: EntenteScoreNone,
                            issueCount: tables.compiled.issueCount)
        scratch = CoalitionScratch(words: parts.map { $0.conditions.measures.tables.wordCount }.max() ?? 1)
    }

    mutating func visit(_ state: ScanState) {
        var worst = Double.infinity
        let coalition = scratch.words
        for part in parts {
            let measures = part.conditions.measures
            let words = measures.tables.wordCount
            if !extract(state.coalition, part: part, words: words, into: coalition) { return }
            if part.conditions.hasConditions {
                var members = 0
                for w in 0..<words {
                    if part.conditions.include[w] & ~coalition[w] != 0 || part.conditions.exclude[w] & coalition[w] != 0 { return }
                    members += coalition[w].nonzeroBitCount
                }
                if members < part.conditions.minMembers { return }
            }
            guard part.conditions.rulesHold(coalition) else { return }
            worst = min(worst, measures.score(
                objective, coalition: coalition, gains: state.gains + part.firstLane, opennessUnits: state.opennessUnits))
            if worst < threshold { return }
        }
        if heap.count == k, let lowest = heap.min, worst == lowest.score && !state.precedes(lowest.choices) { return }
        heap.insert(RankedCandidate(score: worst, choices: state.package))
        if heap.count > k { heap.removeMin() }
        if heap.count == k, let lowest = heap.min { threshold = lowest.score }
    }

    /// Copies the part's members out of the stacked coalition, re-based at actor 0; returns
    /// false when there are none.
    private func extract(_ stacked: UnsafeMutablePointer<UInt64>, part: RobustPart, words: Int,
                         into coalition: UnsafeMutablePointer<UInt64>) -> Bool {
        let actors = part.conditions.measures.tables.actorCount
        var any: UInt64 = 0
        for w in 0..<words {
            let bit = part.firstLane + w * 64
            let word = bit >> 6
            let shift = UInt64(bit & 63)
            var value = stacked[word] >> shift
            if shift > 0 && word + 1 < stackedWords { value |= stacked[word + 1] << (64 - shift) }
            let remaining = actors - w * 64
            if remaining < 64 { value &= (1 << UInt64(remaining)) - 1 }
            coalition[w] = value
            any |= value
        }
        return any != 0
    }
}

/// A worker's buffer for one scenario's coalition, allocated once.
final class CoalitionScratch: @unchecked Sendable {
    let words: UnsafeMutablePointer<UInt64>

    init(words count: Int) {
        words = .allocate(capacity: max(1, count))
        words.initialize(repeating: 0, count: max(1, count))
    }

    deinit { words.deallocate() }
}
