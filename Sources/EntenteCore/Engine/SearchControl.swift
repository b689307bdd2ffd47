import Dispatch
import Synchronization

/// Lets a caller stop a running search from another thread; the search returns what it has
/// found so far, marked as cancelled.
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func cancel() { flag.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// How far a search has got: packages visited out of the packages in its space.
public struct SearchProgress: Sendable, Equatable {
    public var explored: UInt64
    public var total: Double

    /// Share of the space visited, 0...1.
    public var fraction: Double { total > 0 ? min(1, Double(explored) / total) : 1 }
}

/// Counts visited packages across workers and passes progress to the caller's callback at
/// most every `interval` nanoseconds.
final class ProgressCounter: Sendable {
    private let explored = Atomic<UInt64>(0)
    private let lastReport = Atomic<UInt64>(0)
    private let total: Double
    private let interval: UInt64
    private let report: (@Sendable (SearchProgress) -> Void)?

    init(total: Double, interval: UInt64 = 200_000_000, report: (@Sendable (SearchProgress) -> Void)?) {
        self.total = total
        self.interval = interval
        self.report = report
        lastReport.store(DispatchTime.now().uptimeNanoseconds, ordering: .relaxed)
    }

    func add(_ count: UInt64) {
        let now = explored.add(count, ordering: .relaxed).newValue
        guard let report else { return }
        let clock = DispatchTime.now().uptimeNanoseconds
        let last = lastReport.load(ordering: .relaxed)
        if clock &- last >= interval,
           lastReport.compareExchange(expected: last, desired: clock, ordering: .relaxed).exchanged {
            report(SearchProgress(explored: now, total: total))
        }
    }

    var value: UInt64 { explored.load(ordering: .relaxed) }

    func finish() { report?(SearchProgress(explored: value, total: total)) }
}
