import Foundation

/// What a participant's client sends: join with a code (resuming after the last event it
/// saw), a command under an id of its choosing (applied at most once), a ping, or a request
/// for the debrief of the table so far.
public enum ClientFrame: Codable, Hashable, Sendable {
    case hello(code: String, resumeAfter: Int?)
    case command(id: String, command: TableCommand)
    case ping
    /// The debrief of the table so far, as the seat may see it, built by the server from the
    /// whole log (a workbench that was away saw only part of it).
    case debrief
}

/// What the server sends one seat; every frame carries only what that seat may see.
public enum ServerFrame: Codable, Equatable, Sendable {
    /// Joined: the seat, its view of the table so far, the scenario as it may see it, and
    /// the sequence number of the last event in the log (what to resume after).
    case welcome(seat: TableSeat, table: SeatTable, scenario: ScenarioDocument, lastSeq: Int)
    /// One event of the log, as the seat sees it; `seq` numbers the table's log, so a seat's
    /// sequence has gaps where it saw nothing.
    case event(seq: Int, event: SeatEvent)
    /// The command with this id was applied (or had been already).
    case ack(id: String)
    case error(id: String?, code: ErrorCode, message: String)
    /// The scenario as the seat sees it changed (an inject, or the reveal).
    case scenarioChanged(scenario: ScenarioDocument)
    case pong(serverTime: Double)
    /// The answer to a debrief request: the table's debrief so far as text, for this seat.
    case debrief(text: String)
}

/// The JSON of frames and log entries: keys sorted, so the same value always gives the same
/// bytes.
public enum WireJSON {
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// The same, indented for people to read (a debrief's JSON).
    public static func encodePretty(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return try encoder.encode(value)
    }

    public static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        try JSONDecoder().decode(type, from: data)
    }
}
