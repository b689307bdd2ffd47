import EntenteCore
import EntenteSession
@testable import EntenteWorkshop
import Foundation
import Testing

/// The debrief of a two-round game of the standards bargain, every figure worked by hand
/// (gains from TableFixtures; the nine packages of governance × seats give us and china):
///
///     governance, seats   us      china   eu     tech
///     as-is, as-is        0       0       0      0
///     as-is, g7-minimum   +5      −15     +5     0
///     as-is, g7-and-lmic  −5      +30     +10    0
///     state-led, as-is    −37.5   +10     −15    −40
///     state-led, g7-min   −32.5   −5      −10    −40
///     state-led, lmic     −42.5   +40     −5     −40
///     reinforced, as-is   +30     −5      +15    +40
///     reinforced, g7-min  +35     −20     +20    +40
///     reinforced, lmic    +25     +25     +25    +40
///
/// Only the last package has both us and china gaining, so it is their whole Pareto set and
/// their Nash and Kalai–Smorodinsky point.
@Suite struct DebriefTests {
    let facilitator = TableFixtures.facilitator
    static let stateLedLMIC = TablePackage(["governance": "state-led", "seats": "g7-and-lmic"])

    /// Round 1: us proposes the bargain to all, china accepts, eu rejects; eu proposes
    /// governance=reinforced to all and only tech accepts; us messages eu privately. Round 2:
    /// china proposes state-led + LMIC seats and us accepts it, though it loses 42.5.
    func game() throws -> (TableSetup, [TableEvent]) {
        var table = Table(setup: try TableFixtures.setup())
        var log: [TableEvent] = []
        func run(_ command: TableCommand, _ seat: String, _ time: Double) throws {
            let events = try table.decide(command, from: seat, at: time)
            events.forEach { table.apply($0) }
            log += events
        }
        try run(.startRound(seconds: nil), facilitator, 1000)
        try run(.propose(package: TableFixtures.bargain, to: .everyone, counterTo: nil), "us", 1010)
        try run(.respond(proposal: 1, answer: .accept), "china", 1020)
        try run(.respond(proposal: 1, answer: .reject), "eu", 1030)
        try run(.propose(package: TablePackage(["governance": "reinforced"]), to: .everyone, counterTo: nil), "eu", 1040)
        try run(.respond(proposal: 2, answer: .accept), "tech-community", 1050)
        try run(.respond(proposal: 2, answer: .reject), "china", 1055)
        try run(.message(to: .seats(["eu"]), text: "secret-deal-for-eu"), "us", 1060)
        try run(.closeRound, facilitator, 1100)
        try run(.startRound(seconds: 60), facilitator, 1200)
        try run(.propose(package: Self.stateLedLMIC, to: .everyone, counterTo: nil), "china", 1210)
        try run(.respond(proposal: 3, answer: .accept), "us", 1220)
        try run(.closeRound, facilitator, 1250)
        return (table.setup, log)
    }

