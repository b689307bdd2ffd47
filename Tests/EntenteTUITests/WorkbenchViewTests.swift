import EntenteCore
import EntenteSession
import EntenteTUI
import EntenteWorkbench
import Foundation
import Testing
import EntenteTestSupport

/// Snapshots of the rendered workbench (golden text files; ENTENTE_RECORD=1 rewrites them)
/// and the update function's actions.
@Suite struct WorkbenchViewTests {
    /// The shipped scenario as it was before format 2 (fourteen issues, template actors): the
    /// tests that walk its particular issues and actors keep it, the shipped file has moved on.
    static let formatOneScenario = "Tests/Fixtures/open-internet-format1.yaml"

    func state(_ file: String, _ size: Size) throws -> LocalWorkbench {
        let scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent(file).path)
        return LocalWorkbench(scenario: scenario, file: file, size: size)
    }

    func expectSnapshot(_ grid: Grid, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try Snapshot.expect(grid, name, sourceLocation: sourceLocation)
    }

    @Test(arguments: [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40)])
    func overview(size: Size) throws {
        try expectSnapshot(WorkbenchView.render(try state("Data/open-internet.yaml", size)), "overview-\(size.columns)x\(size.rows)")
    }

    @Test func helpOverlayIsGeneratedFromTheKeymap() throws {
        var state = try state("Data/training/cables-and-chips.yaml", Size(columns: 80, rows: 24))
        _ = update(&state, .toggleHelp)
        let grid = WorkbenchView.render(state)
        try expectSnapshot(grid, "help-80x24")
        for binding in Keymap.workbench.bindings(on: state.screen) {
            if case .show = binding.action { continue }
            #expect(grid.lines.contains { $0.contains(binding.help) }, "\(binding.help)")
        }
        #expect(grid.lines.contains { $0.contains("1 2 3 4 5 6 7 8") && $0.contains("show that screen") })
        let ascii = WorkbenchView.render(state, charset: .ascii)
        #expect(ascii.lines.contains { $0.contains("+----") })
    }

    @Test(arguments: [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40)])
    func builder(size: Size) throws {
        var state = try state(Self.formatOneScenario, size)
        _ = update(&state, .show(.builder))
        // The Nash-best package's first issues: open consortium for cables, the DAC fund.
        _ = update(&state, .editing(.changeOption(3)))
        _ = update(&state, .editing(.selectIssue(1)))
        _ = update(&state, .editing(.changeOption(1)))
        try expectSnapshot(WorkbenchView.render(state), "builder-\(size.columns)x\(size.rows)")
    }

    @Test func builderUpdatesTheCoalitionOnEveryKey() throws {
        var state = try state("Data/training/cables-and-chips.yaml", Size(columns: 100, rows: 30))
        _ = update(&state, .show(.builder))
        #expect(state.evaluation.full?.coalition.isEmpty == true)
        _ = update(&state, .editing(.changeOption(1)))
        #expect(state.package.choices == [1, 0])
        #expect(state.evaluation.full?.coalition.members == [0, 1, 2])
        _ = update(&state, .editing(.selectIssue(1)))
        _ = update(&state, .editing(.changeOption(-1)))
        // Wraps from the first option to the last: the open market, the US's red line.
        #expect(state.package.choices == [1, 2])
        #expect(state.evaluation.full?.coalition.members == [1, 2] && state.evaluation.full!.redLined.contains(0))
        _ = update(&state, .editing(.selectIssue(5)))
        #expect(state.selectedIssue == 1)
        _ = update(&state, .editing(.resetPackage))
        #expect(state.package == state.scenario.statusQuo)
        _ = update(&state, .nextScreen(1))
        #expect(state.screen == .finder)
        let remaining = state.screens.count - state.screens.firstIndex(of: .finder)!
        _ = update(&state, .nextScreen(remaining))
        #expect(state.screen == .overview, "Tab wraps around")
        _ = update(&state, .nextScreen(-1))
        #expect(state.screen == state.screens.last, "Shift-Tab wraps around")
        _ = update(&state, .show(.builder))
        #expect(Keymap.workbench.action(for: .character("l"), in: state) == .editing(.changeOption(1)))
        #expect(Keymap.workbench.action(for: .character("5"), in: state) == .show(.builder))
    }

    func finderWithResults(_ size: Size) throws -> LocalWorkbench {
        var state = try state("Data/training/cables-and-chips.yaml", size)
        _ = update(&state, .show(.finder))
        _ = update(&state, .finder(.cycleObjective(2)))
        #expect(state.finder.objective == .totalGain)
        guard case .startSearch(let request) = update(&state, .finder(.runSearch)).first else {
            Issue.record("runSearch must start a search")
            return state
        }
        #expect(state.finder.running && request.objective == .totalGain)
        #expect(update(&state, .finder(.runSearch)).isEmpty, "a second search does not start while one runs")
        _ = update(&state, .finder(.searchProgress(SearchProgress(explored: 4, resolved: 4, total: 9))))
        _ = update(&state, .finder(.searchFinished(try PackageSearch(state.scenario).run(request))))
        return state
    }

    @Test(arguments: [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40)])
    func finder(size: Size) throws {
        var state = try finderWithResults(size)
        let effects = update(&state, .finder(.selectResult(1)))
        #expect(WorkbenchView.render(state).lines.contains { $0.contains("analysing: pivotal members") })
        try performAnalyses(&state, effects)
        try expectSnapshot(WorkbenchView.render(state), "finder-\(size.columns)x\(size.rows)")
    }

    /// Runs the `.analyse` effects as the workbench would, off the update function, and
    /// reports their outcomes back.
    func performAnalyses(_ state: inout LocalWorkbench, _ effects: [Effect]) throws {
        for case .analyse(let package, let request) in effects {
            let scenario = try state.session.engineScenario(for: state.view.seat.id, "analysis")
            _ = update(&state, .finder(.analysisReady(AnalysisResult(try PackageAnalysis(scenario, package: package, request: request), revision: state.view.revision))))
        }
    }

    @Test func theSelectedResultIsAnalysedOnceAndStaleAnalysesAreDropped() throws {
        var state = try finderWithResults(Size(columns: 120, rows: 40))
        let packages = state.finder.result!.packages
        #expect(state.finder.analysing == packages[state.finder.order[0]].package, "the first result is analysed as soon as it is shown")
        let effects = update(&state, .finder(.selectResult(1)))
        guard case .analyse(let package, _) = effects.first else {
            Issue.record("moving the selection asks for its analysis")
            return
        }
        #expect(package == packages[state.finder.order[1]].package)
        #expect(update(&state, .finder(.selectResult(-1))).count == 1 && update(&state, .finder(.selectResult(0))).isEmpty, "asked once while pending")
        _ = update(&state, .finder(.selectResult(1)))
        let analysis = try PackageAnalysis(state.scenario, package: package)
        _ = update(&state, .finder(.analysisReady(AnalysisResult(analysis, revision: state.view.revision))))
        let lines = WorkbenchView.render(state).lines
        #expect(lines.contains { $0.hasPrefix(" pivotal: ") } && lines.contains { $0.hasPrefix(" stability: ") })
        #expect(lines.contains { $0.hasPrefix(" robustness: viable in ") })
        var edited = state
        _ = update(&edited, .show(.interests))
        _ = update(&edited, .editing(.adjustSalience(0.5)))
        _ = update(&edited, .finder(.analysisReady(AnalysisResult(analysis, revision: state.view.revision))))
        #expect(edited.finder.analysis == nil, "an analysis of the scenario before an edit is dropped")
    }

    /// Esc on a running search stops it, and the best-so-far that comes back is not
    /// analysed behind the person's back (a core would stay busy for seconds).
    @Test func aCancelledSearchsResultIsNotAnalysedUnasked() throws {
        let scenario = ScenarioGenerator(actors: 8, issues: 10, options: 4, blocs: 2, seed: 3).generate()
        var state = LocalWorkbench(scenario: scenario, file: "generated.yaml", size: Size(columns: 120, rows: 40))
        _ = update(&state, .show(.finder))
        guard case .startSearch(let request) = update(&state, .finder(.runSearch)).first else {
            Issue.record("runSearch must start a search")
            return
        }
        #expect(update(&state, .finder(.cancelSearch)) == [.cancelSearch])
        let flag = CancellationFlag()
        let stopped = try PackageSearch(scenario).run(request, cancellation: flag) { _ in flag.cancel() }
        try #require(stopped.cancelled && !stopped.packages.isEmpty)
        #expect(!update(&state, .finder(.searchFinished(stopped))).contains { if case .analyse = $0 { true } else { false } })
        #expect(WorkbenchView.render(state).lines.contains { $0.contains("analysis stopped (Esc)") })
    }

    /// Esc stops the selected result's analysis too, and it is not asked for again until
    /// the selection moves.
    @Test func escapeStopsTheSelectedResultsAnalysis() throws {
        var state = try finderWithResults(Size(columns: 120, rows: 40))
        let package = try #require(state.finder.analysing)
        #expect(Keymap.workbench.action(for: .escape, in: state) == .finder(.cancelSearch))
        #expect(update(&state, .finder(.cancelSearch)) == [.cancelAnalysis])
        #expect(state.finder.analysing == nil && state.finder.analysisStopped == package)
        #expect(update(&state, .scroll(1)).isEmpty, "the stopped analysis is not asked for again")
        #expect(WorkbenchView.render(state).lines.contains { $0.contains("analysis stopped (Esc)") })
        _ = update(&state, .finder(.selectResult(1)))
        guard case .analyse = update(&state, .finder(.selectResult(-1))).first else {
            Issue.record("moving away and back analyses the result again")
            return
        }
    }

    @Test func finderRunningShowsProgressAndCancels() throws {
        var state = try state("Data/training/cables-and-chips.yaml", Size(columns: 100, rows: 30))
        _ = update(&state, .show(.finder))
        _ = update(&state, .finder(.runSearch))
        _ = update(&state, .finder(.searchProgress(SearchProgress(explored: 3, resolved: 4.5, total: 9))))
        let grid = WorkbenchView.render(state)
        #expect(grid.lines.contains { $0.contains("50.0%") && $0.contains("Esc cancels") })
        #expect(Keymap.workbench.action(for: .escape, in: state) == .finder(.cancelSearch))
        #expect(update(&state, .finder(.cancelSearch)) == [.cancelSearch])
    }

    @Test func finderSortsSelectsAndOpensInTheBuilder() throws {
        var state = try finderWithResults(Size(columns: 100, rows: 30))
        let packages = state.finder.result!.packages
        #expect(state.finder.order == Array(packages.indices))
        _ = update(&state, .finder(.cycleSort))
        #expect(state.finder.sort == .capability)
        let shares = state.finder.order.map { packages[$0].objective(.capability) }
        #expect(shares == shares.sorted(by: >))
        _ = update(&state, .finder(.selectResult(100)))
        #expect(state.finder.selected == packages.count - 1)
        _ = update(&state, .finder(.buildSelected))
        #expect(state.screen == .builder)
        #expect(state.package == packages[state.finder.order[packages.count - 1]].package)
        #expect(state.evaluation.package == state.package)
    }

    @Test func briefScreenAsksForAFreshPreview() throws {
        var state = try state("Data/training/cables-and-chips.yaml", Size(columns: 80, rows: 24))
        _ = update(&state, .editing(.setOption(issue: 1, option: 1)))
        #expect(update(&state, .show(.brief)) == [.prepareBrief(state.package)])
        #expect(WorkbenchView.render(state).lines.contains { $0.contains("Preparing the brief") })
        var settings = BriefBuilder.Settings()
        settings.date = "2026-11-27"
        let text = BriefRenderer.render(try BriefBuilder(state.scenario).build(state.package, settings: settings), as: .text)
        #expect(update(&state, .files(.briefReady(state.package, audience: nil, text))).isEmpty)
        try expectSnapshot(WorkbenchView.render(state), "brief-80x24")
        _ = update(&state, .scroll(10))
        #expect(WorkbenchView.render(state).lines[3] != (try String(contentsOfFile: Snapshot.folder.appendingPathComponent("brief-80x24.txt").path, encoding: .utf8)).split(separator: "\n")[3])
        // A preview of another package is stale: the screen asks again.
        let other = state.package
        _ = update(&state, .editing(.setOption(issue: 0, option: 1)))
        #expect(update(&state, .files(.briefReady(other, audience: nil, text))) == [.prepareBrief(state.package)])
    }

    @Test(arguments: [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40)])
    func interests(size: Size) throws {
        var state = try state("Data/open-internet.yaml", size)
        _ = update(&state, .show(.interests))
        _ = update(&state, .browsing(.moveCell(columns: 3, rows: 11)))
        try expectSnapshot(WorkbenchView.render(state), "interests-\(size.columns)x\(size.rows)")
    }

    @Test(arguments: [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40), Size(columns: 200, rows: 50)])
    func levers(size: Size) throws {
        var state = try state("Data/open-internet.yaml", size)
        _ = update(&state, .show(.levers))
        try expectSnapshot(WorkbenchView.render(state), "levers-\(size.columns)x\(size.rows)")
    }

    @Test func compareThreePinnedPackages() throws {
        var state = try finderWithResults(Size(columns: 100, rows: 30))
        #expect(WorkbenchView.render({ var s = state; _ = update(&s, .show(.compare)); return s }()).lines
            .contains { $0.contains("Nothing pinned yet") })
        var messages: [String] = []
        for _ in 0..<4 {
            _ = update(&state, .browsing(.pin))
            messages.append(state.message ?? "")
            _ = update(&state, .finder(.selectResult(1)))
        }
        // Defect 14 of issue 15: the fourth pin says the oldest made way.
        #expect(messages == ["pinned as package 1 of 3", "pinned as package 2 of 3", "pinned as package 3 of 3",
                             "pinned as package 3; the oldest pin made way (the others moved up one)"])
        #expect(state.pinned.count == 3, "at most three; the oldest makes way")
        let packages = state.finder.result!.packages
        #expect(state.pinned == [1, 2, 3].map { packages[state.finder.order[$0]].package })
        _ = update(&state, .finder(.selectResult(-1)))
        _ = update(&state, .browsing(.pin))
        #expect(state.pinned.count == 3 && state.message == "already pinned as package 3", "pinning the same package twice keeps one, and says so")
        _ = update(&state, .show(.compare))
        try expectSnapshot(WorkbenchView.render(state), "compare-100x30")
        // c asks first: only a second c in a row clears.
        _ = update(&state, try #require(Keymap.workbench.action(for: .character("c"), in: state)))
        #expect(state.pinned.count == 3 && state.message == "c again clears the 3 pinned packages")
        _ = update(&state, .show(.compare))
        _ = update(&state, .browsing(.clearPins))
        #expect(state.pinned.count == 3, "another key in between asks again")
        _ = update(&state, .browsing(.clearPins))
        #expect(state.pinned.isEmpty && state.message == "cleared 3 pinned packages")
    }

    @Test func interestsCursorAndGroupingFilter() throws {
        var state = try state(Self.formatOneScenario, Size(columns: 120, rows: 40))
        _ = update(&state, .show(.interests))
        _ = update(&state, .browsing(.moveCell(columns: -5, rows: 100)))
        #expect(state.cell.actor == state.scenario.actors.count - 1 && state.cell.issue == 0)
        _ = update(&state, .browsing(.moveCell(columns: 3, rows: 0)))
        let lines = WorkbenchView.render(state).lines
        #expect(lines.contains { $0.contains("Technical community (IETF, ISOC, RIRs) on Semiconductor supply security") })
        _ = update(&state, .browsing(.cycleGroupingFilter))
        #expect(state.visibleActors.map { state.scenario.actors[$0].id } == ["us", "eu", "germany", "france", "italy", "uk", "canada", "japan"])
        #expect(state.cell.actor == 0, "the cursor moves into the filtered grouping")
        for _ in state.scenario.groupings { _ = update(&state, .browsing(.cycleGroupingFilter)) }
        #expect(state.groupingFilter == nil && state.visibleActors.count == state.scenario.actors.count)
    }

    @Test func mouseClicksTabsAndTheWheelScrollsAsTheArrowsDo() throws {
        var state = try state("Data/training/cables-and-chips.yaml", Size(columns: 120, rows: 30))
        let grid = WorkbenchView.render(state)
        for tab in WorkbenchView.tabs(state.state) {
            let x = tab.columns.lowerBound + 2
            #expect(grid.lines[0].contains(tab.label.trimmingCharacters(in: .whitespaces)))
            #expect(Keymap.workbench.clickAction(x: x, y: 0, in: state) == .show(tab.screen))
        }
        #expect(Keymap.workbench.clickAction(x: 3, y: 0, in: state) == nil, "the Entente label is not a tab")
        #expect(Keymap.workbench.clickAction(x: 10, y: 5, in: state) == nil)
        _ = update(&state, .show(.builder))
        #expect(Keymap.workbench.wheelAction(1, in: state) == .editing(.selectIssue(1)))
        #expect(Keymap.workbench.wheelAction(-1, in: state) == .editing(.selectIssue(-1)))
        _ = update(&state, .show(.overview))
        #expect(Keymap.workbench.wheelAction(1, in: state) == .scroll(1))
    }

    @Test func slashFiltersActorsAndResults() throws {
        var state = try finderWithResults(Size(columns: 100, rows: 30))
        _ = update(&state, .browsing(.openFilter))
        #expect(Keymap.workbench.action(for: .character("q"), in: state) == .browsing(.filterKey(.character("q"))))
        for character in "INDIA" { _ = update(&state, .browsing(.filterKey(.character(character)))) }
        _ = update(&state, .browsing(.filterKey(.enter)))
        #expect(!state.filterEditing && state.filter == "INDIA")
        let packages = state.finder.result!.packages
        #expect(!state.finder.order.isEmpty)
        #expect(state.finder.order.allSatisfy { packages[$0].coalition.contains(2) }, "case-insensitive match on member ids")
        #expect(WorkbenchView.render(state).lines.contains { $0.contains("match /INDIA") })
        _ = update(&state, .show(.interests))
        #expect(state.visibleActors == [2])
        #expect(state.cell.actor == 2, "the cursor moves to a visible actor")
        _ = update(&state, .browsing(.openFilter))
        _ = update(&state, .browsing(.filterKey(.escape)))
        #expect(state.filter.isEmpty && state.visibleActors == [0, 1, 2])
        _ = update(&state, .show(.overview))
        _ = update(&state, .browsing(.openFilter))
        #expect(!state.filterEditing && state.message?.hasPrefix("/ filters") == true)
    }

    @Test func tooSmall() throws {
        let grid = WorkbenchView.render(try state("Data/training/cables-and-chips.yaml", Size(columns: 39, rows: 11)))
        #expect(grid.lines.contains { $0.contains("Terminal too small") })
        #expect(grid.lines.contains { $0.contains("need 40×12, have 39×11") })
    }

    @Test func updateActions() throws {
        var state = try state("Data/training/cables-and-chips.yaml", Size(columns: 80, rows: 24))
        #expect(update(&state, .quit) == [.quit])
        #expect(update(&state, .toggleHelp).isEmpty && state.showHelp)
        #expect(Keymap.workbench.action(for: .escape, in: state) == .toggleHelp)
        _ = update(&state, .toggleHelp)
        #expect(!state.showHelp && Keymap.workbench.action(for: .escape, in: state) == nil)
        _ = update(&state, .scroll(-3))
        #expect(state.scroll == 0)
        _ = update(&state, .scroll(1_000))
        let end = state.scroll
        _ = update(&state, .scroll(1))
        #expect(end > 0 && state.scroll == end, "the overview scrolls to its end (the glossary) and no further")
        _ = update(&state, .scroll(-1_000))
        _ = update(&state, .resize(Size(columns: 100, rows: 30)))
        #expect(state.size == Size(columns: 100, rows: 30))
        #expect(Keymap.workbench.action(for: .character("j"), in: state) == .scroll(1))
    }

    @Test func gridHandlesWideCharactersAndControlCharacters() {
        var grid = Grid(width: 10, height: 1)
        let used = grid.put("中国e\u{301}\u{1B}", x: 0, y: 0)
        #expect(grid.lines == ["中国é\\u{1B"])
        #expect(used == 10)
        #expect(grid[1, 0].text.isEmpty)
    }
}
