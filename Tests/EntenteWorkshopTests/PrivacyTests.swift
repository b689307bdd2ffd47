import EntenteCore
import EntenteSession
import EntenteWorkshop
import Foundation
import Testing

/// The privacy test: every frame sent to every seat in a scripted game (PrivacyGame),
/// decoded from its JSON, and searched for every other actor's private figures and texts,
/// the messages addressed to others and the responses still sealed.
@Suite struct PrivacyTests {
    @Test func noFrameCarriesAnotherActorsPrivateData() throws {
        let scenario = try MarkedScenario.make()
        let (table, log, sent) = try PrivacyGame.play(scenario)
        let counts = try check(table: table, log: log, sent: sent, scenario: scenario)
        #expect(counts.revealedCarry, "after the reveal a delegation is sent the others' stances: the search would see a leak")
        #expect(counts.messages == 4 && counts.checked > 150)
        print("privacy test: decoded \(counts.decoded) frames (\(counts.checked) to delegations before the reveal) from \(log.count) events")
    }

    /// Random games, most commands refused, every frame checked the same way.
    @Test(arguments: [1, 2, 3] as [UInt64]) func randomGamesLeakNothing(seed: UInt64) throws {
        let scenario = try MarkedScenario.make()
        let steps = PrivacyGame.randomSteps(scenario, seed: seed, count: 200)
        let (table, log, sent) = try PrivacyGame.play(scenario, steps: steps, welcomeEvery: 25)
        let counts = try check(table: table, log: log, sent: sent, scenario: scenario)
        #expect(log.count > 30 && counts.checked > 150, "the game went somewhere: \(log.count) events")
        print("privacy test, random game \(seed): decoded \(counts.decoded) frames (\(counts.checked) to delegations) from \(log.count) events")
    }

    /// Decodes every frame and fails on any other actor's figure or note, any message to
    /// others, any sealed answer of another seat, any stance but the seat's own.
    private func check(table: Table, log: [TableEvent], sent: [PrivacyGame.Sent], scenario: Scenario)
        throws -> (decoded: Int, checked: Int, messages: Int, revealedCarry: Bool) {
        let actors = scenario.actors.map(\.id)
        // Every scenario the table was in: an edit's figure stays a secret after a later edit.
        var replay = Table(setup: table.setup)
        var states = [scenario]
        for event in log {
            replay.apply(event)
            if replay.scenario != states.last { states.append(replay.scenario) }
        }
        let written = states.map { ($0, ScenarioWriter.yaml($0)) }
        let secrets = actors.indices.map { actor in Set(written.flatMap { MarkedScenario.secrets(of: actor, in: $0.0, yaml: $0.1) }) }
        #expect(secrets.allSatisfy { $0.count >= 8 }, "every actor has figures and notes to leak")
        var messages: [String: Set<String>] = [:]
        for event in log {
            if case .messaged(let message) = event.fact, case .seats(let to) = message.to { messages[message.text] = Set(to + [message.from]) }
            if case .actorEdited(let actor, .salience(_, let salience)?, _) = event.fact {
                #expect(secrets[actors.firstIndex(of: actor)!].contains(String(salience)), "an edited salience is its actor's secret")
            }
        }
        var decoded = 0
        var checked = 0
        var revealedCarry = false
        // Each seat's view as its client reduces it from the frames: at every rejoin it is
        // the snapshot the server sends, and the facilitator's is the table's own.
        var views: [String: SeatTable] = [:]
        for frame in sent {
            let value = try WireJSON.decode(ServerFrame.self, from: frame.json)
            decoded += 1
            switch value {
            case .welcome(_, let snapshot, _, _):
                if let view = views[frame.seat] { #expect(view == snapshot, "\(frame.seat)'s reduced view is its snapshot") } else { views[frame.seat] = snapshot }
            case .event(_, let event):
                views[frame.seat]?.apply(event)
            default:
                break
            }
            let seat = try #require(table.seat(frame.seat))
            guard let own = seat.actor else { continue }
            let text = String(decoding: frame.json, as: UTF8.self)
            if frame.revealed {
                revealedCarry = revealedCarry || secrets[actors.firstIndex(of: own) == 0 ? 1 : 0].contains(where: text.contains)
                continue
            }
            checked += 1
            for (index, actor) in actors.enumerated() where actor != own {
                for secret in secrets[index] { #expect(!text.contains(secret), "\(frame.seat) was sent \(actor)'s \(secret): \(text.prefix(300))") }
            }
            #expect(!text.contains("future-note-"), "a future's note is the facilitator's")
            for (message, allowed) in messages where !allowed.contains(frame.seat) {
                #expect(!text.contains(message), "\(frame.seat) was sent \(message)")
            }
            try checkStructure(value, seat: seat)
        }
        #expect(decoded == sent.count)
        #expect(views["facilitator"] == table.board, "the facilitator sees the table as it is")
        return (decoded, checked, messages.count, revealedCarry)
    }

    /// What the frame says, decoded: other actors' stances empty, sealed responses and
    /// others' stance edits absent.
    private func checkStructure(_ frame: ServerFrame, seat: TableSeat) throws {
        switch frame {
        case .welcome(_, let view, let document, _):
            checkScenario(document.scenario, seat: seat)
            for state in view.proposals {
                #expect(state.proposal.author == seat.id || state.proposal.to.includes(seat.id), "\(seat.id) sees proposal \(state.proposal.id)")
            }
        case .scenarioChanged(let document):
            checkScenario(document.scenario, seat: seat)
        case .event(_, let event):
            switch event.fact {
            case .responded(let response): #expect(response.seat == seat.id, "\(seat.id) saw \(response.seat)'s sealed response")
            case .actorEdited(let actor, let edit, _): #expect(actor == seat.actor || edit == nil, "\(seat.id) saw the edit of \(actor)")
            default: break
            }
        case .ack, .error, .pong, .debrief:
            break
        }
    }

    private func checkScenario(_ scenario: Scenario, seat: TableSeat) {
        for actor in scenario.actors where actor.id != seat.actor {
            #expect(actor.interests.isEmpty && actor.links.isEmpty, "\(seat.id) was sent \(actor.id)'s stance")
        }
        for future in scenario.futures {
            let keys = Set(future.salience.keys).union(future.values.keys).union(future.redLinesAdded.keys).union(future.redLinesRemoved.keys).union(future.links.keys)
            #expect(keys.subtracting([seat.actor!]).isEmpty && future.note.isEmpty, "\(seat.id) was sent \(future.id)'s changes for \(keys)")
        }
    }

    @Test func theGameWentAsScripted() throws {
        let (table, _, _) = try PrivacyGame.play(try MarkedScenario.make())
        #expect(table.board.round == 2 && table.board.revealed)
        #expect(table.board.proposal(1)?.status == .withdrawn)
        #expect(table.board.proposal(1)?.responses["kenya"] != nil && table.board.proposal(3)?.responses["kenya"] != nil, "the engine answered for kenya")
        #expect(table.board.proposal(2)?.responses["kenya"] == nil, "proposal 2 went to india alone")
    }
}
