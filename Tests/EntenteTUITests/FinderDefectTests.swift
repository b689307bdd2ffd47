import EntenteCore
import EntenteSession
@testable import EntenteTUI
import EntenteWorkbench
import Testing

/// The coalition finder as a diplomat tripped on it (issue 15), on the shipped scenario.
@Suite struct FinderDefectTests {
    /// Defect 2: after a capability search, `o o o o` must not relabel its results.
    @Test func resultsKeepTheObjectiveTheyWereRankedBy() throws {
        var state = try ScreenTour.base(Size(columns: 80, rows: 24))
        _ = update(&state, .show(.finder))
        #expect(state.finder.rankedBy == .capability)
        for _ in 0..<4 { _ = update(&state, .finder(.cycleObjective(1))) }
        #expect(state.finder.objective == .nash && state.finder.rankedBy == .capability)
        let lines = WorkbenchView.render(state).lines
        #expect(lines[1].contains("Next search ranks by: nash"), "\(lines[1])")
        #expect(lines[2].contains("ranked by capability") && lines[2].contains("proven best"), "\(lines[2])")
        #expect(lines[4].contains("Capability▼"), "\(lines[4])")
    }

    /// Defect 3: a Nash search shows the Nash figure, even at 60 columns, and `s` sorts by it.
    @Test func theTableAlwaysShowsTheFigureItRanksBy() throws {
        var state = try ScreenTour.base(Size(columns: 80, rows: 24))
        _ = update(&state, .show(.finder))
        _ = update(&state, .finder(.setObjective(.nash)))
        try ScreenTour.search(&state)
        for width in [60, 80, 120] {
            var sized = state
            _ = update(&sized, .resize(Size(columns: width, rows: 24)))
            let header = WorkbenchView.render(sized).lines[4]
            #expect(header.contains("Nash▼"), "\(width): \(header)")
        }
        let packages = try #require(state.finder.result?.packages)
        let nash = state.finder.order.map { packages[$0].objective(.nash) }
        #expect(nash == nash.sorted(by: >), "ranked by Nash")
        while state.finder.sort != .nash { _ = update(&state, .finder(.cycleSort)) }
        #expect(WorkbenchView.render(state).lines[4].contains("Nash▼"))
        #expect(try Commands.parse("sort nash", scenario: state.scenario).get() == [.show(.finder), .finder(.setSort(.nash))])
    }
}

extension FinderDefectTests {
    /// The finder's pane as PgDn pages through it: every line of the analysis, once.
    func pagedDetail(_ state: LocalWorkbench) -> [String] {
        var state = state
        var seen: [String] = []
        for _ in 0..<20 {
            seen += WorkbenchView.render(state).lines
            let before = state.finder.detailScroll
            _ = update(&state, Keymap.workbench.action(for: .pageDown, in: state)!)
            if state.finder.detailScroll == before { break }
        }
        return seen
    }

    /// Defect 4: the Nash point, stability and robustness were off screen at 120×40 and
    /// everything after `pivotal:` at 80×24; the pane now pages, and says what is below.
    @Test(arguments: [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40)])
    func theAnalysisPaneScrollsToItsEnd(size: Size) throws {
        var state = try ScreenTour.base(size)
        _ = update(&state, .show(.finder))
        let first = WorkbenchView.render(state).lines
        let (lines, shown) = FinderScreen.detailExtent(state.state)
        #expect(lines <= shown || first.contains { $0.contains("more below (PgDn/Space)") }, "\(first.joined(separator: "\n"))")
        let seen = pagedDetail(state)
        for heading in [" pivotal: ", " bridges: ", " Nash point: ", " stability: ", " robustness: "] {
            #expect(seen.contains { $0.hasPrefix(heading) }, "\(size.columns)x\(size.rows): \(heading)")
        }
        _ = update(&state, .finder(.selectResult(1)))
        #expect(state.finder.detailScroll == 0, "another result's pane starts at its top")
    }

    /// Defect 5: with `:exclude russia` no sweetener is offered to bring russia in.
    @Test func noSweetenerForAnActorTheSearchExcludes() throws {
        var state = try ScreenTour.base(Size(columns: 120, rows: 40))
        _ = update(&state, .show(.finder))
        #expect(pagedDetail(state).contains { $0.contains("to bring in russia") }, "the unconstrained search offers one")
        _ = update(&state, .finder(.exclude("russia", true)))
        let effects = try ScreenTour.search(&state)
        #expect(effects.contains { if case .analyse(_, let request) = $0 { request.exclude == ["russia"] } else { false } })
        try ScreenTour.analyse(&state, effects)
        let seen = pagedDetail(state)
        #expect(seen.contains { $0.hasPrefix(" robustness: ") })
        #expect(!seen.contains { $0.contains("to bring in russia") }, "\(seen.joined(separator: "\n"))")
    }
}
