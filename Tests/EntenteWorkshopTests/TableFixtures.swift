import EntenteCore
import EntenteSession
import EntenteWorkshop
import Foundation
import EntenteTestSupport

/// The standards bargain (Data/training/standards-bargain.yaml) at a table: a facilitator,
/// an observer and one delegation per actor (us, china, eu, tech-community), each seat named
/// by its actor's id. Its figures, worked by hand from the file:
///
/// - status quo utilities: us (3·50 + 60)/4 = 52.5, china (50 + 3·40)/4 = 42.5, eu 50, tech 60;
/// - governance=reinforced, seats=g7-and-lmic: us (3·90 + 40)/4 = 77.5 (+25), china
///   (30 + 3·80)/4 = 67.5 (+25), eu (80 + 70)/2 = 75 (+25), tech 100 (+40);
/// - rules: capability share ≥ 0.5 of 6 (us 2, china 2, eu 1, tech 1), and us or eu in.
enum TableFixtures {
    static let facilitator = "facilitator"
    static let observer = "observer"

    static func scenario() throws -> Scenario {
        try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent("Data/training/standards-bargain.yaml").path)
    }

    static func setup(voting: Voting = .sealed) throws -> TableSetup {
        var setup = TableSetup.standard(try scenario(), voting: voting, roundSeconds: 300)
        setup.seats.append(TableSeat(id: observer, role: .observer))
        return setup
    }

    static let bargain = TablePackage(["governance": "reinforced", "seats": "g7-and-lmic"])

    /// A table whose first round started at t = 1000 (deadline 1300).
    static func running(voting: Voting = .sealed) throws -> Table {
        var table = Table(setup: try setup(voting: voting))
        try table.run(.startRound(seconds: nil), from: facilitator, at: 1000)
        return table
    }
}

extension Table {
    /// Decides and applies, returning the events.
    @discardableResult
    mutating func run(_ command: TableCommand, from seat: String, at time: Double) throws(TableError) -> [TableEvent] {
        let events = try decide(command, from: seat, at: time)
        for event in events { apply(event) }
        return events
    }

    /// The refusal a command gets, or nil when it is accepted.
    func refusal(_ command: TableCommand, from seat: String, at time: Double = 1010) -> TableError? {
        do {
            _ = try decide(command, from: seat, at: time)
            return nil
        } catch {
            return error
        }
    }
}
