/// The ranked search: every package of the requested space whose coalition passes the
/// request's conditions, best first by the chosen objective, ties by package order.
///
/// ```swift
/// var request = SearchRequest()
/// request.objective = .novelty
/// let result = try PackageSearch(scenario).run(request)
/// print(result.packages.first?.coalition.members ?? [])
/// ```
public struct PackageSearch: Sendable {
    public let scenario: Scenario

    public init(_ scenario: Scenario) { self.scenario = scenario }

    /// Runs the search on all cores. `progress` is called a few times a second from worker
    /// threads; `cancellation` stops the scan early, and the result says so.
    public func run(
        _ request: SearchRequest,
        cancellation: CancellationFlag? = nil,
        progress: (@Sendable (SearchProgress) -> Void)? = nil,
        workers: Int? = nil
    ) throws(SearchRequestError) -> SearchResult {
        let resolved = try ResolvedRequest(request, scenario: scenario)
        var scan = ParallelScan(
            scenario: scenario, request: request, resolved: resolved,
            cancellation: cancellation, progress: progress)
        let tables = scan.tables
        let counter = scan.progress
        if let workers { scan.workerCount = workers }
        let filter = CoalitionFilter(
            measures: CoalitionMeasures(tables: tables),
            include: resolved.include.words, exclude: resolved.exclude.words,
            minMembers: request.minMembers, applyRules: request.applyRules)
        let objective = request.objective
        let k = request.top
        let workerResults = scan.run { TopKWorker(filter: filter, objective: objective, k: k) }
        counter.finish()
        let best = workerResults.flatMap(\.heap.unordered).sorted(by: >).prefix(k)
        let evaluator = PackageEvaluator(tables: tables)
        return SearchResult(
            packages: best.map { evaluator.evaluate(Package(choices: $0.choices)) },
            explored: counter.value,
            spaceSize: tables.compiled.spaceSize(of: resolved.free),
            cancelled: cancellation?.isCancelled == true)
    }
}

/// The outcome of a ranked search.
public struct SearchResult: Sendable {
    /// The best packages, best first.
    public let packages: [PackageEvaluation]
    /// Packages visited.
    public let explored: UInt64
    /// Packages in the searched space.
    public let spaceSize: Double
    /// True when the search was stopped before visiting the whole space.
    public let cancelled: Bool
}
