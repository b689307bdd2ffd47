/// A negotiation to explore: who takes part, what is on the table, which blocs already exist
/// and when a coalition counts as viable.
///
/// A scenario is plain data. The engine compiles it into dense tables (`CompiledScenario`)
/// before searching; nothing here is tuned for speed.
public struct Scenario: Sendable, Equatable {
    public var title: String
    public var source: String
    public var actors: [Actor]
    public var issues: [Issue]
    public var groupings: [Grouping]
    public var rules: [Rule]

    public init(
        title: String, source: String = "", actors: [Actor], issues: [Issue],
        groupings: [Grouping] = [], rules: [Rule] = []
    ) {
        self.title = title
        self.source = source
        self.actors = actors
        self.issues = issues
        self.groupings = groupings
        self.rules = rules
    }

    /// The position of the actor with this id, if any.
    public func actorIndex(_ id: String) -> Int? { actors.firstIndex { $0.id == id } }

    /// The position of the issue with this id, if any.
    public func issueIndex(_ id: String) -> Int? { issues.firstIndex { $0.id == id } }

    /// The package that leaves every issue at its status quo.
    public var statusQuo: Package { Package(choices: issues.map(\.statusQuoIndex)) }
}
