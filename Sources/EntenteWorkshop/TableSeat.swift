import EntenteSession

/// One place at a workshop table: who sits there (its role) and whether a person or the
/// engine plays it. The seat id is what commands arrive under and what proposals and
/// messages are addressed to.
public struct TableSeat: Codable, Equatable, Hashable, Sendable {
    public let id: String
    public let role: Role
    public var player: Player

    public init(id: String, role: Role, player: Player = .person) {
        self.id = id
        self.role = role
        self.player = player
    }

    /// The actor the seat plays, or nil for the facilitator and observers.
    public var actor: String? { role.actor }

    /// The session's seat with the same id and role.
    public var seat: Seat { Seat(id: id, role: role) }
}

/// Who plays a seat: a participant at a terminal, or the engine (`EngineSeat`), which
/// accepts a proposal addressed to it exactly when its actor gains.
public enum Player: String, Codable, Hashable, Sendable {
    case person, engine
}
