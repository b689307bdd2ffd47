import EntenteCore

/// The coalition finder's part of the state: what to rank by, the running search, and the
/// results with their sort order and selection.
public struct FinderState: Sendable {
    public var objective = Objective.capability
    public var running = false
    public var progress: SearchProgress?
    public var result: SearchResult?
    /// Results in display order (indices into `result.packages`).
    public var order: [Int] = []
    public var selected = 0
    public var sort = FinderColumn.rank
    /// Constraints beyond the issues' holds: actors that must be in or out, and a minimum size.
    public var include: [String] = []
    public var exclude: [String] = []
    public var minMembers = 0
    /// The analysis of the selected result, once it arrives, and the package being analysed.
    public var analysis: AnalysisResult?
    public var analysing: Package?
    /// The package whose analysis Esc stopped: not analysed again until it is selected again.
    public var analysisStopped: Package?

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
        guard let packages = result?.packages else {
            order = []
            return
        }
        order = Array(packages.indices)
        if let objective = sort.objective {
            order.sort { packages[$0].objective(objective) != packages[$1].objective(objective)
                ? packages[$0].objective(objective) > packages[$1].objective(objective) : $0 < $1 }
        }
        selected = min(selected, max(0, order.count - 1))
    }
}

/// The columns the results table can be sorted by.
public enum FinderColumn: Int, CaseIterable, Sendable {
    case rank, capability, members, totalGain, minGain, novelty, openness

    var objective: Objective? {
        switch self {
        case .rank: nil
        case .capability: .capability
        case .members: .members
        case .totalGain: .totalGain
        case .minGain: .minGain
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
        case .novelty: "Novelty"
        case .openness: "Open"
        }
    }
}
