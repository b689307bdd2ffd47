import Foundation

/// Depth-first branch and bound over the issues in `BoundTables.order`, for spaces too
/// large to scan.
///
/// At each node every actor's best reachable gain bounds who could still join; a branch is
/// dropped when those possible members cannot meet the request's conditions or the rules,
/// or when the best objective they could reach cannot enter the top K. The last issues are
/// walked exhaustively in Gray order. With a budget it stops early and says how much of
/// the space it had ruled out.
///
/// Before the proof, one worker dives greedily from the root to a leaf (`dive`), so that a
/// good incumbent exists within milliseconds, whatever the size of the space.
final class BranchWorker: @unchecked Sendable {
    var top: TopKWorker
    /// The top K's conditions and objective, kept apart from `top`: reading them through the
    /// mutable `top` at every node copied the filter and retained its arrays each time.
    private let conditions: CoalitionFilter
    private let objective: Objective
    private let walk: GrayWalk
    let bounds: BoundTables
    let tables: ScanTables
    let shared: SharedThreshold
    let stop: StopCondition
    var progress: ProgressCounter { stop.counter }
    private var nodes = 0
    /// Packages visited or ruled out by this worker, not yet reported.
    private var pendingResolved = 0.0
    private let possible: UnsafeMutablePointer<UInt64>
    /// Words `depth * wordCount ..< (depth + 1) * wordCount`: actors red-lined by the issues
    /// that are not free and by the options fixed above `depth`.
    private let redLinedAbove: UnsafeMutablePointer<UInt64>
    private let wordCount: Int
    /// A node's slack with its links' share added (scenarios with links only).
    private let nodeSlack: UnsafeMutablePointer<Int32>

    init(top: TopKWorker, bounds: BoundTables, tables: ScanTables, shared: SharedThreshold,
         stop: StopCondition) {
        self.top = top
        conditions = top.conditions
        objective = top.objective
        self.bounds = bounds
        self.tables = tables
        self.shared = shared
        self.stop = stop
        let leaves = Array(bounds.order[bounds.leafDepth...])
        walk = GrayWalk(issues: leaves, radices: leaves.map { tables.compiled.optionCounts[$0] })
        wordCount = tables.wordCount
        possible = .allocate(capacity: wordCount)
        redLinedAbove = .allocate(capacity: (bounds.order.count + 1) * wordCount)
        nodeSlack = .allocate(capacity: tables.compiled.laneWidth)
    }

    deinit {
        possible.deallocate()
        redLinedAbove.deallocate()
        nodeSlack.deallocate()
    }

    /// Explores the subtree of a chunk: the package whose issues order[..<depth] are fixed
    /// and whose other free issues are at option 0.
    func explore(chunk state: ScanState, depth: Int) {
        for w in 0..<wordCount { redLinedAbove[w] = bounds.baseRedLined[w] }
        for d in 0..<depth { fix(depth: d, option: state.choices[bounds.depthIssue[d]]) }
        explore(state, depth: depth)
    }

    /// Follows one path from the root, at every depth the option whose subtree has the best
    /// bound (the first such option on ties), down to the last issue above the leaves, and
    /// explores that node's subtree: a few leaves, enough to fill the top K with good
    /// packages and publish a threshold. Leaves the state as it found it (every free issue
    /// at option 0). A diver has a stop condition of its own, so that its visits are not
    /// counted as the proof's.
    func dive(_ state: ScanState) {
        for w in 0..<wordCount { redLinedAbove[w] = bounds.baseRedLined[w] }
        let target = max(0, bounds.leafDepth - 1)
        var depth = 0
        while depth < target {
            let issue = bounds.depthIssue[depth]
            var best = -Double.infinity
            var choice = -1
            for option in 0..<bounds.depthOptions[depth] {
                if option > 0 { state.step(issue: issue, to: option) }
                fix(depth: depth, option: option)
                if let bound = bound(state, depth: depth + 1), bound > best {
                    best = bound
                    choice = option
                }
            }
            while state.choices[issue] > max(0, choice) { state.step(issue: issue, to: state.choices[issue] - 1) }
            if choice < 0 { break }
            fix(depth: depth, option: choice)
            depth += 1
        }
        if depth == target { explore(state, depth: depth) }
        for d in 0..<depth {
            let issue = bounds.depthIssue[d]
            while state.choices[issue] > 0 { state.step(issue: issue, to: state.choices[issue] - 1) }
        }
    }

    /// Records the red lines of option `option` of the issue fixed at `depth`.
    @inline(__always)
    private func fix(depth: Int, option: Int) {
        let above = redLinedAbove + depth * wordCount
        let below = above + wordCount
        let flat = bounds.depthOffset[depth] + option
        if tables.hasRedLine[flat] {
            for w in 0..<wordCount { below[w] = above[w] | tables.redLineRows[flat * wordCount + w] }
        } else {
            for w in 0..<wordCount { below[w] = above[w] }
        }
    }

