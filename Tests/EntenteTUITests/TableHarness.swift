import EntenteCore
import EntenteSession
import EntenteTUI
import EntenteWorkbench
import EntenteWorkshop
import EntenteTestSupport

/// A workshop table played in-process: the core's `Table` stands where the server would,
/// and each seat has a workbench of its own holding only what the table projects for it
/// (its scenario and its events). A key's `.table` effects are decided by the table, and
/// every event is projected to every workbench, as the server sends frames.
struct TableHarness {
    private(set) var table: Table
    private(set) var benches: [String: LocalWorkbench] = [:]
    /// Server time: moved on by each move, so the clock has something to show.
    private(set) var time = 1_800_000_000.0

    init(_ file: String = "Data/training/cables-and-chips.yaml", seats: [String], size: Size, voting: Voting = .sealed) throws {
        let scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent(file).path)
        let setup = TableSetup.standard(scenario, voting: voting, roundSeconds: 300)
        table = Table(setup: setup)
        for id in seats {
            let seat = table.seat(id)!
            var bench = LocalWorkbench(scenario: table.scenario(for: id)!, file: "ws://127.0.0.1:7070/ws", size: size, seat: seat.seat)
            _ = bench.send(.workshop(.joined(seat: seat, table: SeatTable(seat: id, setup: setup))))
            _ = bench.send(.workshop(.link(.connected)))
            benches[id] = bench
        }
    }

    /// Sends an action to a seat's workbench and plays what it asks of the table; returns
    /// the effects that are neither (for the test to look at).
    @discardableResult
    mutating func send(_ action: Action, at seat: String) -> [Effect] {
        var others: [Effect] = []
        for effect in benches[seat]!.send(action) {
            guard case .table(let command) = effect else {
                others.append(effect)
                continue
            }
            play(command, from: seat)
        }
        return others
    }

    /// Types a command line into a seat's workbench.
    @discardableResult
    mutating func type(_ line: String, at seat: String) -> [Effect] {
        _ = send(.openCommandLine, at: seat)
        for character in line { _ = send(.commandKey(.character(character)), at: seat) }
        return send(.commandKey(.enter), at: seat)
    }

    /// The table decides a seat's command; the events go to every workbench as projected,
    /// a refusal to the sender, as the server answers.
    mutating func play(_ command: TableCommand, from seat: String) {
        time += 5
        do {
            let events = try table.decide(command, from: seat, at: time)
            for event in events {
                table.apply(event)
                for id in benches.keys.sorted() {
                    if let seen = table.project(event, for: id) { _ = benches[id]!.send(.workshop(.event(seen))) }
                }
            }
            _ = benches[seat]!.send(.workshop(.acknowledged(pending: 0)))
        } catch {
            _ = benches[seat]!.send(.workshop(.refused(error.message, pending: 0)))
        }
    }

    /// Moves every workbench's clock to the server's time.
    mutating func tick(after seconds: Double) {
        time += seconds
        for id in benches.keys { _ = benches[id]!.send(.workshop(.tick(serverTime: time))) }
    }

    subscript(seat: String) -> LocalWorkbench { benches[seat]! }
}
