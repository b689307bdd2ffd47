import EntenteCore
import EntenteSession
import EntenteWorkshop
import Foundation

/// How a new workshop's tables are laid out: how many tables of each scenario, which
/// actors the engine plays, how many observers sit at each table, the voting and the
/// round's length. Every table gets a facilitator and a delegation seat per actor.
public struct TablePlan: Sendable, Equatable {
    public var tablesPerScenario = 1
    /// Actors the engine plays at every table whose scenario has them.
    public var engineActors: Set<String> = []
    public var observers = 0
    public var voting: Voting = .sealed
    public var roundSeconds: Double = 600

    public init() {}

    /// A scenario to lay tables out for, with the file it came from (which names its tables).
    public struct Source: Sendable {
        public let file: String
        public let scenario: Scenario

        public init(file: String, scenario: Scenario) {
            self.file = file
            self.scenario = scenario
        }
    }

    /// The tables' ids and setups: `NAME-1`, `NAME-2` … after each file's name without its
    /// extension (a second file of the same name gets a letter), or why the plan does not fit
    /// the scenarios.
    public func setups(for sources: [Source]) throws(PlanError) -> [(id: String, file: String, setup: TableSetup)] {
        guard (1 ... 100).contains(tablesPerScenario) else { throw PlanError("--tables is 1 to 100, not \(tablesPerScenario)") }
        guard (0 ... 20).contains(observers) else { throw PlanError("--observers is 0 to 20, not \(observers)") }
        let known = Set(sources.flatMap { $0.scenario.actors.map(\.id) })
        if let unknown = engineActors.subtracting(known).sorted().first {
            throw PlanError("--engine-seats names '\(unknown)', which no scenario has; expected one of: \(known.sorted().joined(separator: ", "))")
        }
        var result: [(id: String, file: String, setup: TableSetup)] = []
        var names = Set<String>()
        for source in sources {
            var name = URL(fileURLWithPath: source.file).deletingPathExtension().lastPathComponent
            if name.isEmpty || name == "-" { name = "table" }
            var unique = name
            for letter in "bcdefghijklmnopqrstuvwxyz" where names.contains(unique) { unique = "\(name)\(letter)" }
            names.insert(unique)
            var setup = TableSetup.standard(source.scenario, voting: voting, roundSeconds: roundSeconds)
            for index in setup.seats.indices where setup.seats[index].actor.map({ engineActors.contains($0) }) == true {
                setup.seats[index].player = .engine
            }
            setup.seats += (0 ..< observers).map { TableSeat(id: "observer\($0 + 1)", role: .observer) }
            if let problem = setup.problem { throw PlanError("\(source.file): \(problem)") }
            for table in 1 ... tablesPerScenario { result.append(("\(unique)-\(table)", source.file, setup)) }
        }
        return result
    }
}

/// Why a plan does not fit its scenarios: a message for the trainer.
public struct PlanError: Error, CustomStringConvertible, Equatable {
    public let description: String

    public init(_ description: String) { self.description = description }
}

/// A code as the trainer hands it out: the table, the seat and the code itself.
public struct IssuedCode: Sendable, Equatable, Codable {
    public let table: String
    public let seat: String
    /// `facilitator`, `observer` or `delegation:ACTOR`.
    public let role: String
    /// `person` or `engine`.
    public let player: String
    public let code: String

    public init(table: String, seat: TableSeat, code: JoinCode) {
        self.table = table
        self.seat = seat.id
        role = seat.actor.map { "delegation:\($0)" } ?? (seat.role == .facilitator ? "facilitator" : "observer")
        player = seat.player.rawValue
        self.code = code.description
    }
}

extension EventStore {
    /// Creates the planned tables, with a fresh code for every seat (engine-played ones too,
    /// so that the facilitator can hand them to a person), and returns the codes: the only
    /// time they exist outside the participants' hands.
    public func createTables(_ planned: [(id: String, file: String, setup: TableSetup)], at time: Date) throws -> [IssuedCode] {
        var issued: [IssuedCode] = []
        for table in planned {
            let setup = String(decoding: try WireJSON.encode(table.setup), as: UTF8.self)
            var seats: [StoredSeat] = []
            for seat in table.setup.seats {
                let code = JoinCode.random()
                seats.append(StoredSeat(seat: seat.id, codeHash: code.hash))
                issued.append(IssuedCode(table: table.id, seat: seat, code: code))
            }
            try create(StoredTable(id: table.id, scenarioFile: table.file, setup: setup, createdAt: time), seats: seats)
        }
        return issued
    }
}

extension [IssuedCode] {
    /// The codes as a trainer reads them: a block per table, one line per seat.
    public var text: String {
        var lines: [String] = []
        var table: String?
        for code in self {
            if code.table != table {
                if table != nil { lines.append("") }
                table = code.table
                lines.append("table \(code.table)")
            }
            let role = code.role.hasPrefix("delegation:") ? "delegation of \(code.role.dropFirst("delegation:".count))" : code.role
            lines.append("  " + padded(code.seat, 14) + " " + padded(role + (code.player == "engine" ? " (engine)" : ""), 28) + " " + code.code)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
