import Dispatch
import Foundation

/// Depth-first branch and bound over the issues in `BoundTables.order`, for spaces too
/// large to scan.
///
/// At each node every actor's best reachable gain bounds who could still join; a branch is
/// dropped when those possible members cannot meet the request's conditions or the rules,
/// or when the best objective they could reach cannot enter the top K. The last issues are
/// walked exhaustively in Gray order. With a budget it stops early and says how much of
/// the space it had ruled out.
final class BranchWorker: @unchecked Sendable {
    var top: TopKWorker
    private var walk: GrayWalk
    let bounds: BoundTables
    let tables: ScanTables
    let shared: SharedThreshold
    let stop: StopCondition
    var progress: ProgressCounter { stop.counter }
    private var nodes = 0
    /// Packages visited or ruled out by this worker, not yet reported.
    private var pendingResolved = 0.0
    private let possible: UnsafeMutablePointer<UInt64>

    init(top: TopKWorker, bounds: BoundTables, tables: ScanTables, shared: SharedThreshold,
         stop: StopCondition) {
        self.top = top
        self.bounds = bounds
        self.tables = tables
        self.shared = shared
        self.stop = stop
        let leaves = Array(bounds.order[bounds.leafDepth...])
        walk = GrayWalk(issues: leaves, radices: leaves.map { tables.compiled.optionCounts[$0] })
        possible = .allocate(capacity: tables.wordCount)
    }

    deinit { possible.deallocate() }

    /// Explores the subtree below the node at `depth`, where issues order[depth...] are at
    /// option 0; leaves them there again.
    func explore(_ state: ScanState, depth: Int) {
        nodes &+= 1
        if nodes & 255 == 0 ? stop.check() : stop.stopped.isCancelled { return }
        guard promising(state, depth: depth) else {
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
        let issue = bounds.order[depth]
        let options = tables.compiled.optionCounts[issue]
        for option in 0..<options {
            if option > 0 { state.step(issue: issue, to: option) }
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

    /// Whether the subtree may hold a package that enters the top K.
    private func promising(_ state: ScanState, depth: Int) -> Bool {
        let possibleCount = possibleMembers(state, depth: depth)
        if possibleCount == 0 { return false }
        let filter = top.conditions
        let measures = filter.measures
        if filter.hasConditions {
            for w in 0..<filter.include.count where filter.include[w] & ~possible[w] != 0 { return false }
            if filter.minMembers > possibleCount { return false }
        }
        if filter.applyRules && !measures.allRulesHold(possible) { return false }
        let bound = objectiveBound(state, depth: depth, possibleCount: possibleCount)
        if bound < top.threshold || bound < shared.value { return false }
        if top.heap.count == top.k, let worst = top.heap.min, bound == worst.score, !state.precedes(worst.choices) {
            // Every package below comes after the worst kept one in package order (the
            // unfixed issues sit at option 0, the subtree's first package), so a tie loses.
            return false
        }
        return true
    }

    /// Fills `possible` with the actors whose best reachable gain exceeds their margin and
    /// whom no fixed issue red-lines; returns how many there are.
    private func possibleMembers(_ state: ScanState, depth: Int) -> Int {
        let slack = UnsafeRawPointer(bounds.slack(at: depth)).assumingMemoryBound(to: Int32.self)
        _ = bounds.baseRedLined.withUnsafeBufferPointer { base in
            state.kernel.reachable(tables.kernelTables, state.gains, slack, base.baseAddress!, possible)
        }
        var count = 0
        for d in 0..<depth {
            let issue = bounds.order[d]
            let flat = tables.compiled.optionOffset[issue] + state.choices[issue]
            if tables.hasRedLine[flat] {
                for w in 0..<tables.wordCount { possible[w] &= ~tables.redLineRows[flat * tables.wordCount + w] }
            }
        }
        for w in 0..<tables.wordCount { count += possible[w].nonzeroBitCount }
        return count
    }

    /// The best rank key any package below could reach (see `CoalitionMeasures.rankKey`).
    private func objectiveBound(_ state: ScanState, depth: Int, possibleCount: Int) -> Double {
        let measures = top.conditions.measures
        let slack = UnsafeMutableRawPointer(bounds.slack(at: depth)).assumingMemoryBound(to: Int32.self)
        func best(_ a: Int) -> Int32 { state.gains[a] &+ slack[a] }
        switch top.objective {
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
