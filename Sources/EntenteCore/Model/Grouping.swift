/// A bloc that already exists (G7, Quad, BRICS ...); novelty measures how far a coalition
/// strays from every such bloc.
public struct Grouping: Sendable, Equatable {
    public var id: String
    public var name: String
    public var members: [String]

    public init(id: String, name: String? = nil, members: [String]) {
        self.id = id
        self.name = name ?? id
        self.members = members
    }
}
