/// Who a participant is at the table, which decides what it may see and do.
///
/// One user at a workbench is the facilitator of a session of their own; a workshop adds
/// one delegation seat per actor played, and observers who watch everything without
/// touching it (a trainer's assistant, a projector in the room).
public enum Role: Equatable, Hashable, Sendable {
    /// Sees every actor's stance, edits everything, may look through any delegation's eyes.
    case facilitator
    /// Plays one actor (by id): sees the public table and that actor's own stance only,
    /// and edits only that stance.
    case delegation(String)
    /// Sees everything, edits nothing.
    case observer

    /// The actor whose private stance this role sees alone, or nil when it sees every actor's.
    public var actor: String? {
        if case .delegation(let actor) = self { actor } else { nil }
    }

    /// Whether this role sees every actor's private stance.
    public var seesEverything: Bool { actor == nil }

    /// How messages name the role.
    public var label: String {
        switch self {
        case .facilitator: "the facilitator"
        case .delegation(let actor): "\(actor)'s delegation"
        case .observer: "an observer"
        }
    }
}

/// A role in a workshop's log and frames: `facilitator`, `observer` or `delegation:ACTOR`.
extension Role: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        switch text {
        case "facilitator": self = .facilitator
        case "observer": self = .observer
        case _ where text.hasPrefix("delegation:") && text.count > "delegation:".count: self = .delegation(String(text.dropFirst("delegation:".count)))
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a role is facilitator, observer or delegation:ACTOR, not '\(text)'"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .facilitator: try container.encode("facilitator")
        case .observer: try container.encode("observer")
        case .delegation(let actor): try container.encode("delegation:\(actor)")
        }
    }
}

/// A participant's place in a session: a name the commands arrive under, and its role.
public struct Seat: Equatable, Hashable, Sendable {
    public let id: String
    public let role: Role

    public init(id: String, role: Role) {
        self.id = id
        self.role = role
    }

    /// The seat of one user working alone: the facilitator of their own session.
    public static let solo = Seat(id: "solo", role: .facilitator)
}
