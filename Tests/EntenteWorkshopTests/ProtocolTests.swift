import EntenteCore
import EntenteSession
@testable import EntenteWorkshop
import Foundation
import Testing

/// The first checks of the table's protocol: a round, a proposal, a sealed response, the
/// agreement at the close, and frames through JSON.
@Suite struct ProtocolTests {
    @Test func aSealedBargainBecomesAnAgreementWhenTheRoundCloses() throws {
        var table = try TableFixtures.running()
        let proposed = try table.run(.propose(package: TableFixtures.bargain, to: .everyone, counterTo: nil), from: "us", at: 1010)
        #expect(proposed.map(\.fact) == [.proposed(Proposal(id: 1, author: "us", actor: "us", package: TableFixtures.bargain, to: .everyone, counterTo: nil, round: 1))])
        let accepted = try table.run(.respond(proposal: 1, answer: .accept), from: "china", at: 1020)
        #expect(accepted.count == 1, "sealed: no agreement before the close")
        let closed = try table.run(.closeRound, from: TableFixtures.facilitator, at: 1100)
        let china = Response(proposal: 1, seat: "china", actor: "china", answer: .accept, round: 1)
        // us + china: capability 4 of 6 ≥ 0.5, and us is in the west grouping.
        #expect(closed.map(\.fact) == [
            .roundClosed(round: 1, unsealed: [china]),
            .agreementReached(Agreement(id: 1, proposal: 1, package: TableFixtures.bargain, members: ["us", "china"], round: 1)),
        ])
        #expect(table.board.proposal(1)?.status == .agreed(agreement: 1))
    }

    @Test func acceptancesShortOfTheRulesMakeNoAgreement() throws {
        var table = try TableFixtures.running()
        try table.run(.propose(package: TableFixtures.bargain, to: .seats(["tech-community"]), counterTo: nil), from: "eu", at: 1010)
        try table.run(.respond(proposal: 1, answer: .accept), from: "tech-community", at: 1020)
        // eu + tech: capability 2 of 6 < 0.5.
        let closed = try table.run(.closeRound, from: TableFixtures.facilitator, at: 1100)
        #expect(closed.count == 1)
        #expect(table.acceptingActors(of: 1) == ["eu", "tech-community"])
        #expect(!table.isViable(["eu", "tech-community"]) && table.isViable(["china", "eu", "tech-community"]))
        #expect(!table.isViable(["china", "tech-community"]), "capability 3 of 6 holds, but neither us nor eu is in")
    }

    @Test func openVotingAgreesAtTheAcceptance() throws {
        var table = try TableFixtures.running(voting: .open)
        try table.run(.propose(package: TableFixtures.bargain, to: .everyone, counterTo: nil), from: "china", at: 1010)
        let events = try table.run(.respond(proposal: 1, answer: .accept), from: "eu", at: 1020)
        #expect(events.last?.fact == .agreementReached(Agreement(id: 1, proposal: 1, package: TableFixtures.bargain, members: ["china", "eu"], round: 1)))
    }

    @Test func aSealedResponseIsHiddenFromTheOthersUntilTheClose() throws {
        var table = try TableFixtures.running()
        try table.run(.propose(package: TableFixtures.bargain, to: .everyone, counterTo: nil), from: "us", at: 1010)
        let response = try table.run(.respond(proposal: 1, answer: .reject), from: "china", at: 1020)[0]
        #expect(table.project(response, for: "china") != nil)
        #expect(table.project(response, for: "us") == nil && table.project(response, for: "eu") == nil)
        #expect(table.project(response, for: TableFixtures.facilitator) != nil && table.project(response, for: TableFixtures.observer) != nil)
        let close = try table.run(.closeRound, from: TableFixtures.facilitator, at: 1100)[0]
        guard case .roundClosed(_, let unsealed)? = table.project(close, for: "us")?.fact else { Issue.record("no close for us"); return }
        #expect(unsealed.map(\.seat) == ["china"])
    }

    @Test func aDelegationCannotRunTheTable() throws {
        let table = try TableFixtures.running()
        #expect(table.refusal(.closeRound, from: "us") == TableError(.forbidden, "only the facilitator can close the round"))
        #expect(table.refusal(.reveal, from: TableFixtures.observer)?.code == .forbidden)
        #expect(table.refusal(.propose(package: TableFixtures.bargain, to: .everyone, counterTo: nil), from: TableFixtures.facilitator)?.code == .forbidden)
        #expect(table.refusal(.message(to: .everyone, text: "hello"), from: "nobody") == TableError(.invalid, "no seat 'nobody' at this table"))
    }

    @Test func framesGoThroughJSONUnchanged() throws {
        var table = try TableFixtures.running()
        let events = try table.run(.propose(package: TableFixtures.bargain, to: .seats(["china", "eu"]), counterTo: nil), from: "us", at: 1010)
        let view = Table.seatTable(for: "china", setup: table.setup, replaying: [TableEvent(at: 1000, .roundStarted(round: 1, deadline: 1300))] + events)
        let seat = try #require(table.seat("china"))
        let frames: [ServerFrame] = [
            .welcome(seat: seat, table: view, scenario: ScenarioDocument(try #require(table.scenario(for: "china"))), lastSeq: 2),
            .event(seq: 2, event: try #require(table.project(events[0], for: "china"))),
            .ack(id: "c-1"), .error(id: nil, code: .forbidden, message: "no"), .pong(serverTime: 1011.5),
        ]
        for frame in frames {
            let data = try WireJSON.encode(frame)
            #expect(try WireJSON.decode(ServerFrame.self, from: data) == frame)
            #expect(try WireJSON.encode(WireJSON.decode(ServerFrame.self, from: data)) == data, "the same bytes again")
        }
        let commands: [ClientFrame] = [.hello(code: "abc", resumeAfter: 3), .hello(code: "abc", resumeAfter: nil), .ping,
                                       .command(id: "x", command: .editActor(actor: "eu", edit: .redLine(issue: "seats", option: "as-is", on: true), to: .seats(["eu"])))]
        for frame in commands { #expect(try WireJSON.decode(ClientFrame.self, from: WireJSON.encode(frame)) == frame) }
        #expect(String(decoding: try WireJSON.encode(seat), as: UTF8.self) == #"{"id":"china","player":"person","role":"delegation:china"}"#)
        #expect(throws: DecodingError.self) { try WireJSON.decode(TableSeat.self, from: Data(#"{"id":"x","player":"person","role":"king"}"#.utf8)) }
        #expect(view.proposals.map(\.proposal.id) == [1] && view.round == 1)
    }

    @Test func theSetupIsChecked() throws {
        let scenario = try TableFixtures.scenario()
        #expect(TableSetup.standard(scenario).problem == nil)
        var twice = TableSetup.standard(scenario)
        twice.seats.append(TableSeat(id: "us-2", role: .delegation("us")))
        #expect(twice.problem == "two seats play 'us'")
        var none = TableSetup.standard(scenario)
        none.seats.removeFirst()
        #expect(none.problem == "a table needs exactly one facilitator seat, this one has 0")
    }
}
