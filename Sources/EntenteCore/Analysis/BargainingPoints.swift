import Foundation

/// Where a coalition might settle among the packages every one of its members gains from:
/// the Nash, Kalai–Smorodinsky, egalitarian and utilitarian bargaining points.
///
/// The set is the individually rational packages of the searched space: those in which
/// every member of the group gains more than its margin and meets none of its red lines.
/// Ties are all listed (up to `BargainingPoint.listed`), never hidden.
public struct BargainingAnalysis: Sendable {
    public let scenario: Scenario

    public init(_ scenario: Scenario) { self.scenario = scenario }

    /// The four bargaining points for `group` (actor indices) over the space `request`
    /// describes (its table, fixed options and margin); around a package, the issues off
    /// the table keep that package's options rather than the status quo. The request's
    /// budget, or the cancellation flag, may cut the scans short; the points are then the
    /// best among the packages scanned, and `complete` is false.
    public func points(for group: [Int], request: SearchRequest = SearchRequest(), around package: Package? = nil,
                       cancellation: CancellationFlag? = nil) throws(SearchRequestError) -> BargainingPoints {
        guard !group.isEmpty else { throw SearchRequestError("bargaining needs at least one actor") }
        let resolved = if let package { try ResolvedRequest(request, scenario: scenario, around: package) }
            else { try ResolvedRequest(request, scenario: scenario) }
        let compiled = CompiledScenario(scenario, margin: request.margin)
        let tables = ScanTables(compiled)
        let budget = request.budget.started()
        var complete = true
        func scan(_ solution: BargainingWorker.Solution) -> BargainingWorker {
            let counter = ProgressCounter(total: compiled.spaceSize(of: resolved.free), report: nil)
            let stop = StopCondition(cancellation: cancellation, budget: budget, counter: counter)
            let scan = ParallelScan(tables: tables, base: resolved.base, free: resolved.free, stop: stop)
            let workers = scan.run { BargainingWorker(group: group, actorCount: compiled.actorCount, issueCount: compiled.issueCount, solution: solution) }
            if stop.stopped.isCancelled { complete = false }
            return workers.dropFirst().reduce(into: workers[0]) { $0.merge($1) }
        }
        let first = scan(.nashEgalitarianUtilitarian)
        let ideals = first.count > 0 ? first.ideals.map(FixedPoint.points) : nil
        let second = first.count > 0 ? scan(.kalaiSmorodinsky(ideals: first.ideals)) : first
        func point(_ best: BestPackages) -> BargainingPoint? {
            guard best.count > 0 else { return nil }
            return BargainingPoint(value: best.value, packages: best.packages.map(Package.init), ties: best.count)
        }
        return BargainingPoints(
            group: group, complete: complete, individuallyRational: first.count, ideals: ideals,
            nash: point(first.nash), kalaiSmorodinsky: point(second.kalaiSmorodinsky),
            egalitarian: point(first.egalitarian), utilitarian: point(first.utilitarian))
    }
}

/// The bargaining points of a group; nil where no package is individually rational.
public struct BargainingPoints: Sendable {
    public let group: [Int]
    /// False when a budget or cancellation stopped the scans: the figures are then over the
    /// packages scanned, not the whole space.
    public let complete: Bool
    /// Packages in which every member of the group gains more than its margin.
    public let individuallyRational: Int
    /// Each member's best gain over those packages (Kalai–Smorodinsky's ideal point); nil
    /// when no package is individually rational.
    public let ideals: [Double]?
    /// Maximises Σ ln gain.
    public let nash: BargainingPoint?
    /// Maximises the smallest gain as a share of that member's ideal gain.
    public let kalaiSmorodinsky: BargainingPoint?
    /// Maximises the smallest gain.
    public let egalitarian: BargainingPoint?
    /// Maximises the sum of gains.
    public let utilitarian: BargainingPoint?
}

/// The best value of one bargaining solution and the packages that reach it.
public struct BargainingPoint: Sendable, Equatable {
    /// How many tied packages are listed at most.
    public static let listed = 10

    public let value: Double
    /// The tied packages in package order, at most `listed` of them.
    public let packages: [Package]
    /// How many packages reach the value.
    public let ties: Int
}

/// The best value seen and the packages (in package order, at most `BargainingPoint.listed`)
/// that reach it.
struct BestPackages: Sendable {
    private(set) var value = -Double.infinity
    private(set) var packages: [[Int]] = []
    private(set) var count = 0

    mutating func offer(_ candidate: Double, _ state: ScanState) {
        if candidate < value { return }
        if candidate > value {
            value = candidate
            packages = []
            count = 0
        }
        count += 1
        if packages.count < BargainingPoint.listed || state.precedes(packages[packages.count - 1]) {
            packages.append(state.package)
            packages.sort { $0.lexicographicallyPrecedes($1) }
            if packages.count > BargainingPoint.listed { packages.removeLast() }
        }
    }

    mutating func merge(_ other: BestPackages) {
        if other.value > value {
            self = other
        } else if other.value == value {
            count += other.count
            packages = Array((packages + other.packages).sorted { $0.lexicographicallyPrecedes($1) }.prefix(BargainingPoint.listed))
        }
    }
}

/// Scans the individually rational packages of a group for the bargaining solutions.
struct BargainingWorker: ScanWorker, Sendable {
    enum Solution: Sendable {
        case nashEgalitarianUtilitarian
        /// Needs each member's ideal gain, from a first scan.
        case kalaiSmorodinsky(ideals: [Int32])
    }

    let group: [Int]
    /// Packages whose coalition holds the whole group: the individually rational ones.
    let filter: WalkFilter
    let solution: Solution
    private(set) var count = 0
    private(set) var ideals: [Int32]
    private(set) var nash = BestPackages()
    private(set) var egalitarian = BestPackages()
    private(set) var utilitarian = BestPackages()
    private(set) var kalaiSmorodinsky = BestPackages()

    init(group: [Int], actorCount: Int, issueCount: Int, solution: Solution) {
        self.group = group
        filter = WalkFilter(group: ActorSet(capacity: actorCount, members: group).words, issueCount: issueCount)
        self.solution = solution
        ideals = Array(repeating: Int32.min, count: group.count)
    }

    mutating func visit(_ state: ScanState) {
        count += 1
        switch solution {
        case .nashEgalitarianUtilitarian:
            var logs = 0.0
            var lowest = Int32.max
            var total: Int64 = 0
            for (position, a) in group.enumerated() {
                let gain = state.gains[a]
                ideals[position] = max(ideals[position], gain)
                logs += log(FixedPoint.points(gain))
                lowest = min(lowest, gain)
                total += Int64(gain)
            }
            nash.offer(logs, state)
            egalitarian.offer(FixedPoint.points(lowest), state)
            utilitarian.offer(FixedPoint.points(total), state)
        case .kalaiSmorodinsky(let best):
            var lowest = Double.infinity
            for (position, a) in group.enumerated() {
                lowest = min(lowest, Double(state.gains[a]) / Double(best[position]))
            }
            kalaiSmorodinsky.offer(lowest, state)
        }
    }

    mutating func merge(_ other: BargainingWorker) {
        count += other.count
        ideals = zip(ideals, other.ideals).map { max($0, $1) }
        nash.merge(other.nash)
        egalitarian.merge(other.egalitarian)
        utilitarian.merge(other.utilitarian)
        kalaiSmorodinsky.merge(other.kalaiSmorodinsky)
    }
}
