import Foundation
import Dispatch
import Synchronization

/// What a scan does with the packages it visits; one instance per worker thread.
protocol ScanWorker {
    /// The packages the walk shows to `visit`.
    var filter: WalkFilter { get }
    /// Sees a package that passed `filter`, with its coalition computed.
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
    let stop: StopCondition
    var progress: ProgressCounter { stop.counter }
    var workerCount = ProcessInfoCores.active

    /// The number of chunks aimed for; more chunks balance load better.
    static let targetChunks = 512

    /// Visits every package of the space once, each worker walking whole chunks in Gray
    /// order, and returns the workers in worker order.
    func run<Worker: ScanWorker>(_ makeWorker: @Sendable () -> Worker) -> [Worker] where Worker: Sendable {
        let radices = free.map { tables.compiled.optionCounts[$0] }
        let outer = chunking(radices).outer
        let inner = Array(free[outer...])
        let innerRadices = Array(radices[outer...])
        return forEachChunk(order: free) { () -> (Worker, GrayWalk) in
            (makeWorker(), GrayWalk(issues: inner, radices: innerRadices))
        } explore: { state, context, _ in
            _ = context.1.walk(state, worker: &context.0, progress: progress, stop: stop)
        }.map(\.0)
    }

    /// Cuts the space into chunks by the options of the first issues of `order` and lets
    /// the workers on every core take chunks from a shared counter. `explore` receives each
    /// chunk's package (its leading issues set, every other free issue at option 0) and the
    /// number of leading issues the chunk fixes.
    func forEachChunk<Context: Sendable>(
        order: [Int],
        _ makeContext: @Sendable () -> Context,
        explore: @Sendable (ScanState, inout Context, Int) -> Void
    ) -> [Context] {
        let radices = order.map { tables.compiled.optionCounts[$0] }
        let (outer, chunks) = chunking(radices)
        let finished = Mutex<[(Int, Context)]>([])
        let nextChunk = Atomic<Int>(0)
        let workers = max(1, min(workerCount, chunks))
        DispatchQueue.concurrentPerform(iterations: workers) { index in
            var context = makeContext()
            let state = ScanState(tables)
            var package = base
            while !stop.check() {
                let chunk = nextChunk.add(1, ordering: .relaxed).oldValue
                if chunk >= chunks { break }
                var rest = chunk
                for position in stride(from: outer - 1, through: 0, by: -1) {
                    package[order[position]] = rest % radices[position]
                    rest /= radices[position]
                }
                for issue in order[outer...] { package[issue] = 0 }
                state.reset(to: package)
                explore(state, &context, outer)
            }
            finished.withLock { $0.append((index, context)) }
        }
        return finished.withLock { $0.sorted { $0.0 < $1.0 }.map(\.1) }
    }

    /// How many leading issues cut the space into chunks, and how many chunks that makes.
    func chunking(_ radices: [Int]) -> (outer: Int, chunks: Int) {
        var outer = 0
        var chunks = 1
        while outer < radices.count && chunks < Self.targetChunks {
            chunks *= radices[outer]
            outer += 1
        }
        return (outer, chunks)
    }
}

/// The number of cores the scan spreads over.
enum ProcessInfoCores {
    static var active: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
