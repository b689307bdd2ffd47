/// A question on the table with its alternative answers (options) and the answer in force
/// today (the status quo).
public struct Issue: Sendable, Equatable {
    public var id: String
    public var name: String
    public var lever: Lever
    /// The id of the broader issue this one was unbundled from, if any.
    public var parent: String?
    public var statusQuo: String
    public var options: [IssueOption]

    public init(id: String, name: String, lever: Lever = .other, parent: String? = nil, statusQuo: String, options: [IssueOption]) {
        self.id = id
        self.name = name
        self.lever = lever
        self.parent = parent
        self.statusQuo = statusQuo
        self.options = options
    }

    /// The index of the status-quo option (0 when the scenario is invalid and it is missing).
    public var statusQuoIndex: Int { optionIndex(statusQuo) ?? 0 }

    public func optionIndex(_ id: String) -> Int? { options.firstIndex { $0.id == id } }
}

/// The policy domain an issue belongs to, after the report's five families of levers.
public enum Lever: String, Sendable, CaseIterable {
    case infrastructure
    case supplyChains = "supply-chains"
    case standards, regulation, institutions, other
}
