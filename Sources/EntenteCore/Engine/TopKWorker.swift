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
    let filter: CoalitionFilter
    let objective: Objective
    let k: Int
    private(set) var heap = Heap<RankedCandidate>()
    /// The K-th best score so far; lower scores cannot enter.
    private(set) var threshold = -Double.infinity
    /// Where this worker publishes its threshold for the others (branch and bound).
    let shared: SharedThreshold?

    init(filter: CoalitionFilter, objective: Objective, k: Int, shared: SharedThreshold? = nil) {
        self.filter = filter
        self.objective = objective
        self.k = k
        self.shared = shared
    }

    mutating func visit(_ state: ScanState) {
        guard state.updateCoalition(), filter.admits(state.coalition) else { return }
        if threshold > -.infinity,
           filter.measures.quickBound(objective, coalition: state.coalition, gains: state.gains) < threshold { return }
        let score = filter.measures.rankKey(
            objective, coalition: state.coalition, gains: state.gains, opennessUnits: state.opennessUnits)
        if score < threshold { return }
        if heap.count == k, let worst = heap.min, score == worst.score && !state.precedes(worst.choices) { return }
        guard filter.rulesHold(state.coalition) else { return }
        heap.insert(RankedCandidate(score: score, choices: state.package))
        if heap.count > k { heap.removeMin() }
        if heap.count == k {
            threshold = heap.min!.score
            shared?.raise(to: threshold)
        }
    }
}
