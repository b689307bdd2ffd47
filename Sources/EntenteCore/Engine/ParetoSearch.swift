/// The Pareto set for a group of actors: packages in which every one of them would be a
/// coalition member, such that no other such package gives each of them at least as much
/// utility and one of them more. Packages with identical utilities are all kept.
public struct ParetoSearch: Sendable {
    public let scenario: Scenario

    public init(_ scenario: Scenario) { self.scenario = scenario }

    /// Finds the Pareto set for `actors` over the space `request` describes (its table,
    /// fixed options and margin; its objective and coalition conditions do not apply).
    public func run(
        actors: [String], request: SearchRequest = SearchRequest(),
        cancellation: CancellationFlag? = nil,
        progress: (@Sendable (SearchProgress) -> Void)? = nil
    ) throws(SearchRequestError) -> ParetoResult {
        guard !actors.isEmpty else { throw SearchRequestError("name at least one actor") }
        let resolved = try ResolvedRequest(request, scenario: scenario)
        let group = try ResolvedRequest.actors(actors, in: scenario).members
        let compiled = CompiledScenario(scenario, margin: request.margin)
        let counter = ProgressCounter(total: compiled.spaceSize(of: resolved.free), report: progress)
        let stop = StopCondition(cancellation: cancellation, budget: SearchBudget().started(), counter: counter)
        let scan = ParallelScan(tables: ScanTables(compiled), base: resolved.base, free: resolved.free, stop: stop)
        let free = resolved.free
        let actorCount = scenario.actors.count
        let issueCount = scenario.issues.count
        // Each worker compacts its packages to their skyline as they double, so memory
        // follows the skyline, not the space; the skyline of them all is found on both cores.
        let workers = scan.run { ParetoCandidates(group: group, free: free, actorCount: actorCount, issueCount: issueCount) }
        counter.finish()

        var all = ParetoCandidates(group: group, free: free, actorCount: actorCount, issueCount: issueCount)
        for worker in workers { all.append(worker) }
        let front = Skyline.undominated(all.gains, dimensions: group.count)
            .map { all.package($0, base: resolved.base) }
            .sorted()
        let evaluator = PackageEvaluator(tables: scan.tables)
        return ParetoResult(
            actors: group,
            packages: front.map(evaluator.evaluate),
            candidates: all.qualifying,
            explored: counter.value,
            cancelled: cancellation?.isCancelled == true)
    }
}

/// The outcome of a Pareto search.
public struct ParetoResult: Sendable {
    /// The actors the set is for, as indices in scenario order.
    public let actors: [Int]
    /// The Pareto-optimal packages in package order.
    public let packages: [PackageEvaluation]
    /// Packages in which every actor of the group would be a member.
    public let candidates: Int
    public let explored: UInt64
    public let cancelled: Bool
}

/// Collects, without per-package allocation, the packages in which every actor of a group
/// would be a coalition member, with the group's gains.
///
/// Memory stays small because a candidate that one of a few strong packages seen so far
/// (the "elite": the highest gain sums) already dominates is dropped on sight (it can
/// never be Pareto-optimal), and because the candidates are reduced to their skyline
/// whenever they have doubled.
struct ParetoCandidates: ScanWorker, Sendable {
    let group: [Int]
    let free: [Int]
    /// Options of the free issues, `free.count` per candidate.
    private(set) var choices: [UInt8] = []
    /// Gains of the group, `group.count` per candidate.
    private(set) var gains: [Int32] = []
    /// Packages in which every actor of the group would be a member, dropped or kept.
    private(set) var qualifying = 0
    /// Packages whose coalition holds the whole group.
    let filter: WalkFilter
    private var elite: [Int32] = []
    private var eliteSums: [Int64] = []

    static let eliteSize = 8
    /// Candidates kept before the first compaction.
    static let compactionSize = 1 << 16
    private var compactAt = Self.compactionSize

    init(group: [Int], free: [Int], actorCount: Int, issueCount: Int) {
        self.group = group
        self.free = free
        filter = WalkFilter(group: ActorSet(capacity: actorCount, members: group).words, issueCount: issueCount)
    }

    var count: Int { group.isEmpty ? 0 : gains.count / group.count }

    mutating func visit(_ state: ScanState) {
        qualifying += 1
        let dimensions = group.count
        var sum: Int64 = 0
        for a in group { sum += Int64(state.gains[a]) }
        for e in 0..<eliteSums.count where eliteSums[e] > sum {
            var dominated = true
            for (d, a) in group.enumerated() where elite[e * dimensions + d] < state.gains[a] {
                dominated = false
                break
            }
            if dominated { return }
        }
        for issue in free { choices.append(UInt8(state.choices[issue])) }
        for a in group { gains.append(state.gains[a]) }
        admitToElite(state, sum: sum)
        if count >= compactAt { compact() }
    }

    /// Keeps the candidate among the elite if its gain sum is among the highest seen.
    private mutating func admitToElite(_ state: ScanState, sum: Int64) {
        let dimensions = group.count
        if eliteSums.count < Self.eliteSize {
            eliteSums.append(sum)
            for a in group { elite.append(state.gains[a]) }
            return
        }
        guard let weakest = eliteSums.indices.min(by: { eliteSums[$0] < eliteSums[$1] }),
              eliteSums[weakest] < sum else { return }
        eliteSums[weakest] = sum
        for (d, a) in group.enumerated() { elite[weakest * dimensions + d] = state.gains[a] }
    }

    /// Drops the candidates that others among them dominate: the skyline of the skyline
    /// and the packages still to come is the skyline of them all.
    mutating func compact() {
        let kept = Skyline.undominated(gains, dimensions: group.count)
        let width = free.count
        let dimensions = group.count
        choices = kept.flatMap { choices[$0 * width ..< ($0 + 1) * width] }
        gains = kept.flatMap { gains[$0 * dimensions ..< ($0 + 1) * dimensions] }
        compactAt = max(Self.compactionSize, 2 * count)
    }

    mutating func append(_ other: ParetoCandidates) {
        choices += other.choices
        gains += other.gains
        qualifying += other.qualifying
    }

    func package(_ candidate: Int, base: [Int]) -> Package {
        var result = base
        for (position, issue) in free.enumerated() {
            result[issue] = Int(choices[candidate * free.count + position])
        }
        return Package(choices: result)
    }
}
