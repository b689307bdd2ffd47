import EntenteCore
import EntenteSession
@testable import EntenteTUI
import EntenteWorkbench
import Foundation
import Testing
import EntenteTestSupport

/// Named and annotated pins, and Compare's table of members and every actor's gain, on
/// screen and exported, on Tests/Fixtures/futures-small.yaml today (worked at its top):
/// (x1, y0) gives a +10, b −5, c +40 and {a, c}; (x1, y1) gives a 10 + 4 (its link) = +14,
/// b −5 + 15 = +10, c +40 and everyone.
@Suite struct NamedPinsTests {
    func bench(seat: Seat = .solo, size: Size = Size(columns: 100, rows: 30)) throws -> LocalWorkbench {
        let file = "Tests/Fixtures/futures-small.yaml"
        let scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent(file).path)
        var bench = LocalWorkbench(scenario: scenario, file: file, size: size, seat: seat)
        _ = update(&bench, .show(.builder))
        _ = update(&bench, .editing(.setOption(issue: 0, option: 1)))
        _ = update(&bench, .browsing(.pin))
        _ = update(&bench, .editing(.setOption(issue: 1, option: 1)))
        _ = update(&bench, .browsing(.pin))
        return bench
    }

    func run(_ line: String, _ bench: inout LocalWorkbench) -> [Effect] {
        guard case .success(let actions) = Commands.parse(line, scenario: bench.view.today) else {
            Issue.record("\(line) did not parse")
            return []
        }
        return actions.flatMap { update(&bench, $0) }
    }

    @Test func pinsAreNamedAndAnnotated() throws {
        var bench = try bench()
        _ = run("name 1 EU offer", &bench)
        #expect(bench.view.pinned[0].name == "EU offer" && bench.message == "package 1 is named EU offer")
        _ = run("annotate 1 tabled on Tuesday", &bench)
        #expect(bench.view.pinned[0] == Pin(package: Package(choices: [1, 0]), name: "EU offer", note: "tabled on Tuesday"))
        #expect(bench.message == "package 1 is named EU offer, with a note")
        // n on Compare begins the command with the current name, for the pin shown below.
        _ = update(&bench, .show(.compare))
        #expect(Keymap.workbench.action(for: .character("n"), in: bench) == .editing(.prompt(.namePin)))
        _ = update(&bench, .editing(.prompt(.namePin)))
        #expect(bench.commandLine?.text == "name 1 EU offer")
        bench.commandLine = nil
        _ = update(&bench, .editing(.prompt(.notePin)))
        #expect(bench.commandLine?.text == "annotate 1 tabled on Tuesday")
        bench.commandLine = nil
        // Pinning it again names it; the name follows the package through an edit.
        _ = update(&bench, .show(.builder))
        _ = update(&bench, .editing(.setOption(issue: 1, option: 0)))
        _ = update(&bench, .browsing(.pin))
        #expect(bench.message == "already pinned as EU offer")
        _ = update(&bench, .editing(.edit(.renameIssue(issue: "x", name: "Issue Ex"))))
        #expect(bench.view.pinned[0].name == "EU offer")
        _ = run("name 1", &bench)
        #expect(bench.view.pinned[0].name == "" && bench.message == "package 1 is unnamed, with a note")
        _ = run("name 5 Nobody", &bench)
        #expect(bench.message == "no package 5: 2 are pinned")
        _ = run("name 1 " + String(repeating: "x", count: Session.pinNameLimit + 1), &bench)
        #expect(bench.message == "a pin's name is at most 40 characters and its note 400")
        #expect(Commands.parse("name x", scenario: bench.view.today) == .failure(CommandError(":name takes a pinned package's number (from 1) and text")))
    }

    @Test func compareShowsMembersAndEveryActorsGain() throws {
        var bench = try bench()
        _ = run("name 1 EU offer", &bench)
        _ = run("annotate 1 tabled on Tuesday", &bench)
        _ = update(&bench, .show(.compare))
        let screen = WorkbenchView.render(bench).lines
        #expect(screen[1].contains("EU offer") && screen[1].contains("Package 2"))
        #expect(screen.contains { $0.contains("tabled on Tuesday") })
        #expect(screen.contains { $0.hasPrefix(" Who") && $0.contains("a, c") && $0.contains("a, b, c") })
        #expect(screen.contains { $0.hasPrefix(" Actor B") && $0.contains("−5.00") && $0.contains("+10.00") })
        #expect(screen.contains { $0.hasPrefix(" Actor A") && $0.contains("+10.00") && $0.contains("+14.00") })
        try Snapshot.expect(WorkbenchView.render(bench), "compare-named-100x30")
    }

    @Test func theComparisonIsExportedAsTextAndMarkdown() throws {
        var bench = try bench()
        _ = run("name 1 EU offer", &bench)
        _ = run("annotate 1 tabled on Tuesday", &bench)
        guard case .writeComparison(let markdown, "deal.md", false) = try #require(run("compare deal.md", &bench).first) else {
            Issue.record("no comparison written")
            return
        }
        #expect(markdown.hasPrefix("# Comparison: Small futures\n\n- **EU offer**: tabled on Tuesday\n\n| | EU offer | Package 2 |\n| --- | --- | --- |\n"))
        #expect(markdown.contains("| Actor B | −5.00 | +10.00 * |"))
        #expect(markdown.contains("| Who | a, c | a, b, c |"))
        guard case .writeComparison(let text, "deal.txt", true) = try #require(run("compare! deal.txt", &bench).first) else {
            Issue.record("no comparison written")
            return
        }
        #expect(text.contains("EU offer: tabled on Tuesday"))
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("Actor B") && $0.contains("−5.00 ") && $0.hasSuffix("+10.00 *") })
        var empty = try self.bench()
        _ = update(&empty, .browsing(.clearPins))
        _ = update(&empty, .browsing(.clearPins))
        #expect(run("compare deal.md", &empty).isEmpty && empty.message?.hasPrefix("nothing pinned to compare") == true)
    }

    /// A delegation's comparison and its export hold its own gain only.
    @Test func aDelegationComparesItsOwnGainOnly() throws {
        var bench = try bench(seat: Seat(id: "b", role: .delegation("b")))
        guard case .writeComparison(let text, _, _) = try #require(run("compare deal.txt", &bench).first) else {
            Issue.record("no comparison written")
            return
        }
        #expect(text.contains("YOUR GAIN") && text.contains("−5.00 (stays out)") && text.contains("+10.00 (joins) *"))
        #expect(!text.contains("Actor A") && !text.contains("Actor C") && !text.contains("Who"))
    }

    /// The table scrolls when it is taller than the screen.
    @Test func compareScrolls() throws {
        let file = "Data/open-internet.yaml"
        let scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent(file).path)
        var bench = LocalWorkbench(scenario: scenario, file: file, size: Size(columns: 80, rows: 24))
        _ = update(&bench, .browsing(.pin))
        _ = update(&bench, .show(.compare))
        #expect(WorkbenchView.render(bench).lines.contains { $0.contains("more below (PgDn/Space)") })
        _ = update(&bench, .page(1))
        #expect(bench.compareScroll > 0)
        _ = update(&bench, .jump(toEnd: true))
        #expect(WorkbenchView.render(bench).lines.contains { $0.contains("the end (PgUp goes back)") })
    }
}
