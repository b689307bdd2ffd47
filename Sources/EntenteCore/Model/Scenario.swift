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
    /// The possible futures, as overlays on this scenario (format 2); empty in format 1.
    public var futures: [Future]

    public init(
        title: String, source: String = "", actors: [Actor], issues: [Issue],
        groupings: [Grouping] = [], rules: [Rule] = [], futures: [Future] = []
    ) {
        self.title = title
        self.source = source
        self.actors = actors
        self.issues = issues
        self.groupings = groupings
        self.rules = rules
        self.futures = futures
    }

    /// The position of the actor with this id, if any.
    public func actorIndex(_ id: String) -> Int? { actors.firstIndex { $0.id == id } }

    /// The position of the issue with this id, if any.
    public func issueIndex(_ id: String) -> Int? { issues.firstIndex { $0.id == id } }

    /// Whether the scenario needs format version 2 to be written: it has links, futures or role briefs.
    public var needsFormat2: Bool { !futures.isEmpty || actors.contains { !$0.links.isEmpty || !$0.brief.isEmpty } }

    /// The package that leaves every issue at its status quo.
    public var statusQuo: Package { Package(choices: issues.map(\.statusQuoIndex)) }
}
