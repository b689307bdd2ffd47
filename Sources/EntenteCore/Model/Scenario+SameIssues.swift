extension Scenario {
    /// Whether `other` has this scenario's issues: the same ids, options and status quo, in
    /// order, so that a package of one is a package of the other (a future that changes no
    /// issue; an edit of a stance, not of the table).
    public func sameIssues(as other: Scenario) -> Bool {
        issues.count == other.issues.count && zip(issues, other.issues).allSatisfy { mine, theirs in
            mine.id == theirs.id && mine.statusQuo == theirs.statusQuo && mine.options.map(\.id) == theirs.options.map(\.id)
        }
    }
}
