import HeapModule

/// The ranked search: every package of the requested space whose coalition passes the
/// request's conditions, best first by the chosen objective, ties by package order.
///
/// ```swift
/// var request = SearchRequest()
/// request.objective = .novelty
/// let result = try PackageSearch(scenario).run(request)
/// print(result.packages.first?.coalition.members ?? [])
/// ```
///
/// Branch and bound (`BranchWorker`) returns the same packages as the exhaustive scan;
/// `SearchStrategy.auto` picks whichever is faster for the objective and the space.
public struct PackageSearch: Sendable {
    public let scenario: Scenario

    public init(_ scenario: Scenario) { self.scenario = scenario }

    /// Runs the search on all cores (or `workers` threads). `progress` is called a few times
    /// a second from worker threads; `cancellation` stops the scan early, and the result
    /// says so. `kernel` changes the speed, never the result.
    public func run(
        _ request: SearchRequest,
        cancellation: CancellationFlag? = nil,
        progress: (@Sendable (SearchProgress) -> Void)? = nil,
        workers: Int? = nil,
        kernel: ScanKernel = .best
    ) throws(SearchRequestError) -> SearchResult {
        let resolved = try ResolvedRequest(request, scenario: scenario)
        let compiled = CompiledScenario(scenario, margin: request.margin)
        let tables = ScanTables(compiled, kernel: kernel)
        let space = compiled.spaceSize(of: resolved.free)
        let strategy = request.strategy.resolved(spaceSize: space, objective: request.objective)
        let counter = ProgressCounter(total: space, visitsResolve: strategy == .exhaustive, report: progress)
        let stop = StopCondition(cancellation: cancellation, budget: request.budget.started(), counter: counter)
        var scan = ParallelScan(tables: tables, base: resolved.base, free: resolved.free, stop: stop)
        if let workers {
            scan.workerCount = workers
        } else if request.strategy == .auto, strategy == .branchAndBound, space <= SearchStrategy.exhaustiveLimit {
            // Workers sharing a threshold visit a number of packages that depends on their
            // timing; one worker proves these spaces in hundredths of a second, and the same
            // request then reports the same count (output is deterministic).
            scan.workerCount = 1
        }
        let filter = CoalitionFilter(
            measures: CoalitionMeasures(tables: tables),
            include: resolved.include.words, exclude: resolved.exclude.words,
            minMembers: request.minMembers, applyRules: request.applyRules)
        let objective = request.objective
        let k = request.top
        let heaps: [Heap<RankedCandidate>]
        switch strategy {
        case .branchAndBound:
            let order = BoundTables.influenceOrder(compiled, free: resolved.free)
            let outer = scan.chunking(order.map { compiled.optionCounts[$0] }).outer
            let bounds = BoundTables(tables: tables, base: resolved.base, order: order, minimumLeafDepth: outer)
            let shared = SharedThreshold()
            @Sendable func worker(_ stop: StopCondition) -> BranchWorker {
                BranchWorker(
                    top: TopKWorker(conditions: filter, objective: objective, k: k, shared: shared),
                    bounds: bounds, tables: tables, shared: shared, stop: stop)
            }
            // A greedy dive first, so that even a search stopped at once has good packages.
            let diver = worker(StopCondition(
                cancellation: cancellation, budget: stop.budget, counter: ProgressCounter(total: 0, report: nil)))
            let diveState = ScanState(tables)
            var root = resolved.base
            for issue in order { root[issue] = 0 }
            diveState.reset(to: root)
            diver.dive(diveState)
            heaps = [diver.top.heap] + scan.forEachChunk(order: order, { worker(stop) }) { state, worker, depth in
                worker.explore(chunk: state, depth: depth)
                worker.flush()
            }.map(\.top.heap)
        case .exhaustive, .auto:
            heaps = scan.run { TopKWorker(conditions: filter, objective: objective, k: k) }.map(\.heap)
        }
        counter.finish()
        // The dive's packages are found again by the proof: keep each package once.
        var best: [RankedCandidate] = []
        for candidate in heaps.flatMap(\.unordered).sorted(by: >) where best.count < k && best.last?.choices != candidate.choices {
            best.append(candidate)
        }
        let evaluator = PackageEvaluator(tables: tables)
        let complete = !stop.stopped.isCancelled
        return SearchResult(
            packages: best.map { evaluator.evaluate(Package(choices: $0.choices)) },
            explored: counter.value,
            spaceSize: space,
            strategy: strategy,
            proven: complete,
            ruledOut: complete ? 1 : (space > 0 ? min(1, counter.resolved / space) : 1),
            cancelled: cancellation?.isCancelled == true,
            budgetExhausted: !complete && cancellation?.isCancelled != true)
    }
}

/// The outcome of a ranked search.
public struct SearchResult: Sendable, Equatable {
    /// The best packages, best first.
    public let packages: [PackageEvaluation]
    /// Packages visited.
    public let explored: UInt64
    /// Packages in the searched space.
    public let spaceSize: Double
    /// The strategy used (never `auto`).
    public let strategy: SearchStrategy
    /// True when the whole space was settled, so these are the best packages there are.
    public let proven: Bool
    /// Share of the space visited or ruled out (1 when proven).
    public let ruledOut: Double
    /// True when the caller cancelled the search.
    public let cancelled: Bool
    /// True when the search stopped because its budget ran out.
    public let budgetExhausted: Bool
}
