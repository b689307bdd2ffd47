import EntenteCore
@testable import EntenteWorkshop
import Testing

/// The engine at an unplayed delegation accepts exactly when its actor gains (more than its
/// margin, no red line of its own hit), in the scenario in force. Figures from TableFixtures;
/// governance=state-led alone: us (3·0 + 60)/4 = 15 (−37.5), china (90 + 3·40)/4 = 52.5
/// (+10), eu (20 + 50)/2 = 35 (−15), tech-community 20 (−40).
@Suite struct EngineSeatTests {
    func table(engine seats: [String]) throws -> Table {
        var setup = try TableFixtures.setup()
        for index in setup.seats.indices where seats.contains(setup.seats[index].id) { setup.seats[index].player = .engine }
        var table = Table(setup: setup)
        try table.run(.startRound(seconds: nil), from: TableFixtures.facilitator, at: 1000)
        return table
    }

    func answers(_ table: Table, at time: Double = 1010) -> [String] {
        EngineSeat.commands(for: table, at: time).map { "\($0.seat) \($0.command)" }
    }

    @Test func theEngineAcceptsWhatItGainsFrom() throws {
        var table = try table(engine: ["china", "eu", "tech-community"])
        try table.run(.propose(package: TableFixtures.bargain, to: .everyone, counterTo: nil), from: "us", at: 1005)
        try table.run(.propose(package: TablePackage(["governance": "state-led"]), to: .seats(["eu", "tech-community"]), counterTo: nil), from: "china", at: 1006)
        #expect(answers(table) == [
            "china respond(proposal: 1, answer: EntenteWorkshop.Answer.accept)",
            "eu respond(proposal: 1, answer: EntenteWorkshop.Answer.accept)",
            "tech-community respond(proposal: 1, answer: EntenteWorkshop.Answer.accept)",
            "eu respond(proposal: 2, answer: EntenteWorkshop.Answer.reject)",
            "tech-community respond(proposal: 2, answer: EntenteWorkshop.Answer.reject)",
        ])
        for (seat, command) in EngineSeat.commands(for: table, at: 1010) { try table.run(command, from: seat, at: 1010) }
        #expect(answers(table).isEmpty, "nothing more to say")
        #expect(answers(table, at: 1300).isEmpty && EngineSeat.commands(for: Table(setup: table.setup), at: 1010).isEmpty, "no round, no answers")
    }

    @Test func theEngineChangesItsAnswerWhenTheScenarioChanges() throws {
        var table = try table(engine: ["eu", "tech-community"])
        try table.run(.propose(package: TableFixtures.bargain, to: .seats(["eu", "tech-community"]), counterTo: nil), from: "us", at: 1005)
        for (seat, command) in EngineSeat.commands(for: table, at: 1010) { try table.run(command, from: seat, at: 1010) }
        // A red line on reinforced keeps tech out though it gains 40; eu's value 0 for
        // g7-and-lmic makes its gain (80 + 0)/2 − 50 = −10.
        try table.run(.editActor(actor: "tech-community", edit: .redLine(issue: "governance", option: "reinforced", on: true), to: .everyone), from: TableFixtures.facilitator, at: 1020)
        try table.run(.editActor(actor: "eu", edit: .value(issue: "seats", option: "g7-and-lmic", value: 0), to: .everyone), from: TableFixtures.facilitator, at: 1021)
        #expect(answers(table, at: 1030) == [
            "eu respond(proposal: 1, answer: EntenteWorkshop.Answer.reject)",
            "tech-community respond(proposal: 1, answer: EntenteWorkshop.Answer.reject)",
        ])
    }

    @Test func aPersonsSeatIsNotTheEngines() throws {
        var table = try table(engine: [])
        try table.run(.propose(package: TableFixtures.bargain, to: .everyone, counterTo: nil), from: "us", at: 1005)
        #expect(answers(table).isEmpty)
        try table.run(.reassignSeat(seat: "eu", player: .engine), from: TableFixtures.facilitator, at: 1006)
        #expect(answers(table) == ["eu respond(proposal: 1, answer: EntenteWorkshop.Answer.accept)"])
    }
}
