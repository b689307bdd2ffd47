import EntenteCore
import EntenteSession
import EntenteWorkshop
import Foundation
import EntenteTestSupport

/// The four-futures training scenario with every private figure and text made unmistakable:
/// each actor's saliences, values, margins, link points and its futures' changes carry a
/// fraction `.AAIOK` (AA = 11 + the actor's index), and every note names its actor, so a
/// frame that carries another actor's private data can be caught by text.
enum MarkedScenario {
    static func make() throws -> Scenario {
        var scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent("Data/training/four-futures.yaml").path)
        for a in scenario.actors.indices {
            let id = scenario.actors[a].id
            for (i, issue) in scenario.issues.enumerated() {
                guard var interest = scenario.actors[a].interests[issue.id] else { continue }
                interest.salience = interest.salience.rounded(.down) + mark(a, i, 0, 1)
                interest.valuation = .values(Dictionary(uniqueKeysWithValues: issue.options.enumerated().map { o, option in
                    (option.id, min(99, interest.value(of: option).rounded(.down)) + mark(a, i, o, 2))
                }))
                interest.minGain = i == 0 ? mark(a, i, 0, 3) : nil
                interest.note = "note-of-\(id)-on-\(issue.id)"
                scenario.actors[a].interests[issue.id] = interest
            }
            for k in scenario.actors[a].links.indices {
                scenario.actors[a].links[k].points = scenario.actors[a].links[k].points.rounded(.down) + mark(a, k, 0, 4)
                scenario.actors[a].links[k].note = "link-note-of-\(id)-\(k)"
            }
        }
        for f in scenario.futures.indices {
            scenario.futures[f].note = "future-note-\(scenario.futures[f].id)"
            for (a, actor) in scenario.actors.enumerated() {
                if scenario.futures[f].tilt[actor.id] != nil { scenario.futures[f].tilt[actor.id] = 10 + mark(a, f, 0, 5) }
                if let deltas = scenario.futures[f].salience[actor.id] {
                    scenario.futures[f].salience[actor.id] = deltas.mapValues { $0.rounded(.down) + mark(a, f, 1, 5) }
                }
                if let values = scenario.futures[f].values[actor.id] {
                    scenario.futures[f].values[actor.id] = values.mapValues { $0.mapValues { $0.rounded(.down) + mark(a, f, 2, 5) } }
                }
                if let links = scenario.futures[f].links[actor.id] {
                    scenario.futures[f].links[actor.id] = links.enumerated().map { k, link in
                        var marked = link
                        marked.points = link.points.rounded(.down) + mark(a, f, 3 + k, 5)
                        marked.note = "future-link-note-of-\(actor.id)-\(f)"
                        return marked
                    }
                }
            }
        }
        return scenario
    }

    /// `.AAIOK`: actor, issue (or future, or link), option, kind of figure.
    static func mark(_ actor: Int, _ issue: Int, _ option: Int, _ kind: Int) -> Double {
        Double("0.\(11 + actor)\(issue)\(option)\(kind)")!
    }

    /// The texts that give away `actor`'s private data: its figures as the scenario file
    /// writes them, and its notes.
    static func secrets(of actor: Int, in scenario: Scenario) -> [String] {
        secrets(of: actor, in: scenario, yaml: ScenarioWriter.yaml(scenario))
    }

    static func secrets(of actor: Int, in scenario: Scenario, yaml: String) -> [String] {
        let fraction = "\(11 + actor)"
        let figures = yaml.split(whereSeparator: { !"0123456789.-".contains($0) }).map(String.init)
            .filter { $0.contains(".\(fraction)") && $0.split(separator: ".").last?.count == 5 }
        let id = scenario.actors[actor].id
        let notes = yaml.split(whereSeparator: { !"abcdefghijklmnopqrstuvwxyz0123456789-".contains($0) }).map(String.init)
            .filter { $0.hasPrefix("note-of-\(id)-") || $0.hasPrefix("link-note-of-\(id)-") || $0.hasPrefix("future-link-note-of-\(id)-") }
        return Array(Set(figures + notes)).sorted()
    }
}

