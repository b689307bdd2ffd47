import EntenteCore
import EntenteServer
import EntenteWorkshop
import EntenteWorkshopBots
import Foundation
import Testing

/// The privacy test over the wire: a scripted game on a real server, every frame every
/// participant receives recorded as the bytes that arrived, and none of them may carry
/// another actor's private figure or text, a response still sealed, or a message addressed
/// to others, until the facilitator reveals the table.
@Suite(.serialized) struct PrivacyFrameTests {
    /// The four-futures scenario with every actor's private figures made unmistakable: each
    /// salience, value, margin and link weight ends in a five-digit fraction `.AAIOK` unique
    /// to the actor (AA = 31 + its index), the issue or link, the option and the kind of
    /// figure; each note and role brief reads `secret-…-of-ACTOR…`. (Red lines are option
    /// ids, which the structural check covers: no other actor's interests at all.)
    static func markedScenario() throws -> (scenario: Scenario, secrets: [String: [String]]) {
        var scenario = try ScenarioLoader.load(path: LiveServer.repository.appendingPathComponent("Data/training/four-futures.yaml").path)
        var secrets: [String: [String]] = [:]
        func mark(_ actor: Int, _ item: Int, _ option: Int, _ kind: Int) -> Double {
            let digits = "\(31 + actor)\(item)\(option)\(kind)"
            secrets[scenario.actors[actor].id, default: []].append("." + digits)
            return Double("0." + digits)!
        }
        for a in scenario.actors.indices {
            let id = scenario.actors[a].id
            for (i, issue) in scenario.issues.enumerated() {
                guard var interest = scenario.actors[a].interests[issue.id] else { continue }
                interest.salience = interest.salience.rounded(.down) + mark(a, i, 0, 1)
                interest.valuation = .values(Dictionary(uniqueKeysWithValues: issue.options.enumerated().map { o, option in
                    (option.id, min(98, interest.value(of: option).rounded(.down)) + mark(a, i, o, 2))
                }))
                if i == 0 { interest.minGain = mark(a, i, 0, 3) }
                interest.note = "secret-note-of-\(id)-on-\(issue.id)"
                secrets[id, default: []].append(interest.note)
                scenario.actors[a].interests[issue.id] = interest
            }
            scenario.actors[a].brief = "secret-brief-of-\(id): hold out for more"
            secrets[id, default: []].append(scenario.actors[a].brief)
            for k in scenario.actors[a].links.indices {
                let points = scenario.actors[a].links[k].points.rounded(.down) + mark(a, k, 0, 4)
                scenario.actors[a].links[k].points = points
                scenario.actors[a].links[k].note = "secret-link-of-\(id)-\(k)"
                secrets[id, default: []].append(scenario.actors[a].links[k].note)
            }
        }
        return (scenario, secrets)
    }

    static let delegations = ["us", "china", "india", "kenya"]

