/// Why the table refused a command: the kind, for a client or a log to act on, and a
/// sentence for the participant.
public struct TableError: Error, Hashable, Sendable, CustomStringConvertible {
    public let code: ErrorCode
    public let message: String

    public init(_ code: ErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

/// A refusal's kind, as error frames carry it. Open to the server's own kinds (a wrong
/// code, an oversized frame) beside the table's.
public struct ErrorCode: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// The seat may not do this (its role, or the proposal is not addressed to it).
    public static let forbidden = ErrorCode("forbidden")
    /// The command names something that does not exist or is out of range.
    public static let invalid = ErrorCode("invalid")
    /// The command is not possible in the table's present state (no round running, the
    /// proposal withdrawn …).
    public static let notNow = ErrorCode("not-now")
    /// Server kinds: the join code matched no seat, the frame did not decode or is over the
    /// size limit, too many frames, a command before hello.
    public static let wrongCode = ErrorCode("wrong-code")
    public static let badFrame = ErrorCode("bad-frame")
    public static let tooLarge = ErrorCode("too-large")
    public static let rateLimited = ErrorCode("rate-limited")
    public static let notJoined = ErrorCode("not-joined")
}
