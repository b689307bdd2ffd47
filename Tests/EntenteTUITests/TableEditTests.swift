import EntenteCore
import EntenteSession
@testable import EntenteTUI
import EntenteWorkbench
import Foundation
import Testing
import EntenteTestSupport

/// Capabilities and groupings edited in place, undoable and journalled through the
/// session, on Data/training/cables-and-chips.yaml (the US 3, the EU 2, India 1; the
/// critical-mass rule needs half the capability).
@Suite struct TableEditTests {
    func bench(seat: Seat = .solo) throws -> LocalWorkbench {
        try .opening("Data/training/cables-and-chips.yaml", seat: seat)
    }

    /// India from 1 to 4: 4 of 9 is 44.4%, and the Overview lists it first.
    @Test func aCapabilityIsEditedUndoneAndJournalled() throws {
        var bench = try bench()
        bench.run("capability india 4")
        #expect(bench.view.today.actors[2].capability == 4 && bench.message == "india: capability 4.00")
        #expect(bench.dirty && bench.session.journal.last?.summary == "india: capability 4.00")
        let lines = OverviewScreen.lines(bench.state, width: 98).map(\.text)
        let start = try #require(lines.firstIndex { $0.hasPrefix("Capabilities") })
        #expect(lines[start + 1].hasPrefix("  India") && lines[start + 1].hasSuffix("4.00   44.4%"))
        bench.run("undo")
        #expect(bench.view.today.actors[2].capability == 1)
        bench.run("capability india -1")
        #expect(bench.message?.hasPrefix("capability is a number from 0 to") == true)
        #expect(bench.view.today.actors[2].capability == 1)
        #expect(Commands.complete("capa", scenario: bench.view.today).text == "capability ")
    }

    @Test func groupingsGainAndLoseMembers() throws {
        var bench = try bench()
        let grouping = try #require(bench.view.today.groupings.first)
        let outsider = try #require(bench.view.today.actors.map(\.id).first { !grouping.members.contains($0) })
        bench.run("grouping \(grouping.id) add \(outsider)")
        #expect(bench.view.today.groupings[0].members == grouping.members + [outsider])
        #expect(bench.message == "\(outsider) joined the grouping \(grouping.id)")
        bench.run("grouping \(grouping.id) add \(outsider)")
        #expect(bench.message == "\(outsider) is already in \(grouping.id)")
        bench.run("grouping \(grouping.id) drop \(outsider)")
        #expect(bench.view.today.groupings[0].members == grouping.members)
        bench.run("grouping nowhere add \(outsider)")
        #expect(bench.message?.hasPrefix("unknown grouping 'nowhere'") == true)
        bench.run("undo")
        #expect(bench.view.today.groupings[0].members == grouping.members + [outsider])
        // Saved and loaded back, the edit is kept.
        let written = ScenarioWriter.yaml(bench.view.today)
        #expect(try ScenarioLoader.parse(written, file: "edited.yaml") == bench.view.today)
    }

    /// The table is the facilitator's: a delegation may not change anyone's capability.
    @Test func aDelegationMayNotEditTheTable() throws {
        var bench = try bench(seat: Seat(id: "india", role: .delegation("india")))
        bench.run("capability india 4")
        #expect(bench.view.today.actors[2].capability == 1)
        #expect(bench.message == "in the workshop view the issues are the facilitator's to edit")
    }
}
