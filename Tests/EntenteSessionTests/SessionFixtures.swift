import EntenteCore
import EntenteSession
import Foundation
import EntenteTestSupport

/// The training scenario with three delegations (us, eu, india), given a link and a future
/// of each actor's own so that every kind of private data is there to leak.
enum SessionFixtures {
    static func scenario() throws -> Scenario {
        var scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent("Data/training/cables-and-chips.yaml").path)
        for index in scenario.actors.indices {
            let id = scenario.actors[index].id
            scenario.actors[index].links = [Link(
                when: [LinkCondition(issue: "cables", options: ["open-consortium"]), LinkCondition(issue: "chips", options: ["allied-pool"])],
                points: 7, note: "link-note-of-\(id)")]
        }
        let ids = scenario.actors.map(\.id)
        scenario.futures = [Future(
            id: "split", name: "A split world", description: "Blocs harden.", note: "future-note",
            capability: Dictionary(uniqueKeysWithValues: ids.map { ($0, 1.5) }),
            salience: Dictionary(uniqueKeysWithValues: ids.map { ($0, ["chips": 0.5]) }),
            tilt: Dictionary(uniqueKeysWithValues: ids.map { ($0, 10) }),
            links: Dictionary(uniqueKeysWithValues: ids.map { ($0, [Link(when: [LinkCondition(issue: "cables", options: ["open-consortium"]),
                                                                            LinkCondition(issue: "chips", options: ["open-market"])], points: -3, note: "future-link-of-\($0)")]) }))]
        return scenario
    }

    static let facilitator = Seat.solo
    static func delegation(_ actor: String) -> Seat { Seat(id: "seat-\(actor)", role: .delegation(actor)) }
    static let observer = Seat(id: "watcher", role: .observer)

    static func session() throws -> Session {
        let scenario = try scenario()
        return Session(scenario: scenario, seats: [facilitator, observer] + scenario.actors.map { delegation($0.id) })
    }
}