    @Test func noFrameCarriesAnotherActorsPrivateData() async throws {
        let (scenario, marked) = try Self.markedScenario()
        var secrets = marked
        var plan = TablePlan()
        plan.engineActors = ["kenya"]
        plan.observers = 1
        let server = try await LiveServer.start(scenario: scenario, file: "four-futures-marked.yaml", plan: plan)
        defer { server.remove() }
        // Each seat's connections over the game, in order (a seat rejoins now and then).
        var connections: [String: [FrameRecorder]] = [:]
        for seat in ["facilitator", "observer1"] + Self.delegations { connections[seat] = [try await server.join(seat)] }
        func current(_ seat: String) -> FrameRecorder { connections[seat]!.last! }
        var commandNumber = 0
        func run(_ seat: String, _ command: TableCommand, refused: Bool = false) async throws {
            commandNumber += 1
            let id = "c\(commandNumber)"
            current(seat).client.send(.command(id: id, command: command))
            try await current(seat).wait(for: "the answer to \(seat)'s \(command)") { $0.isAck(id) || (refused && $0.isError(.forbidden, id: id)) || (refused && $0.isError(.invalid, id: id)) || (refused && $0.isError(.notNow, id: id)) }
            server.clock.advance(3)
        }
        func rejoin(_ seat: String) async throws {
            let old = current(seat)
            connections[seat]!.append(try await server.join(seat, resumeAfter: old.all.compactMap { $0.frame?.eventSeq ?? $0.frame?.welcomeSeq }.max()))
            try await old.waitForEnd()
        }

        try await run("facilitator", .startRound(seconds: nil))
        try await run("us", .propose(package: TablePackage(["dida": "d10-core"]), to: .everyone, counterTo: nil))
        try await run("china", .propose(package: TablePackage(["dida": "open-accession", "finance": "dac-fund"]), to: .seats(["india"]), counterTo: nil))
        try await run("india", .respond(proposal: 1, answer: .accept))
        try await run("china", .respond(proposal: 1, answer: .reject))
        try await run("us", .message(to: .seats(["india"]), text: "private-us-to-india"))
        try await run("india", .message(to: .everyone, text: "statement-of-india"))
        try await run("us", .respond(proposal: 2, answer: .accept), refused: true)
        try await run("india", .propose(package: TablePackage(["dida": "open-accession", "semis": "partner-pool", "finance": "dac-fund"]), to: .everyone, counterTo: 1))
        try await run("facilitator", .callVote(proposal: 3))
        try await run("facilitator", .injectFuture(future: "multipolar-internationalist", to: .seats(["kenya"])))
        try await run("facilitator", .editActor(actor: "china", edit: .salience(issue: "finance", salience: 2.39996), to: .seats(["china"])))
        secrets["china", default: []].append(".39996")
        try await run("china", .message(to: .seats(["us", "facilitator"]), text: "private-china-to-us"))
        try await rejoin("india")
        try await run("us", .withdraw(proposal: 1))
        try await run("facilitator", .closeRound)
        try await run("facilitator", .broadcast(text: "broadcast-round-two"))
        try await run("facilitator", .startRound(seconds: 120))
        try await run("us", .respond(proposal: 3, answer: .accept), refused: true)
        try await run("china", .respond(proposal: 3, answer: .reject), refused: true)
        try await run("facilitator", .message(to: .seats(["china"]), text: "private-facilitator-to-china"))
        try await rejoin("us")
        try await run("china", .respond(proposal: 3, answer: .accept), refused: true)
        try await run("facilitator", .closeRound)
        for seat in Self.delegations { try await rejoin(seat) }
        // Every seat asks for its debrief of the table so far, which the server builds from
        // the whole log: a delegation's must hold only what it may see.
        for seat in ["facilitator", "observer1"] + Self.delegations {
            let from = current(seat).all.count
            current(seat).client.send(.debrief)
            try await current(seat).wait(from: from, for: "\(seat)'s debrief") { if case .debrief = $0 { true } else { false } }
        }
        try await run("facilitator", .reveal)
        try await run("us", .message(to: .seats(["china"]), text: "private-after-reveal"))
        // A ping after the last ack: its pong comes after every frame the table queued.
        for recorders in connections.values {
            recorders.last!.client.send(.ping)
            try await recorders.last!.wait { if case .pong = $0 { true } else { false } }
        }

        var decoded = 0
        var checkedBeforeReveal = 0
        var leaks: [String] = []
        for (seat, recorders) in connections {
            for recorder in recorders {
                var revealed = false
                for received in recorder.all {
                    let frame = try #require(received.frame, "\(seat) got a frame that does not decode: \(received.text)")
                    decoded += 1
                    if case .event(_, let event) = frame, case .revealed = event.fact { revealed = true }
                    if case .welcome(_, let table, _, _) = frame, table.revealed { revealed = true }
                    guard let actor = scenario.actors.first(where: { $0.id == seat })?.id, !revealed else { continue }
                    checkedBeforeReveal += 1
                    leaks += Self.leaks(in: received, to: seat, actor: actor, secrets: secrets)
                }
            }
        }
        #expect(leaks.isEmpty, "\(leaks.count) leaks: \(leaks.prefix(10))")
        // The marks are there to be found: the facilitator was sent every actor's.
        let facilitatorFrames = connections["facilitator"]!.flatMap(\.all)
        let facilitatorText = facilitatorFrames.map(\.text).joined()
        for (actor, texts) in secrets { for secret in texts { #expect(facilitatorText.contains(secret), "the facilitator never saw \(actor)'s \(secret)") } }
        #expect(facilitatorText.contains("private-us-to-india"))
        // And the check finds them: the facilitator's frames, had they gone to us, leak
        // every other actor's marks, the messages us was not party to and sealed responses.
        let wouldLeak = facilitatorFrames.flatMap { Self.leaks(in: $0, to: "us", actor: "us", secrets: secrets) }
        for found in ["china's secret-brief-of-china", "india's .3", "'private-facilitator-to-china'", "china's sealed response"] {
            #expect(wouldLeak.contains { $0.contains(found) }, "the check misses \(found)")
        }
        let debriefs = connections.values.flatMap { $0.flatMap(\.all) }.filter { if case .debrief? = $0.frame { true } else { false } }.count
        #expect(debriefs == 6, "every seat's debrief was decoded and checked")
        print("privacy: \(decoded) frames decoded (\(debriefs) of them debriefs), \(checkedBeforeReveal) of them sent to delegations before the reveal checked, no leak; the same check finds \(wouldLeak.count) in the facilitator's frames read as us's")
        #expect(decoded > 150, "the scripted game sends every seat its frames")
        await server.stop()
    }

    /// Private texts of the game and the seats that may see each.
    static let privateTexts: [(text: String, seesIt: Set<String>)] = [
        ("private-us-to-india", ["us", "india"]), ("private-china-to-us", ["china", "us"]),
        ("private-facilitator-to-china", ["china"]),
    ]

    /// What in one frame sent to `seat` (playing `actor`) that seat may not see, in words:
    /// any other actor's marked figure or text, a private message it was not party to, and
    /// (by the frame's structure) another actor's stance, a sealed response or message of
    /// others, another actor's edited figures.
    static func leaks(in received: ProtocolClient.Received, to seat: String, actor: String, secrets: [String: [String]]) -> [String] {
        var found: [String] = []
        for (other, texts) in secrets where other != actor {
            for secret in texts where received.text.contains(secret) { found.append("\(seat) was sent \(other)'s \(secret)") }
        }
        for (text, audience) in privateTexts where !audience.contains(seat) && received.text.contains(text) {
            found.append("\(seat) was sent '\(text)'")
        }
        if let frame = received.frame { found += structuralLeaks(frame, for: seat, actor: actor) }
        return found
    }

    /// What a delegation's frame may hold, by its structure: a scenario with no other
    /// actor's stance, no response of another seat before its round closed, no message it
    /// neither sent nor received, no figures of another actor's edited stance.
    static func structuralLeaks(_ frame: ServerFrame, for seat: String, actor: String) -> [String] {
        var found: [String] = []
        func checkScenario(_ scenario: Scenario) {
            for other in scenario.actors where other.id != actor && !(other.interests.isEmpty && other.links.isEmpty) {
                found.append("\(seat) was sent \(other.id)'s stance")
            }
        }
        switch frame {
        case .welcome(_, let table, let scenario, _):
            checkScenario(scenario.scenario)
            for message in table.messages where !(message.from == seat || message.to.includes(seat)) { found.append("\(seat)'s welcome holds message \(message.id)") }
        case .scenarioChanged(let scenario):
            checkScenario(scenario.scenario)
        case .event(_, let event):
            switch event.fact {
            case .responded(let response) where response.seat != seat: found.append("\(seat) was sent \(response.seat)'s sealed response")
            case .messaged(let message) where !(message.from == seat || message.to.includes(seat)): found.append("\(seat) was sent message \(message.id)")
            case .actorEdited(let edited, let edit, _) where edited != actor && edit != nil: found.append("\(seat) was sent the figures of \(edited)'s edit")
            default: break
            }
        default:
            break
        }
        return found
    }
}
