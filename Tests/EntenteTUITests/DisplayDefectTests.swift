import EntenteCore
import EntenteSession
@testable import EntenteTUI
import EntenteWorkbench
import Testing
import EntenteTestSupport

/// What the screens showed wrongly or cut on the shipped scenario (issue 15's defects 9,
/// 11, 13, 15 and 18), each as a diplomat met it.
@Suite struct DisplayDefectTests {
    func shipped(_ size: Size, seat: Seat = .solo) throws -> LocalWorkbench {
        let scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent("Data/open-internet.yaml").path)
        return LocalWorkbench(scenario: scenario, file: "Data/open-internet.yaml", size: size, seat: seat)
    }

    /// Defect 9: the parts of a split read alike on Issues, in the builder and on the heat map.
    @Test func splitPartsReadApartOnEveryScreen() throws {
        var state = try shipped(Size(columns: 80, rows: 24))
        _ = update(&state, .editing(.edit(.split(issue: "semis", parts: [IssuePart(id: "semis-design"), IssuePart(id: "semis-fab")]))))
        _ = update(&state, .show(.issues))
        let issues = WorkbenchView.render(state).lines
        #expect(issues.contains { $0.contains("(part of semis) semis-design") } && issues.contains { $0.contains("(part of semis) semis-fab") },
                "\(issues.joined(separator: "\n"))")
        _ = update(&state, .show(.builder))
        let builder = WorkbenchView.render(state).lines
        #expect(builder.contains { $0.contains("semis-design") } && builder.contains { $0.contains("semis-fab") }, "\(builder.joined(separator: "\n"))")
        _ = update(&state, .show(.interests))
        _ = update(&state, .browsing(.moveCell(columns: 3, rows: 0)))
        let header = WorkbenchView.render(state).lines[2]
        #expect(header.contains("…esign") && header.contains("…s-fab"), "\(header)")
    }

    /// Defect 11: a delegation's workbench advises nothing it then refuses.
    @Test func aDelegationIsNotToldToWidenItsView() throws {
        var state = try shipped(Size(columns: 100, rows: 30), seat: Seat(id: "india", role: .delegation("india")))
        for screen in [ScreenID.finder, .levers] {
            _ = update(&state, .show(screen))
            let lines = WorkbenchView.render(state).lines.joined(separator: "\n")
            #expect(!lines.contains(":as all") && lines.contains("it is the facilitator's"), "\(lines)")
        }
        _ = update(&state, .finder(.runSearch))
        #expect(state.message?.contains(":as all") == false)
    }

    /// Defect 13: `/oversight=un` found nothing while rows showed `oversight=un-body`.
    @Test func theFinderFilterMatchesTheTextShown() throws {
        var state = try ScreenTour.base(Size(columns: 120, rows: 40))
        _ = update(&state, .show(.finder))
        let packages = try #require(state.finder.result?.packages)
        let change = try #require(packages.lazy.flatMap { state.scenario.changes($0.package) }.first)
        let typed = String(change.prefix(change.firstIndex(of: "=")!.utf16Offset(in: change) + 4))
        _ = update(&state, .browsing(.setFilter(typed)))
        #expect(!state.finder.order.isEmpty, "/\(typed)")
        #expect(state.finder.order.allSatisfy { state.scenario.changes(packages[$0].package).contains { $0.hasPrefix(typed) } })
        _ = update(&state, .browsing(.setFilter("all but")))
        #expect(!state.finder.order.isEmpty, "the coalition as the table writes it")
    }

    /// Defect 15: names cut without `…`, builder names held at 23 columns on wide
    /// terminals, the title cut to `The o`, figures cut at 60 columns.
    @Test func cutTextSaysItIsCut() throws {
        var state = try shipped(Size(columns: 80, rows: 24))
        _ = update(&state, .show(.issues))
        let rows = WorkbenchView.render(state).lines.filter { $0.contains("  on  ") }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.count < 80 || $0.hasSuffix("…") }, "\(rows.joined(separator: "\n"))")
        for width in 60...100 {
            _ = update(&state, .resize(Size(columns: width, rows: 24)))
            let tabs = WorkbenchView.render(state).lines[0]
            #expect(tabs.hasSuffix("The open internet on the brink") || tabs.hasSuffix("…") || !tabs.contains("  T"), "\(width): \(tabs)")
        }
        _ = update(&state, .resize(Size(columns: 200, rows: 40)))
        _ = update(&state, .show(.builder))
        let wide = WorkbenchView.render(state).lines
        #expect(wide.contains { $0.contains("Governance of technical standards bodies") }, "names use the room there is\n\(wide.joined(separator: "\n"))")
        var finder = try ScreenTour.base(Size(columns: 60, rows: 24))
        _ = update(&finder, .show(.finder))
        let table = WorkbenchView.render(finder).lines[4...8]
        for header in FinderScreen.columns(finder.finder, width: 58).map(\.header) {
            #expect(table.first!.contains(header), "\(header): \(table.first!)")
        }
        #expect(table.dropFirst().allSatisfy { !$0.hasSuffix(" 0") }, "\(table.joined(separator: "\n"))")
    }

    /// Defect 18: novelty of nobody, a red line that does not say which, a blank bar for +0.19.
    @Test func theBuilderSaysWhatItMeans() throws {
        var state = try shipped(Size(columns: 120, rows: 40))
        _ = update(&state, .show(.builder))
        let quo = WorkbenchView.render(state).lines
        #expect(quo.contains { $0.contains("novelty –") }, "\(quo.joined(separator: "\n"))")
        // Semiconductors to national stockpiles crosses a red line; small gains still get a bar.
        for semis in state.scenario.issues.indices {
        for option in state.scenario.issues[semis].options.indices {
            _ = update(&state, .editing(.setOption(issue: semis, option: option)))
            guard let redLined = state.evaluation.full?.redLined.members.first else { continue }
            let lines = WorkbenchView.render(state).lines
            let name = state.scenario.actors[redLined].name
            let row = try #require(lines.first { $0.contains(String(name.prefix(15))) && $0.contains("red line: ") })
            #expect(row.contains("red line: \(state.scenario.issues[semis].id)="), "\(row)")
            let small = state.scenario.actors.indices.filter { abs(state.evaluation.full!.gains[$0]) > 0 && abs(state.evaluation.full!.gains[$0]) < 0.3 }
            for actor in small {
                let line = try #require(lines.first { $0.contains(String(state.scenario.actors[actor].name.prefix(15))) })
                #expect(line.contains("█") || line.contains("▒"), "\(line)")
            }
            return
        }
            _ = update(&state, .editing(.resetPackage))
        }
        Issue.record("no option crosses a red line")
    }
}