/// A scripted game of two rounds on the marked scenario: public and private proposals, a
/// counter-proposal, sealed responses, private messages and public statements, a future
/// injected privately, stance edits announced privately and to all, an engine-played seat,
/// refused commands, a call to vote, a withdrawal, then the reveal.
enum PrivacyGame {
    static let seats = ["facilitator", "observer", "us", "china", "india", "kenya"]

    static func setup(_ scenario: Scenario) -> TableSetup {
        var setup = TableSetup.standard(scenario, roundSeconds: 600)
        setup.seats.append(TableSeat(id: "observer", role: .observer))
        if let kenya = setup.seats.firstIndex(where: { $0.id == "kenya" }) { setup.seats[kenya].player = .engine }
        return setup
    }

    static let script: [(seat: String, command: TableCommand)] = [
        ("us", .propose(package: TablePackage(["dida": "d10-core"]), to: .everyone, counterTo: nil)),
        ("facilitator", .startRound(seconds: nil)),
        ("us", .propose(package: TablePackage(["dida": "d10-core", "semis": "partner-pool"]), to: .everyone, counterTo: nil)),
        ("china", .propose(package: TablePackage(["dida": "open-accession", "finance": "dac-fund"]), to: .seats(["india"]), counterTo: nil)),
        ("india", .respond(proposal: 1, answer: .accept)),
        ("china", .respond(proposal: 1, answer: .reject)),
        ("us", .message(to: .seats(["india"]), text: "private-us-to-india")),
        ("india", .message(to: .everyone, text: "statement-of-india")),
        ("india", .respond(proposal: 2, answer: .accept)),
        ("us", .respond(proposal: 2, answer: .accept)),
        ("kenya", .respond(proposal: 2, answer: .accept)),
        ("india", .propose(package: TablePackage(["dida": "open-accession", "semis": "partner-pool", "finance": "dac-fund"]), to: .everyone, counterTo: 2)),
        ("facilitator", .callVote(proposal: 3)),
        ("facilitator", .injectFuture(future: "multipolar-internationalist", to: .seats(["kenya"]))),
        ("facilitator", .editActor(actor: "china", edit: .redLine(issue: "dida", option: "d10-core", on: false), to: .seats(["china"]))),
        ("facilitator", .editActor(actor: "us", edit: .salience(issue: "finance", salience: 3 + MarkedScenario.mark(0, 9, 9, 6)), to: .everyone)),
        ("china", .message(to: .seats(["us", "facilitator"]), text: "private-china-to-us")),
        ("us", .withdraw(proposal: 1)),
        ("china", .respond(proposal: 1, answer: .accept)),
        ("us", .closeRound),
        ("observer", .message(to: .everyone, text: "observer-speaks")),
        ("facilitator", .closeRound),
        ("facilitator", .broadcast(text: "broadcast-round-two")),
        ("facilitator", .startRound(seconds: 120)),
        ("us", .respond(proposal: 3, answer: .accept)),
        ("china", .respond(proposal: 3, answer: .accept)),
        ("facilitator", .message(to: .seats(["china"]), text: "private-facilitator-to-china")),
        ("facilitator", .reassignSeat(seat: "india", player: .engine)),
        ("facilitator", .closeRound),
        ("facilitator", .reveal),
        ("us", .message(to: .seats(["china"]), text: "private-after-reveal")),
    ]

    /// One frame as a seat received it, with whether the table had been revealed by then.
    struct Sent {
        let seat: String
        let json: Data
        let revealed: Bool
    }

