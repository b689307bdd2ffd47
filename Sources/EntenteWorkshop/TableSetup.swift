import EntenteCore
import EntenteSession

/// Everything a table is created from: the scenario as loaded, the seats, how responses
/// are shown and how long a round lasts. The first entry of a table's log; the rest is
/// events.
public struct TableSetup: Codable, Equatable, Sendable {
    public var scenario: Scenario
    public var seats: [TableSeat]
    public var voting: Voting
    /// A round's length in seconds when the facilitator starts it without naming one.
    public var roundSeconds: Double

    public init(scenario: Scenario, seats: [TableSeat], voting: Voting = .sealed, roundSeconds: Double = 600) {
        self.scenario = scenario
        self.seats = seats
        self.voting = voting
        self.roundSeconds = roundSeconds
    }

    /// One facilitator seat (`facilitator`) and one delegation seat per actor, named by the
    /// actor's id: the table most workshops start from.
    public static func standard(_ scenario: Scenario, voting: Voting = .sealed, roundSeconds: Double = 600) -> TableSetup {
        let seats = [TableSeat(id: "facilitator", role: .facilitator)]
            + scenario.actors.map { TableSeat(id: $0.id, role: .delegation($0.id)) }
        return TableSetup(scenario: scenario, seats: seats, voting: voting, roundSeconds: roundSeconds)
    }

    /// Why the setup cannot make a table, or nil when it can: seat ids unique and not
    /// empty, exactly one facilitator, each delegation playing an actor of the scenario and
    /// no actor played by two seats, the round length within `Table.secondsRange`.
    public var problem: String? {
        var ids = Set<String>()
        var actors = Set<String>()
        for seat in seats {
            if seat.id.isEmpty { return "a seat has an empty id" }
            if !ids.insert(seat.id).inserted { return "two seats are called '\(seat.id)'" }
            if let actor = seat.actor {
                if scenario.actorIndex(actor) == nil { return "seat '\(seat.id)' plays '\(actor)', which is not an actor of the scenario" }
                if !actors.insert(actor).inserted { return "two seats play '\(actor)'" }
            } else if seat.player == .engine {
                return "seat '\(seat.id)' is not a delegation, so the engine cannot play it"
            }
        }
        let facilitators = seats.filter { $0.role == .facilitator }.count
        if facilitators != 1 { return "a table needs exactly one facilitator seat, this one has \(facilitators)" }
        if !Table.secondsRange.contains(roundSeconds) {
            return "a round lasts \(Int(Table.secondsRange.lowerBound))…\(Int(Table.secondsRange.upperBound)) seconds, not \(roundSeconds)"
        }
        return nil
    }

    private enum CodingKeys: String, CodingKey { case scenario, seats, voting, roundSeconds }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        scenario = try container.decode(ScenarioDocument.self, forKey: .scenario).scenario
        seats = try container.decode([TableSeat].self, forKey: .seats)
        voting = try container.decode(Voting.self, forKey: .voting)
        roundSeconds = try container.decode(Double.self, forKey: .roundSeconds)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ScenarioDocument(scenario), forKey: .scenario)
        try container.encode(seats, forKey: .seats)
        try container.encode(voting, forKey: .voting)
        try container.encode(roundSeconds, forKey: .roundSeconds)
    }
}

/// How responses to proposals are shown: sealed (the default; each seat's answer is hidden
/// from the others until the round closes) or open (shown as given).
public enum Voting: String, Codable, Hashable, Sendable {
    case sealed, open
}

/// A scenario on the wire and in the log: the scenario file's own YAML text, so that what
/// a seat receives reads like any scenario and loads through the same checks.
public struct ScenarioDocument: Codable, Equatable, Sendable {
    public let scenario: Scenario

    public init(_ scenario: Scenario) { self.scenario = scenario }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            scenario = try ScenarioLoader.parse(text, file: "scenario")
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(ScenarioWriter.yaml(scenario))
    }
}