    /// Explores the subtree below the node at `depth`, where issues order[depth...] are at
    /// option 0; leaves them there again.
    private func explore(_ state: ScanState, depth: Int) {
        nodes &+= 1
        if nodes & 255 == 0 ? stop.check() : stop.stopped.isCancelled { return }
        guard bound(state, depth: depth) != nil else {
            resolve(bounds.subtreeSize[depth])
            return
        }
        if depth >= bounds.leafDepth {
            if walk.walk(state, worker: &top, progress: progress, stop: stop) {
                resolve(bounds.subtreeSize[depth])
            }
            walk.rewind(state)
            return
        }
        let issue = bounds.depthIssue[depth]
        for option in 0..<bounds.depthOptions[depth] {
            if option > 0 { state.step(issue: issue, to: option) }
            fix(depth: depth, option: option)
            explore(state, depth: depth + 1)
            if stop.stopped.isCancelled { break }
        }
        while state.choices[issue] > 0 { state.step(issue: issue, to: state.choices[issue] - 1) }
    }

    /// Reports what this worker has resolved since its last report.
    func flush() {
        progress.resolve(pendingResolved)
        pendingResolved = 0
    }

    private func resolve(_ packages: Double) {
        pendingResolved += packages
        if pendingResolved >= 1_048_576 { flush() }
    }

    /// The best rank key a package of the subtree at `depth` could reach, or nil when no
    /// package there can enter the top K.
    private func bound(_ state: ScanState, depth: Int) -> Double? {
        let slack = slack(state, depth: depth)
        let possibleCount = possibleMembers(state, depth: depth, slack: slack)
        if possibleCount == 0 { return nil }
        if conditions.hasConditions {
            for w in 0..<wordCount where conditions.include[w] & ~possible[w] != 0 { return nil }
            if conditions.minMembers > possibleCount { return nil }
        }
        if conditions.applyRules && !conditions.measures.allRulesHold(possible) { return nil }
        let bound = objectiveBound(state, depth: depth, possibleCount: possibleCount, slack: slack)
        let threshold = top.threshold
        if bound < threshold || bound < shared.value { return nil }
        // A full heap's threshold is its worst score, so only a bound equal to it can tie.
        if bound == threshold, top.heap.count == top.k, let worst = top.heap.min, bound == worst.score, !state.precedes(worst.choices) {
            // Every package below comes after the worst kept one in package order (the
            // unfixed issues sit at option 0, the subtree's first package), so a tie loses.
            return nil
        }
        return bound
    }

    /// Per actor, the most its gain can still grow below the node at `depth`: the issues'
    /// slack, plus what its links can still add (`LinkBounds`).
    @inline(__always)
    private func slack(_ state: ScanState, depth: Int) -> UnsafePointer<Int32> {
        let issues = UnsafeRawPointer(bounds.slack(at: depth)).assumingMemoryBound(to: Int32.self)
        guard let links = bounds.links else { return issues }
        nodeSlack.update(from: issues, count: tables.compiled.laneWidth)
        links.addSlack(state, depth: depth, to: nodeSlack)
        return UnsafePointer(nodeSlack)
    }

    /// Fills `possible` with the actors whose best reachable gain exceeds their margin and
    /// whom no fixed issue red-lines; returns how many there are.
    @inline(__always)
    private func possibleMembers(_ state: ScanState, depth: Int, slack: UnsafePointer<Int32>) -> Int {
        _ = state.kernel.reachable(tables.kernelTables, state.gains, slack, redLinedAbove + depth * wordCount, possible)
        var count = 0
        for w in 0..<wordCount { count += possible[w].nonzeroBitCount }
        return count
    }

    /// The best rank key any package below could reach (see `CoalitionMeasures.rankKey`).
    private func objectiveBound(_ state: ScanState, depth: Int, possibleCount: Int, slack: UnsafePointer<Int32>) -> Double {
        let measures = conditions.measures
        func best(_ a: Int) -> Int32 { state.gains[a] &+ slack[a] }
        switch objective {
        case .capability:
            return Double(measures.capabilityUnits(possible))
        case .members:
            return Double(possibleCount)
        case .totalGain:
            var sum: Int64 = 0
            measures.forEachMember(possible) { sum += Int64(best($0)) }
            return FixedPoint.points(sum)
        case .minGain:
            var highest = Int32.min
            measures.forEachMember(possible) { highest = max(highest, best($0)) }
            return FixedPoint.points(highest)
        case .nash:
            var sum = 0.0
            measures.forEachMember(possible) { a in
                let gain = FixedPoint.points(best(a))
                if gain > 1 { sum += log(gain) }
            }
            return sum + 1e-9
        case .novelty:
            return 1
        case .openness:
            return FixedPoint.points(state.opennessUnits + bounds.opennessSlack[depth])
        }
    }
}
