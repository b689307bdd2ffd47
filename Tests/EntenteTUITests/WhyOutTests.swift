import EntenteCore
import EntenteSession
@testable import EntenteTUI
import EntenteWorkbench
import Foundation
import Testing
import EntenteTestSupport

/// "Why is X out?" in the builder and the finder, and who joins and who leaves on every
/// key, on Tests/Fixtures/futures-small.yaml today. Worked at the top of the file: with
/// x changed and y as now, a gains +10, b 0.5·(40 − 50) = −5, c +40, so {a, c}.
@Suite struct WhyOutTests {
    func bench(seat: Seat = .solo) throws -> LocalWorkbench {
        let file = "Tests/Fixtures/futures-small.yaml"
        let scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent(file).path)
        var bench = LocalWorkbench(scenario: scenario, file: file, size: Size(columns: 100, rows: 30), seat: seat)
        _ = update(&bench, .show(.builder))
        return bench
    }

    /// The screen as one line, runs of spaces as one, so wrapped sentences read whole.
    func screen(_ bench: LocalWorkbench) -> String {
        WorkbenchView.render(bench).lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
    }

    @Test func theBuilderSaysWhyTheNextActorIsOut() throws {
        var bench = try bench()
        _ = update(&bench, .editing(.setOption(issue: 0, option: 1)))
        #expect(bench.message == "a, c join")
        #expect(Keymap.workbench.action(for: .character("y"), in: bench) == .browsing(.explainNext))
        _ = update(&bench, .browsing(.explainNext))
        #expect(bench.explained == "b")
        #expect(screen(bench).contains("why b is out: gains −5.00 and needs more than 0.00: 5.00 points short; costs it most: x=x1"))
        try Snapshot.expect(WorkbenchView.render(bench), "builder-why-100x30")
        // b is the only actor outside, so y stays on it; :why names any actor, in or out.
        _ = update(&bench, .browsing(.explainNext))
        #expect(bench.explained == "b")
        #expect(Commands.parse("why c", scenario: bench.view.today) == .success([.browsing(.explain("c"))]))
        #expect(Commands.parse("why all", scenario: bench.view.today) == .success([.browsing(.explain(nil))]))
        #expect(Commands.parse("why zz", scenario: bench.view.today) == .failure(CommandError("unknown actor 'zz'; expected one of: a, b, c")))
        _ = update(&bench, .browsing(.explain("c")))
        #expect(screen(bench).contains("why c is in: gains +40.00, more than its margin 0.00 by 40.00; gains most on: x=x1 +40.00"))
        _ = update(&bench, .browsing(.explain(nil)))
        #expect(!screen(bench).contains("why c"))
    }

    /// (x1, y1): everyone (b gains 0.5·(70 − 40) − 5 = +10); then (x0, y1): a and c gain
    /// nothing (a's link needs x1), b +15.
    @Test func everyKeySaysWhoJoinedAndWhoLeft() throws {
        var bench = try bench()
        _ = update(&bench, .editing(.setOption(issue: 0, option: 1)))
        _ = update(&bench, .editing(.setOption(issue: 1, option: 1)))
        #expect(bench.message == "b joins")
        _ = update(&bench, .editing(.setOption(issue: 0, option: 0)))
        #expect(bench.message == "a, c leave")
        _ = update(&bench, .editing(.setOption(issue: 1, option: 1)))
        #expect(bench.message == "a, c leave", "a key that moves nobody leaves the message as it was")
    }

    @Test func theFinderPaneSaysWhyForTheSelectedResult() throws {
        var bench = try bench()
        _ = update(&bench, .show(.finder))
        _ = update(&bench, .finder(.runSearch))
        _ = update(&bench, .finder(.searchFinished(try PackageSearch(bench.scenario).run(bench.state.searchRequest))))
        // The second result is (x1, y0), {a, c}: y explains b.
        _ = update(&bench, .finder(.focusResult(1)))
        #expect(bench.finder.packages[bench.finder.order[1]].package == Package(choices: [1, 0]))
        _ = update(&bench, .browsing(.explainNext))
        let pane = FinderScreen.detailLines(bench.state, bench.finder.packages[bench.finder.order[1]], width: 98, rows: 20).map(\.0)
        #expect(pane.contains { $0.hasPrefix("why b is out: gains −5.00 and needs more than 0.00: 5.00 points short") }, "\(pane)")
    }

    /// A delegation is told its own reasons only, and whether it would now join.
    @Test func aDelegationHearsItsOwnReasonsOnly() throws {
        var bench = try bench(seat: Seat(id: "b", role: .delegation("b")))
        _ = update(&bench, .editing(.setOption(issue: 1, option: 1)))
        #expect(bench.message == "you would join now")
        _ = update(&bench, .browsing(.explainNext))
        #expect(bench.explained == "b")
        #expect(screen(bench).contains("why b is in: gains +15.00"))
        _ = update(&bench, .browsing(.explain("a")))
        #expect(bench.explained == "b" && bench.message == "in the workshop view only b's reasons can be shown")
        _ = update(&bench, .editing(.setOption(issue: 0, option: 1)))
        #expect(!screen(bench).contains("why a"), "no other actor's figure")
    }
}