    /// Plays `steps` (the script unless given; the engine answering after every move, the
    /// clock closing a round whose time is up) and returns every frame sent to every seat:
    /// the welcome of each seat joining before the game and rejoining after every
    /// `welcomeEvery`-th event, every event and scenario change, every ack and error, all as
    /// JSON.
    static func play(_ scenario: Scenario, steps: [(seat: String, command: TableCommand, seconds: Double)]? = nil,
                     welcomeEvery: Int = 1) throws -> (table: Table, log: [TableEvent], sent: [Sent]) {
        let setup = setup(scenario)
        var table = Table(setup: setup)
        var log: [TableEvent] = []
        var sent: [Sent] = []
        func welcomeAll() throws {
            for seat in seats {
                let welcome = try require(Table.welcome(for: seat, setup: setup, replaying: log, lastSeq: log.count))
                sent.append(Sent(seat: seat, json: try WireJSON.encode(welcome), revealed: table.board.revealed))
            }
        }
        func record(_ events: [TableEvent]) throws {
            for event in events {
                log.append(event)
                for (seat, frames) in table.applyAndFrame(event, seq: log.count) {
                    for frame in frames { sent.append(Sent(seat: seat, json: try WireJSON.encode(frame), revealed: table.board.revealed)) }
                }
                if log.count % welcomeEvery == 0 { try welcomeAll() }
            }
        }
        try welcomeAll()
        var time = 1000.0
        for (index, step) in (steps ?? script.map { ($0.seat, $0.command, 5) }).enumerated() {
            time += step.seconds
            try record(table.expiry(at: time))
            let frame: ServerFrame
            switch Result(catching: { () throws(TableError) in try table.decide(step.command, from: step.seat, at: time) }) {
            case .success(let events):
                try record(events)
                frame = .ack(id: "cmd-\(index)")
            case .failure(let error):
                frame = .error(id: "cmd-\(index)", code: error.code, message: error.message)
            }
            sent.append(Sent(seat: step.seat, json: try WireJSON.encode(frame), revealed: table.board.revealed))
            for (seat, command) in EngineSeat.commands(for: table, at: time) {
                try record(try table.decide(command, from: seat, at: time))
            }
        }
        try welcomeAll()
        return (table, log, sent)
    }

    /// `count` commands drawn at random (seeded) from every kind, by every seat, with
    /// packages, audiences, proposal numbers and times drawn too: most are refused, which is
    /// the point; the reveal is left out so that every frame is checked.
    static func randomSteps(_ scenario: Scenario, seed: UInt64, count: Int) -> [(seat: String, command: TableCommand, seconds: Double)] {
        var random = SplitMix64(seed: seed)
        let delegations = scenario.actors.map(\.id)
        func package() -> TablePackage {
            TablePackage(Dictionary(uniqueKeysWithValues: scenario.issues.compactMap { issue in
                Bool.random(using: &random) ? (issue.id, issue.options.randomElement(using: &random)!.id) : nil
            }))
        }
        func audience() -> Audience {
            Int.random(in: 0..<3, using: &random) == 0 ? .everyone : .seats(Array(Set((0..<Int.random(in: 1...3, using: &random)).map { _ in seats.randomElement(using: &random)! })).sorted())
        }
        return (0..<count).map { n in
            let proposal = Int.random(in: 1...max(1, n / 3), using: &random)
            let actor = delegations.randomElement(using: &random)!
            let commands: [TableCommand] = [
                .propose(package: package(), to: audience(), counterTo: Bool.random(using: &random) ? proposal : nil),
                .respond(proposal: proposal, answer: Bool.random(using: &random) ? .accept : .reject),
                .respond(proposal: proposal, answer: .accept),
                .withdraw(proposal: proposal),
                .message(to: audience(), text: "random-message-\(seed)-\(n)-end"),
                .startRound(seconds: Double(Int.random(in: 30...300, using: &random))),
                .pause, .resume, .extend(seconds: 30), .closeRound, .callVote(proposal: proposal),
                .injectFuture(future: scenario.futures.randomElement(using: &random)!.id, to: audience()),
                .editActor(actor: actor, edit: .redLine(issue: scenario.issues.randomElement(using: &random)!.id, option: scenario.issues[0].options.randomElement(using: &random)!.id, on: Bool.random(using: &random)), to: audience()),
                .editActor(actor: actor, edit: .salience(issue: scenario.issues.randomElement(using: &random)!.id, salience: 1 + MarkedScenario.mark(delegations.firstIndex(of: actor)!, 9, n % 10, 7)), to: audience()),
                .reassignSeat(seat: delegations.randomElement(using: &random)!, player: Bool.random(using: &random) ? .engine : .person),
                .resetSeat(seat: seats.randomElement(using: &random)!),
                .broadcast(text: "random-broadcast-\(n)"),
            ]
            let command = commands.randomElement(using: &random)!
            let seat = command.isFacilitators && Int.random(in: 0..<4, using: &random) > 0 ? "facilitator" : seats.randomElement(using: &random)!
            return (seat, command, Double(Int.random(in: 1...40, using: &random)))
        }
    }
}

private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw PrivacyGameError() }
    return value
}

private struct PrivacyGameError: Error {}
