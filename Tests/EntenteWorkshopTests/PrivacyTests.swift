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
        let actors = scenario.actors.map(\.id)
        let secrets = actors.indices.map { Set(MarkedScenario.secrets(of: $0, in: scenario) + MarkedScenario.secrets(of: $0, in: table.scenario)) }
        #expect(secrets.allSatisfy { $0.count >= 8 }, "every actor has figures and notes to leak")
        #expect(secrets[0].contains("3.11996"), "the facilitator's edit of the US stance is a US secret")
        var messages: [String: Set<String>] = [:]
        for event in log {
            if case .messaged(let message) = event.fact, case .seats(let to) = message.to { messages[message.text] = Set(to + [message.from]) }
        }
        #expect(messages.count == 4)
        var decoded = 0
        var checked = 0
        var revealedCarry = false
        for frame in sent {
            let value = try WireJSON.decode(ServerFrame.self, from: frame.json)
            decoded += 1
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
        #expect(revealedCarry, "after the reveal a delegation is sent the others' stances: the search would see a leak")
        #expect(decoded == sent.count && checked > 150)
        print("privacy test: decoded \(decoded) frames (\(checked) to delegations before the reveal) from \(log.count) events")
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
        case .ack, .error, .pong:
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
