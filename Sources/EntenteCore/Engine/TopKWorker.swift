import HeapModule

/// A package found by a scan with its rank key (see `CoalitionMeasures.rankKey`), ordered worst first so that a min-heap of
/// these keeps the best K.
struct RankedCandidate: Comparable, Sendable {
    let score: Double
    let choices: [Int]

    /// `a < b` when a ranks below b: a lower score, or the same score and a later package.
    static func < (a: RankedCandidate, b: RankedCandidate) -> Bool {
        if a.score != b.score { return a.score < b.score }
        return b.choices.lexicographicallyPrecedes(a.choices)
    }
}

/// Keeps the best K packages one worker has seen; allocates only when a package enters.
struct TopKWorker: ScanWorker, Sendable {
    let conditions: CoalitionFilter
    let objective: Objective
    let k: Int
    /// Lets through packages that meet the conditions and, once the heap is full, could
    /// enter it; raised with the threshold.
    let filter: WalkFilter
    private(set) var heap = Heap<RankedCandidate>()
    /// The K-th best score so far; lower scores cannot enter.
    private(set) var threshold = -Double.infinity
    /// Where this worker publishes its threshold for the others (branch and bound).
    let shared: SharedThreshold?

    init(conditions: CoalitionFilter, objective: Objective, k: Int, shared: SharedThreshold? = nil) {
        self.conditions = conditions
        self.objective = objective
        self.k = k
        self.shared = shared
        filter = WalkFilter(
            include: conditions.include, exclude: conditions.exclude, minMembers: conditions.minMembers,
            score: WalkFilter.score(objective), issueCount: conditions.measures.tables.compiled.issueCount)
    }

    /// Sees a package that meets the conditions (the walk filter checked them) and, where
    /// the kernel scores the objective itself, could enter the heap.
    mutating func visit(_ state: ScanState) {
        if threshold > -.infinity,
           conditions.measures.quickBound(objective, coalition: state.coalition, gains: state.gains) < threshold { return }
        let score = conditions.measures.rankKey(
            objective, coalition: state.coalition, gains: state.gains, opennessUnits: state.opennessUnits)
        if score < threshold { return }
        if heap.count == k, let worst = heap.min, score == worst.score && !state.precedes(worst.choices) { return }
        guard conditions.rulesHold(state.coalition) else { return }
        heap.insert(RankedCandidate(score: score, choices: state.package))
        if heap.count > k { heap.removeMin() }
        if heap.count == k, let worst = heap.min {
            threshold = worst.score
            filter.raise(to: threshold, worst: worst.choices)
            shared?.raise(to: threshold)
        }
    }
}
