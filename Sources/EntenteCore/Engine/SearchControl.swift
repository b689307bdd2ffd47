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

/// How far a search has got: packages visited, and packages settled (visited, or ruled out
/// by branch and bound without a visit), out of the packages in its space.
public struct SearchProgress: Sendable, Equatable {
    public var explored: UInt64
    public var resolved: Double
    public var total: Double

    public init(explored: UInt64, resolved: Double, total: Double) {
        self.explored = explored
        self.resolved = resolved
        self.total = total
    }

    /// Share of the space settled, 0...1.
    public var fraction: Double { total > 0 ? min(1, resolved / total) : 1 }
}

/// Limits that make a search stop early with the best it has found, marked as not proven.
public struct SearchBudget: Sendable, Equatable {
    /// Wall-clock seconds from the start of the search.
    public var seconds: Double?
    /// Packages to visit at most.
    public var packages: UInt64?

    public init(seconds: Double? = nil, packages: UInt64? = nil) {
        self.seconds = seconds
        self.packages = packages
    }

    /// The budget with its clock started now.
    func started() -> StartedBudget {
        StartedBudget(
            deadline: seconds.map { DispatchTime.now().uptimeNanoseconds + UInt64(max(0, $0) * 1e9) },
            packages: packages)
    }
}

/// A budget whose clock is running.
struct StartedBudget: Sendable {
    let deadline: UInt64?
    let packages: UInt64?

    func isExhausted(explored: UInt64) -> Bool {
        if let packages, explored >= packages { return true }
        if let deadline, DispatchTime.now().uptimeNanoseconds >= deadline { return true }
        return false
    }
}

/// Counts visited packages across workers and passes progress to the caller's callback at
/// most every `interval` nanoseconds.
final class ProgressCounter: Sendable {
    private let explored = Atomic<UInt64>(0)
    private let resolvedPackages = Mutex<Double>(0)
    /// True for exhaustive scans, where every visited package is settled as it is visited.
    private let visitsResolve: Bool
    private let lastReport = Atomic<UInt64>(0)
    private let total: Double
    private let interval: UInt64
    private let report: (@Sendable (SearchProgress) -> Void)?

    init(total: Double, visitsResolve: Bool = true, interval: UInt64 = 200_000_000,
         report: (@Sendable (SearchProgress) -> Void)?) {
        self.total = total
        self.visitsResolve = visitsResolve
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
            report(snapshot(explored: now))
        }
    }

    /// Counts packages settled without being visited one by one.
    func resolve(_ packages: Double) { resolvedPackages.withLock { $0 += packages } }

    var value: UInt64 { explored.load(ordering: .relaxed) }

    /// Packages settled so far.
    var resolved: Double { visitsResolve ? Double(value) : resolvedPackages.withLock { $0 } }

    private func snapshot(explored: UInt64) -> SearchProgress {
        SearchProgress(explored: explored, resolved: visitsResolve ? Double(explored) : resolved, total: total)
    }

    func finish() { report?(snapshot(explored: value)) }
}
