/// One of the report's possible futures (bipolar or multipolar, nationalist or
/// internationalist) as an overlay on the scenario: the changes that turn today's scenario
/// into the scenario of that future. `Scenario.applying(_:)` (in Scenario/) applies them in
/// the documented order: capability, salience, values, red lines, links, rules.
public struct Future: Sendable, Equatable {
    /// `[a-z0-9-]+`, unique among the scenario's futures; `today` is reserved for no future.
    public var id: String
    public var name: String
    public var description: String
    public var note: String
    /// Capability factors (>= 0) by actor id.
    public var capability: [String: Double]
    /// Salience deltas by actor id, then issue id, added to the raw salience and floored at 0.
    public var salience: [String: [String: Double]]
    /// Tilts (−100…100) by actor or grouping id; positive favours the nationalist end of an axis.
    public var tilt: [String: Double]
    /// Value deltas (−100…100) by actor id, issue id, option id.
    public var values: [String: [String: [String: Double]]]
    /// Red lines removed, then added, by actor id and issue id.
    public var redLinesRemoved: [String: [String: [String]]]
    public var redLinesAdded: [String: [String: [String]]]
    /// Links added to an actor's own, by actor id.
    public var links: [String: [Link]]
    /// Rule ids removed, then rules added.
    public var rulesRemoved: [String]
    public var rulesAdded: [Rule]

    /// The id that names the scenario with no future applied.
    public static let todayID = "today"

    public init(
        id: String, name: String, description: String = "", note: String = "",
        capability: [String: Double] = [:], salience: [String: [String: Double]] = [:],
        tilt: [String: Double] = [:], values: [String: [String: [String: Double]]] = [:],
        redLinesRemoved: [String: [String: [String]]] = [:], redLinesAdded: [String: [String: [String]]] = [:],
        links: [String: [Link]] = [:], rulesRemoved: [String] = [], rulesAdded: [Rule] = []
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.note = note
        self.capability = capability
        self.salience = salience
        self.tilt = tilt
        self.values = values
        self.redLinesRemoved = redLinesRemoved
        self.redLinesAdded = redLinesAdded
        self.links = links
        self.rulesRemoved = rulesRemoved
        self.rulesAdded = rulesAdded
    }
}