    @Test func theFullDebriefHasEveryFigure() throws {
        let (setup, log) = try game()
        let debrief = Debrief(setup: setup, events: log, table: "table-a")
        #expect(debrief.full && debrief.rounds.map(\.round) == [1, 2])
        #expect(debrief.agreements.map(\.members) == [["us", "china"], ["us", "china"]])
        let first = debrief.agreements[0]
        #expect(first.gains.map(\.gain) == [25, 25, 25, 40] && first.gains.map(\.member) == [true, true, false, false])
        #expect(first.worseOff.isEmpty)
        let analysis = try #require(first.analysis)
        #expect(analysis.paretoEfficient && analysis.improvement == nil)
        #expect(analysis.nash == BargainingDistance(package: TableFixtures.bargain, gains: [25, 25], distance: 0))
        #expect(analysis.kalaiSmorodinsky == BargainingDistance(package: TableFixtures.bargain, gains: [25, 25], distance: 0))
        #expect(analysis.largerCoalitions == [PossiblePackage(package: TableFixtures.bargain, coalition: ["us", "china", "eu", "tech-community"], gains: [25, 25, 25, 40], viable: true)])
        #expect(analysis.holdouts.isEmpty, "eu and tech would have joined")

        let second = debrief.agreements[1]
        #expect(second.gains.map(\.gain) == [-42.5, 40, -5, -40])
        #expect(second.gains.map(\.joins) == [false, true, false, false])
        #expect(second.worseOff == ["us"])
        let worse = try #require(second.analysis)
        #expect(worse.paretoEfficient, "china's +40 is matched by no package both would join")
        // √((−42.5 − 25)² + (40 − 25)²) = √4781.25
        #expect(abs(try #require(worse.nash).distance - 4781.25.squareRoot()) < 1e-9)
        #expect(worse.holdouts == [
            HoldoutReport(actor: "eu", gain: -5, lacking: 5, redLines: [], sweetener: TablePackage(["seats": "g7-and-lmic"])),
            HoldoutReport(actor: "tech-community", gain: -40, lacking: 40, redLines: [], sweetener: TableFixtures.bargain),
        ])
        #expect(debrief.nearMisses == [NearMiss(proposal: 2, author: "eu", package: TablePackage(["governance": "reinforced"]), accepted: ["eu", "tech-community"], oneMore: ["us", "china"])])
        // Capability share: the bargain 6/6; reinforced with as-is or G7 seats 4/6, tied, in package order.
        #expect(debrief.possible?.map(\.package) == [TableFixtures.bargain, TablePackage(["governance": "reinforced"]), TablePackage(["governance": "reinforced", "seats": "g7-minimum"])])
    }

    @Test func aDelegationsDebriefShowsOnlyItsOwn() throws {
        let (setup, log) = try game()
        let china = Debrief(setup: setup, events: log, table: "table-a", for: "china")
        #expect(!china.full && china.possible == nil)
        let lines = china.rounds[0].lines.map(\.text)
        #expect(!lines.contains("tech-community accepts #2") && !lines.contains("eu rejects #1"), "others' sealed answers only at the close")
        #expect(lines.contains("round 1 closes; sealed responses shown: china accepts #1, eu rejects #1, china rejects #2, tech-community accepts #2"))
        #expect(china.agreements.map { $0.gains.map(\.actor) } == [["china"], ["china"]])
        #expect(china.agreements.map { $0.gains.map(\.gain) } == [[25], [40]])
        #expect(china.agreements.allSatisfy { $0.analysis == nil && $0.worseOff.isEmpty })
        for format in DebriefFormat.allCases {
            let text = try china.rendered(format)
            #expect(!text.contains("secret-deal-for-eu"), "\(format): a message to eu")
            #expect(!text.contains("42.5"), "\(format): us's loss")
        }
        #expect(try Debrief(setup: setup, events: log).rendered(.text).contains("secret-deal-for-eu"))
        let revealed = log + [TableEvent(at: 1300, .revealed)]
        #expect(Debrief(setup: setup, events: revealed, for: "china").full)
        #expect(Debrief(setup: setup, events: revealed, for: "china").agreements[1].worseOff == ["us"])
    }

    @Test func theRenderersAreDeterministicAndSayTheSame() throws {
        let (setup, log) = try game()
        let debrief = Debrief(setup: setup, events: log, table: "table-a")
        let json = try debrief.rendered(.json)
        #expect(json == (try Debrief(setup: setup, events: log, table: "table-a").rendered(.json)))
        #expect(try WireJSON.decode(Debrief.self, from: Data(json.utf8)) == debrief)
        let text = try debrief.rendered(.text)
        let markdown = try debrief.rendered(.md)
        for phrase in ["AGREEMENT 1 on #1: us, china agree to governance=reinforced, seats=g7-and-lmic", "Left worse off though they accepted: us.",
                       "distance 69.15", "+1:40  round 1 closes"] {
            #expect(text.contains(phrase), "text: \(phrase)")
        }
        #expect(markdown.contains("## Agreements") && markdown.contains("| us | −42.50 | yes | no |"))
        #expect(markdown.contains("\\#2 from eu"), "a line starting with # is escaped")
    }

    @Test func tablesOfOneScenarioCompare() throws {
        let (setup, log) = try game()
        let firstRound = Array(log.prefix(while: { $0.at <= 1100 }))
        let comparison = try #require(DebriefComparison([Debrief(setup: setup, events: log, table: "a"), Debrief(setup: setup, events: firstRound, table: "b")]))
        #expect(comparison.tables.map(\.agreements) == [2, 1])
        #expect(comparison.tables.map(\.memberGain) == [-2.5, 50])
        #expect(comparison.tables.map(\.paretoEfficient) == [true, true])
        #expect(comparison.tables.map(\.nearMisses) == [1, 1])
        #expect(try comparison.rendered(.md).contains("governance=state-led, seats=g7-and-lmic"))
        let text = try comparison.rendered(.text)
        #expect(text.contains("governance=state-led,") && text.contains("seats=g7-and-lmic"), "the package wraps in its column")
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("    a  ") || $0.hasPrefix("    b  ") }
        #expect(rows.count == 2 && rows.allSatisfy { DisplayWidth.of(String($0)) <= 4 + 99 + 2 + 24 }, "the package column is cut to 24 beside the headers' 99: \(rows)")
        var other = try TableFixtures.scenario()
        other.title = "Another"
        #expect(DebriefComparison([Debrief(setup: setup, events: log), Debrief(setup: TableSetup.standard(other), events: [])]) == nil)
    }
}
