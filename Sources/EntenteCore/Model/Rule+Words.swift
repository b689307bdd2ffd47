extension RuleKind {
    /// The rule in words, as the Overview lists it and an edit's message repeats it.
    ///
    ///     RuleKind.capabilityShare(atLeast: 0.5).words  // "members hold at least 50.0% of all capability"
    public var words: String {
        switch self {
        case .capabilityShare(let share): "members hold at least \(Figures.percent(share)) of all capability"
        case .minMembers(let count): "at least \(count) member\(count == 1 ? "" : "s")"
        case .includeAll(let ids): "every one of " + ids.joined(separator: ", ") + " is a member"
        case .includeAny(let ids): "at least one of " + ids.joined(separator: ", ") + " (or a member of that grouping) is a member"
        }
    }

    /// The kinds' names in scenario files, in the order the format lists them.
    public static let names = ["capability-share", "min-members", "include-all", "include-any"]
}
