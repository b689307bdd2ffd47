/// Whether a package would hold: can some viable coalition find another package that every
/// one of its members strictly prefers?
///
/// This is the ranked search run with the package as the baseline: every actor's gain is
/// measured against the package instead of the status quo, margins are zero ("strictly
/// prefers"), red lines and the scenario's rules still apply, and the strongest block is
/// the one with the largest capability share.
public struct StabilityAnalysis: Sendable {
    public let scenario: Scenario

    public init(_ scenario: Scenario) { self.scenario = scenario }

    /// Checks `package` against the packages that change only issues on the table of
    /// `request` and not fixed; its budget, or the cancellation flag, may stop the search
    /// early, and the result is then not proven.
    public func check(_ package: Package, request: SearchRequest = SearchRequest(), cancellation: CancellationFlag? = nil) throws(SearchRequestError) -> Stability {
        let free = try ResolvedRequest(request, scenario: scenario, around: package).free
        var baseline = scenario
        for (index, choice) in package.choices.enumerated() {
            baseline.issues[index].statusQuo = scenario.issues[index].options[choice].id
        }
        for a in baseline.actors.indices {
            for key in baseline.actors[a].interests.keys { baseline.actors[a].interests[key]?.minGain = nil }
        }
        var search = request
        search.table = free.map { scenario.issues[$0].id }
        search.fixed = [:]
        search.objective = .capability
        search.top = 1
        search.margin = 0
        search.include = []
        search.exclude = []
        search.minMembers = 0
        search.applyRules = true
        let result = try PackageSearch(baseline).run(search, cancellation: cancellation)
        return Stability(
            block: result.packages.first.map { Block(package: $0.package, coalition: $0.coalition.members, gains: $0.gains, capability: $0.objective(.capability)) },
            proven: result.proven, explored: result.explored, spaceSize: result.spaceSize)
    }
}

/// The outcome of a stability check.
public struct Stability: Sendable {
    /// The strongest blocking coalition and its package, or nil when none exists in the
    /// searched space.
    public let block: Block?
    /// False when the search stopped early: a block may exist that was not found.
    public let proven: Bool
    public let explored: UInt64
    public let spaceSize: Double

    public var isStable: Bool { block == nil }
}

/// A coalition that prefers another package, with its members' gains over the analysed one.
public struct Block: Sendable {
    public let package: Package
    public let coalition: [Int]
    /// Every actor's gain over the analysed package (points), in actor order.
    public let gains: [Double]
    public let capability: Double
}
