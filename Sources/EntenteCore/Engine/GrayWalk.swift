import CScanKernel

/// Visits every combination of options of a list of issues, one issue changing by one
/// option per step: Knuth's loopless reflected mixed-radix Gray code (TAOCP 7.2.1.1,
/// Algorithm H), run by the scanning kernel, which shows the worker only the packages
/// that pass the worker's filter.
///
/// The walk starts from the state's current package, where every walked issue must be at
/// option 0. Its scratch buffers are allocated once and reused for every walk; one walk
/// belongs to one worker thread.
final class GrayWalk: @unchecked Sendable {
    let issues: [Int]
    private let kernelWalk: UnsafeMutablePointer<EntenteWalk>
    private let scratch: UnsafeMutablePointer<Int>

    /// Packages visited between two progress reports and checks of the cancellation flag.
    static let flushInterval = 1 << 14

    init(issues: [Int], radices: [Int]) {
        self.issues = issues
        let k = issues.count
        scratch = .allocate(capacity: 5 * k + 1)
        scratch.initialize(from: issues, count: k)
        (scratch + k).initialize(from: radices, count: k)
        (scratch + 2 * k).initialize(repeating: 0, count: 3 * k + 1)
        kernelWalk = .allocate(capacity: 1)
        kernelWalk.initialize(to: EntenteWalk(
            issues: scratch, radices: scratch + k, count: k,
            digits: scratch + 2 * k, direction: scratch + 3 * k, focus: scratch + 4 * k, started: false))
    }

    deinit {
        scratch.deallocate()
        kernelWalk.deallocate()
    }

    /// Walks every combination, showing the packages that pass `worker.filter` to
    /// `worker`. Returns false when it stopped early because the search was cancelled or
    /// its budget ran out.
    func walk<Worker: ScanWorker>(
        _ state: ScanState, worker: inout Worker, progress: ProgressCounter, stop: StopCondition
    ) -> Bool {
        entente_walk_start(kernelWalk)
        let walk = state.kernel.walk
        let tables = state.tables.kernelTables
        var pending = 0
        while true {
            let status = walk(tables, state.kernelPackage, kernelWalk, worker.filter.raw, Self.flushInterval - pending, &pending)
            if status == EntenteWalkFound { worker.visit(state) }
            if status == EntenteWalkFinished { break }
            if pending >= Self.flushInterval {
                progress.add(UInt64(pending))
                pending = 0
                if stop.check() { return false }
            }
        }
        progress.add(UInt64(pending))
        return true
    }

    /// Steps every walked issue back to option 0, restoring the walk's starting package.
    func rewind(_ state: ScanState) {
        for issue in issues {
            while state.choices[issue] > 0 { state.step(issue: issue, to: state.choices[issue] - 1) }
        }
    }
}
