/// What a user asks of a ranked search: the objective, how many packages, which issues are
/// on the table, which options are fixed, who must be in or out, and the margins.
public struct SearchRequest: Sendable, Equatable {
    public var objective: Objective = .capability
    public var top = 10
    /// Issue ids on the table; nil puts every issue on it. Off the table means held at the
    /// status quo. A fixed issue is on the table whether listed or not.
    public var table: [String]?
    /// Issue id → option id that every package must contain.
    public var fixed: [String: String] = [:]
    /// Actors that must be coalition members.
    public var include: [String] = []
    /// Actors that must not be coalition members.
    public var exclude: [String] = []
    /// Rank only packages whose coalition meets every scenario rule.
    public var applyRules = true
    /// Rank only coalitions with at least this many members.
    public var minMembers = 0
    /// Extra gain every member must exceed, on top of its own margin (utility points).
    public var margin = 0.0
    /// How to search; `auto` picks the faster strategy for the objective and the space.
    public var strategy = SearchStrategy.auto
    /// Limits after which the search returns the best found so far, not proven optimal.
    public var budget = SearchBudget()

    public init() {}
}

/// A search request that names something the scenario does not have.
public struct SearchRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}

/// A search request resolved against a scenario: indices instead of ids.
struct ResolvedRequest {
    /// The package every scan starts from: fixed options, and status quo elsewhere (or the
    /// analysed package's options, around a package).
    private(set) var base: [Int]
    /// Issues that range over all their options, in scenario order.
    let free: [Int]
    let include: ActorSet
    let exclude: ActorSet

    init(_ request: SearchRequest, scenario: Scenario) throws(SearchRequestError) {
        var base = scenario.issues.map(\.statusQuoIndex)
        var onTable = Set<Int>()
        if let table = request.table {
            for id in table { onTable.insert(try Self.issue(id, in: scenario)) }
        } else {
            onTable = Set(scenario.issues.indices)
        }
        var fixed = Set<Int>()
        let fixedPackage = try scenario.package(request.fixed)
        for issueID in request.fixed.keys {
            let issue = try Self.issue(issueID, in: scenario)
            base[issue] = fixedPackage.choices[issue]
            fixed.insert(issue)
        }
        self.base = base
        free = onTable.subtracting(fixed).sorted().filter { scenario.issues[$0].options.count > 1 }
        include = try Self.actors(request.include, in: scenario)
        exclude = try Self.actors(request.exclude, in: scenario)
        if let both = request.include.first(where: request.exclude.contains) {
            throw SearchRequestError("actor '\(both)' is both included and excluded")
        }
        guard request.top > 0 else { throw SearchRequestError("top must be at least 1") }
        if let impossible = request.impossibility(in: scenario) { throw SearchRequestError(impossible) }
    }

    /// The space an analysis of `package` may propose (model.md, "Analysis of a package"):
    /// the issues on the table and not fixed range over their options, every other issue
    /// keeps the package's option. A package that contradicts a fixed option is an error.
    init(_ request: SearchRequest, scenario: Scenario, around package: Package) throws(SearchRequestError) {
        self = try ResolvedRequest(request, scenario: scenario)
        for (issue, choice) in base.enumerated() where request.fixed[scenario.issues[issue].id] != nil && package.choices[issue] != choice {
            throw SearchRequestError("the package sets '\(scenario.issues[issue].id)' to '\(scenario.issues[issue].options[package.choices[issue]].id)', "
                + "but it is fixed at '\(scenario.issues[issue].options[choice].id)'")
        }
        base = package.choices
    }

    private static func issue(_ id: String, in scenario: Scenario) throws(SearchRequestError) -> Int {
        guard let index = scenario.issueIndex(id) else {
            throw SearchRequestError("unknown issue '\(id)'; expected one of: \(scenario.issues.map(\.id).joined(separator: ", "))")
        }
        return index
    }

    static func actors(_ ids: [String], in scenario: Scenario) throws(SearchRequestError) -> ActorSet {
        var set = ActorSet(capacity: scenario.actors.count)
        for id in ids {
            guard let index = scenario.actorIndex(id) else {
                throw SearchRequestError("unknown actor '\(id)'; expected one of: \(scenario.actors.map(\.id).joined(separator: ", "))")
            }
            set.insert(index)
        }
        return set
    }
}

/// How a ranked search covers its space.
public enum SearchStrategy: String, Sendable, CaseIterable, Codable {
    /// Branch and bound for the objectives whose bound prunes well
    /// (`Objective.boundPrunesWell`); for the others exhaustive up to `exhaustiveLimit`
    /// packages, branch and bound beyond.
    case auto
    /// Visit every package.
    case exhaustive
    /// Fix issues one by one and drop branches that cannot enter the top K.
    case branchAndBound = "branch-and-bound"

    /// About half a second of scanning on two cores.
    public static let exhaustiveLimit = 5e7

    func resolved(spaceSize: Double, objective: Objective) -> SearchStrategy {
        guard self == .auto else { return self }
        return objective.boundPrunesWell || spaceSize > Self.exhaustiveLimit ? .branchAndBound : .exhaustive
    }
}
