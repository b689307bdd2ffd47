import EntenteCore
import EntenteSession

/// The coalition finder's part of the state: what to rank by, the running search, and the
/// results with their sort order and selection.
public struct FinderState: Sendable {
    /// What the next search ranks by (`o` changes it; the shown results may be ranked otherwise).
    public var objective = Objective.capability
    /// True when the next search is robust: over today and every future, ranked by the
    /// worst case (`r` changes it).
    public var acrossFutures = false
    /// The search running off the main loop, if any, and whether it is robust.
    public var searching: SearchRequest?
    public var searchingAcrossFutures = false
    public var progress: SearchProgress?
    /// The results on screen and the request they answer: the objective they are ranked
    /// by and the holds and constraints they honour, whatever has been chosen since.
    /// A robust search's results are in `robust` instead of `result`.
    public var result: SearchResult?
    public var robust: RobustResult?
    public var request: SearchRequest?
    /// Results in display order (indices into `result.packages`).
    public var order: [Int] = []
    public var selected = 0
    /// How far the selected package's pane (its members and analysis) is scrolled.
    public var detailScroll = 0
    public var sort = FinderColumn.rank
    /// Robust results: sorted by the worst case (nil) or by one scenario's figure (an index
    /// into `robust.ids`: today, then each future).
    public var robustSort: Int?
    /// Constraints beyond the issues' holds: actors that must be in or out, and a minimum size.
    public var include: [String] = []
    public var exclude: [String] = []
    public var minMembers = 0
    /// The searches made on this revision, oldest first (at most `historyLimit`), and the
    /// one whose results are shown (`[` and `]` switch among them).
    public var history: [FinderRun] = []
    public var shownRun = 0
    static let historyLimit = 8

    /// The analysis of the selected result, once it arrives, and the package being analysed.
    public var analysis: AnalysisResult?
    public var analysing: Package?
    /// The package whose analysis Esc stopped: not analysed again until it is selected again.
    public var analysisStopped: Package?

    /// True when the scenario changed since the results were found: they stay on screen,
    /// marked, until a new search (which keeps the selected package selected) replaces them.
    public var stale = false

    public var running: Bool { searching != nil }

    /// Why a robust search is refused on a scenario without futures.
    static let noFutures = "this scenario has no futures: a search across them would be today's search"

    /// The results shown, each evaluated today for a robust search, in the search's order.
    public var packages: [PackageEvaluation] { result?.packages ?? robust?.packages.map { $0.evaluations[0] } ?? [] }
    public var hasResults: Bool { result != nil || robust != nil }

    /// Drops the results and the analysis of their selection.
    mutating func dropResults() {
        result = nil
        robust = nil
        request = nil
        order = []
        analysis = nil
        analysing = nil
        stale = false
    }

    /// What of the finder is kept between sessions: the objective and the constraints.
    public var settings: SavedWorkspace.FinderSettings {
        get { SavedWorkspace.FinderSettings(objective: objective, include: include, exclude: exclude, minMembers: minMembers) }
        set {
            objective = newValue.objective
            include = newValue.include
            exclude = newValue.exclude
            minMembers = newValue.minMembers
        }
    }

    /// The objective the shown results are ranked by.
    public var rankedBy: Objective { request?.objective ?? objective }

    /// The constraints in words, for the finder's header ("" when there are none).
    var constraintsSummary: String {
        var parts: [String] = []
        if !include.isEmpty { parts.append("with " + include.joined(separator: ", ")) }
        if !exclude.isEmpty { parts.append("without " + exclude.joined(separator: ", ")) }
        if minMembers > 0 { parts.append("at least \(minMembers) members") }
        return parts.joined(separator: " · ")
    }

    /// Recomputes `order` for the current sort column (highest first; rank keeps the search's order).
    mutating func resort() {
        guard hasResults else {
            order = []
            return
        }
        let packages = packages
        order = Array(packages.indices)
        if let robust {
            if let column = robustSort {
                let value = { (index: Int) in robust.packages[index].byFuture[column].value }
                order.sort { value($0) != value($1) ? value($0) > value($1) : $0 < $1 }
            }
        } else if let objective = sort.objective {
            order.sort { packages[$0].objective(objective) != packages[$1].objective(objective)
                ? packages[$0].objective(objective) > packages[$1].objective(objective) : $0 < $1 }
        }
        selected = min(selected, max(0, order.count - 1))
    }
}

/// One search of the finder's history: what was asked (its objective, holds and
/// constraints, and whether it was robust) and what came back.
public struct FinderRun: Sendable, Equatable {
    public let request: SearchRequest
    public let result: SearchResult?
    public let robust: RobustResult?

    /// The run's settings in words: "robust, capability, with us, at least 3 members".
    var summary: String {
        var parts = [(robust == nil ? "" : "robust, ") + request.objective.rawValue]
        if !request.include.isEmpty { parts.append("with " + request.include.joined(separator: ", ")) }
        if !request.exclude.isEmpty { parts.append("without " + request.exclude.joined(separator: ", ")) }
        if request.minMembers > 0 { parts.append("at least \(request.minMembers) members") }
        let held = request.fixed.count + (request.table.map { _ in 1 } ?? 0)
        if held > 0 { parts.append("holds on issues") }
        return parts.joined(separator: ", ")
    }
}

/// The columns the results table can be sorted by.
public enum FinderColumn: Int, CaseIterable, Sendable {
    case rank, capability, members, totalGain, minGain, nash, novelty, openness

    /// The column of an objective's figure.
    init(_ objective: Objective) { self = Self.allCases.first { $0.objective == objective }! }

    var objective: Objective? {
        switch self {
        case .rank: nil
        case .capability: .capability
        case .members: .members
        case .totalGain: .totalGain
        case .minGain: .minGain
        case .nash: .nash
        case .novelty: .novelty
        case .openness: .openness
        }
    }

    var header: String {
        switch self {
        case .rank: "#"
        case .capability: "Capability"
        case .members: "Members"
        case .totalGain: "Total"
        case .minGain: "Min"
        case .nash: "Nash"
        case .novelty: "Novelty"
        case .openness: "Open"
        }
    }
}
