/// A bonus or penalty an actor gets when a package settles several issues together in a
/// certain way: the report's linkage ("steps taken in one domain can have knock-on effects
/// in several others"), which makes a package worth more, or less, than its issues added up.
///
/// A link holds in a package when, on every issue it names, the package's option (the status
/// quo for an issue off the table) is one of the listed options. The actor's utility is then
/// raised by `points` (negative for a penalty), on the same 0…100 scale as its issue values.
public struct Link: Sendable, Equatable {
    /// The issues the link names, each with the options under which it holds, in file order.
    /// At least two distinct issues.
    public var when: [LinkCondition]
    /// Utility points added while the link holds, −100…100.
    public var points: Double
    public var note: String

    public init(when: [LinkCondition], points: Double, note: String = "") {
        self.when = when
        self.points = points
        self.note = note
    }

    /// Whether the link holds in a package of the scenario (options looked up by id).
    public func holds(in package: Package, of scenario: Scenario) -> Bool {
        when.allSatisfy { condition in
            guard let issueIndex = scenario.issueIndex(condition.issue) else { return false }
            let issue = scenario.issues[issueIndex]
            let chosen = package.choices.indices.contains(issueIndex) ? package.choices[issueIndex] : issue.statusQuoIndex
            return condition.options.contains(issue.options[chosen].id)
        }
    }
}

/// One issue a link names and the options of it under which the link holds.
public struct LinkCondition: Sendable, Equatable {
    public var issue: String
    public var options: [String]

    public init(issue: String, options: [String]) {
        self.issue = issue
        self.options = options
    }
}
