import Foundation
import Dispatch
import Synchronization

/// What a scan does with each package it visits; one instance per worker thread.
protocol ScanWorker {
    mutating func visit(_ state: ScanState)
}

/// Visits every package of a space (the free issues over all their options, the other
/// issues held at `base`) on all cores, in mixed-radix Gray order so that consecutive
/// packages differ in one issue.
///
/// The space is cut into chunks by the options of its first free issues; workers take
/// chunks from a shared counter until none is left or the search is cancelled.
struct ParallelScan {
    let tables: ScanTables
    let base: [Int]
    let free: [Int]
    let cancellation: CancellationFlag?
    let progress: ProgressCounter
    var workerCount = ProcessInfoCores.active

    /// Packages visited between two checks of the cancellation flag.
    static let flushInterval = 1 << 14
    /// The number of chunks aimed for; more chunks balance load better.
    static let targetChunks = 512

    /// Runs the scan and returns the workers after they have seen every package (or after
    /// cancellation), in worker order.
    func run<Worker: ScanWorker>(_ makeWorker: @Sendable () -> Worker) -> [Worker] where Worker: Sendable {
        let radices = free.map { tables.compiled.optionCounts[$0] }
        let (outer, chunks) = chunking(radices)
        let finished = Mutex<[(Int, Worker)]>([])
        let nextChunk = Atomic<Int>(0)
        let workers = max(1, min(workerCount, chunks))
        DispatchQueue.concurrentPerform(iterations: workers) { index in
            var worker = makeWorker()
            let state = ScanState(tables)
            var package = base
            let inner = Array(free[outer...])
            let innerRadices = Array(radices[outer...])
            while cancellation?.isCancelled != true {
                let chunk = nextChunk.add(1, ordering: .relaxed).oldValue
                if chunk >= chunks { break }
                var rest = chunk
                for position in stride(from: outer - 1, through: 0, by: -1) {
                    package[free[position]] = rest % radices[position]
                    rest /= radices[position]
                }
                for issue in inner { package[issue] = 0 }
                state.reset(to: package)
                scanGray(state, issues: inner, radices: innerRadices, worker: &worker)
            }
            finished.withLock { $0.append((index, worker)) }
        }
        return finished.withLock { $0.sorted { $0.0 < $1.0 }.map(\.1) }
    }

    /// How many leading free issues cut the space into chunks, and how many chunks that makes.
    private func chunking(_ radices: [Int]) -> (outer: Int, chunks: Int) {
        var outer = 0
        var chunks = 1
        while outer < radices.count && chunks < Self.targetChunks {
            chunks *= radices[outer]
            outer += 1
        }
        return (outer, chunks)
    }

    /// Knuth's loopless reflected mixed-radix Gray code (TAOCP 7.2.1.1, Algorithm H),
    /// starting from every issue at option 0.
    private func scanGray<Worker: ScanWorker>(
        _ state: ScanState, issues: [Int], radices: [Int], worker: inout Worker
    ) {
        let k = issues.count
        var digits = [Int](repeating: 0, count: k)
        var direction = [Int](repeating: 1, count: k)
        var focus = Array(0...k)
        var pending = 0
        worker.visit(state)
        pending += 1
        while true {
            let j = focus[0]
            focus[0] = 0
            if j == k { break }
            digits[j] += direction[j]
            state.step(issue: issues[j], to: digits[j])
            worker.visit(state)
            if digits[j] == 0 || digits[j] == radices[j] - 1 {
                direction[j] = -direction[j]
                focus[j] = focus[j + 1]
                focus[j + 1] = j + 1
            }
            pending += 1
            if pending == Self.flushInterval {
                progress.add(UInt64(pending))
                pending = 0
                if cancellation?.isCancelled == true { return }
            }
        }
        progress.add(UInt64(pending))
    }
}

extension ParallelScan {
    /// The scan of the space a resolved request describes, over the scenario compiled with
    /// the request's margin.
    init(
        scenario: Scenario, request: SearchRequest, resolved: ResolvedRequest,
        cancellation: CancellationFlag?, progress: (@Sendable (SearchProgress) -> Void)?
    ) {
        let compiled = CompiledScenario(scenario, margin: request.margin)
        self.init(
            tables: ScanTables(compiled), base: resolved.base, free: resolved.free,
            cancellation: cancellation,
            progress: ProgressCounter(total: compiled.spaceSize(of: resolved.free), report: progress))
    }
}

/// The number of cores the scan spreads over.
enum ProcessInfoCores {
    static var active: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
