/// One possible answer to an issue, placed on the nationalist-to-internationalist axis.
public struct IssueOption: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Place on the issue axis (0 nationalist ... 100 internationalist by convention);
    /// needed when an actor states an ideal position instead of values.
    public var position: Double?
    /// Effect on the open internet if this option is in force (negative harms it).
    public var openness: Double
    public var description: String

    public init(id: String, name: String? = nil, position: Double? = nil, openness: Double = 0, description: String = "") {
        self.id = id
        self.name = name ?? id
        self.position = position
        self.openness = openness
        self.description = description
    }
}
