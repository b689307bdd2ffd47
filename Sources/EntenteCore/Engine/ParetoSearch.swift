/// The Pareto set for a group of actors: packages in which every one of them would be a
/// coalition member, such that no other such package gives each of them at least as much
/// utility and one of them more. Packages with identical utilities are all kept.
public struct ParetoSearch: Sendable {
    public let scenario: Scenario

    public init(_ scenario: Scenario) { self.scenario = scenario }

    /// Finds the Pareto set for `actors` over the space `request` describes (its table,
    /// fixed options and margin; its objective and coalition conditions do not apply).
    ///
    /// The set is built block of issues by block (`ParetoFront`); a scan of the whole
    /// space then counts the candidates. Cancelled while the set is being built, the result
    /// lists nothing; cancelled during the count, it lists the whole set and counts the
    /// candidates among the packages explored.
    public func run(
        actors: [String], request: SearchRequest = SearchRequest(),
        cancellation: CancellationFlag? = nil,
        progress: (@Sendable (SearchProgress) -> Void)? = nil
    ) throws(SearchRequestError) -> ParetoResult {
        guard !actors.isEmpty else { throw SearchRequestError("name at least one actor") }
        let resolved = try ResolvedRequest(request, scenario: scenario)
        let group = try ResolvedRequest.actors(actors, in: scenario).members
        let compiled = CompiledScenario(scenario, margin: request.margin)
        let tables = ScanTables(compiled)
        let counter = ProgressCounter(total: compiled.spaceSize(of: resolved.free), report: progress)
        let stop = StopCondition(cancellation: cancellation, budget: SearchBudget().started(), counter: counter)
        let blocks = ParetoFront.blocks(of: resolved.free, linkedFor: group, in: scenario)
        let front = ParetoFront(tables: tables, group: group, base: resolved.base, blocks: blocks).undominated(stop: stop)
        var candidates = 0
        if front != nil {
            let actorCount = scenario.actors.count
            let issueCount = scenario.issues.count
            let scan = ParallelScan(tables: tables, base: resolved.base, free: resolved.free, stop: stop)
            candidates = scan.run { GroupCount(group: group, actorCount: actorCount, issueCount: issueCount) }
                .reduce(0) { $0 + $1.count }
        }
        counter.finish()
        return ParetoResult(
            actors: group,
            packages: front?.packages ?? [],
            gainUnits: front?.gains ?? [],
            baseline: group.map { compiled.baseline[$0] },
            complete: front != nil,
            candidates: candidates,
            explored: counter.value,
            cancelled: cancellation?.isCancelled == true)
    }
}

/// The outcome of a Pareto search: the packages and the group's gains in them, without a
/// full evaluation of each (a set can hold tens of thousands of packages).
public struct ParetoResult: Sendable {
    /// The actors the set is for, as indices in scenario order.
    public let actors: [Int]
    /// The Pareto-optimal packages in package order.
    public let packages: [Package]
    /// The group's gains in fixed point: `actors.count` per package, in the order of `actors`.
    let gainUnits: [Int32]
    /// The group's utilities at the status quo, in the order of `actors`.
    let baseline: [Double]
    /// False when the search was cancelled before the set was complete (it then lists nothing).
    public let complete: Bool
    /// Packages in which every actor of the group would be a member (among those explored).
    public let candidates: Int
    public let explored: UInt64
    public let cancelled: Bool

    /// The gain, in points, of the group's `member`-th actor (`actors[member]`) in package
    /// `index`: exactly the gain `PackageEvaluator` gives.
    public func gain(_ index: Int, member: Int) -> Double {
        FixedPoint.points(gainUnits[index * actors.count + member])
    }

    /// The utility (0...100) of the group's `member`-th actor in package `index`: exactly
    /// the utility `PackageEvaluator` gives.
    public func utility(_ index: Int, member: Int) -> Double {
        baseline[member] + gain(index, member: member)
    }
}

/// Counts the packages a walk shows it: those whose coalition holds the whole group.
struct GroupCount: ScanWorker, Sendable {
    let filter: WalkFilter
    private(set) var count = 0

    init(group: [Int], actorCount: Int, issueCount: Int) {
        filter = WalkFilter(group: ActorSet(capacity: actorCount, members: group).words, issueCount: issueCount)
    }

    mutating func visit(_ state: ScanState) { count += 1 }
}
