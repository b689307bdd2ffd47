import EntenteCore
import EntenteSession
@testable import EntenteTUI
import EntenteWorkbench
import Foundation
import Testing
import EntenteTestSupport

/// The finder's robust search across futures: the key and the command that choose it, the
/// search's round trip through update(), its results table and pane, and where an ordinary
/// result holds. Figures come from Data/training/four-futures.yaml (docs/training.md §4
/// works them by hand) and Tests/Fixtures/futures-small.yaml (worked at its top).
@Suite struct RobustFinderTests {
    func bench(_ file: String, _ size: Size = Size(columns: 120, rows: 40), seat: Seat = .solo) throws -> LocalWorkbench {
        let scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent(file).path)
        var bench = LocalWorkbench(scenario: scenario, file: file, size: size, seat: seat)
        _ = update(&bench, .show(.finder))
        return bench
    }

    /// Runs the robust search the finder asks for, as the effect runner does, and hands the result back.
    func runRobust(_ bench: inout LocalWorkbench) throws {
        _ = update(&bench, .finder(.setAcrossFutures(true)))
        let effects = update(&bench, .finder(.runSearch))
        guard case .startRobustSearch(let request) = try #require(effects.first) else {
            Issue.record("expected a robust search, got \(effects)")
            return
        }
        let search = try bench.session.robustSearch(for: bench.view.seat.id)
        _ = update(&bench, .finder(.robustFinished(try search.run(request))))
    }

    @Test func theKeyAndTheCommandChooseARobustSearch() throws {
        var bench = try bench("Data/training/four-futures.yaml")
        #expect(Keymap.workbench.action(for: .character("r"), in: bench) == .finder(.toggleAcrossFutures))
        _ = update(&bench, .finder(.toggleAcrossFutures))
        #expect(bench.finder.acrossFutures)
        #expect(update(&bench, .finder(.runSearch)) == [.startRobustSearch(bench.state.searchRequest)])
        #expect(bench.finder.running && bench.finder.searchingAcrossFutures)
        let today = bench.view.today
        #expect(Commands.parse("robust members", scenario: today)
            == .success([.show(.finder), .finder(.setAcrossFutures(true)), .finder(.setObjective(.members)), .finder(.runSearch)]))
        #expect(Commands.parse("search", scenario: today) == .success([.show(.finder), .finder(.setAcrossFutures(false)), .finder(.runSearch)]))
        #expect(Commands.complete("rob", scenario: today).text == "robust ")
        _ = update(&bench, .toggleHelp)
        let help = WorkbenchView.render(bench).lines.joined(separator: "\n")
        #expect(help.contains("r") && help.contains("search across today and every future, by the worst case"), "\(help)")
        _ = update(&bench, .showCommands)
        #expect(WorkbenchView.render(bench).lines.contains { $0.contains("robust") && $0.contains("ranking by the worst case") })
    }

    @Test func aScenarioWithoutFuturesHasNoRobustSearch() throws {
        var bench = try bench("Data/training/cables-and-chips.yaml")
        _ = update(&bench, .finder(.toggleAcrossFutures))
        #expect(!bench.finder.acrossFutures && bench.message == FinderState.noFutures)
        #expect(Commands.parse("robust", scenario: bench.view.today) == .failure(CommandError(FinderState.noFutures)))
        #expect(!WorkbenchView.render(bench).lines[1].contains("across every future"), "the header offers no robust search")
    }

    /// docs/training.md §4: only packages 7 and 8 hold in every future; by worst capability
    /// package 8 (60.0%: 70.0% today, 60.0% in both bipolar futures) leads package 7 (53.3%).
    @Test func robustResultsShowTheWorstCaseAndEveryFuture() throws {
        var bench = try bench("Data/training/four-futures.yaml")
        try runRobust(&bench)
        let robust = try #require(bench.finder.robust)
        #expect(robust.packages.map(\.worst).map { Figures.percent($0) } == ["60.0%", "53.3%"])
        #expect(robust.packages[0].byFuture.map { Figures.percent($0.value) } == ["70.0%", "60.0%", "60.0%", "76.9%", "78.6%"])
        #expect(bench.finder.result == nil && bench.finder.packages.map(\.package) == robust.packages.map(\.package))
        let screen = WorkbenchView.render(bench).lines.joined(separator: "\n")
        #expect(screen.contains("2 packages viable today and in every future, ranked by worst capability"))
        #expect(screen.contains("futures: F1 bipolar-nationalist, F2 bipolar-internationalist, F3 multipolar-nationalist, F4 multipolar-internationali…"))
        #expect(screen.contains("Worst▼"))
        #expect(screen.contains("across the futures (capability; worst in bipolar-nationalist):"))
        try Snapshot.expect(WorkbenchView.render(bench), "finder-robust-120x40")
        // s sorts by the worst case, then by today's figure and each future's.
        _ = update(&bench, .finder(.cycleSort))
        #expect(bench.finder.robustSort == 0 && bench.finder.order == [0, 1])
        for _ in 0..<4 { _ = update(&bench, .finder(.cycleSort)) }
        #expect(bench.finder.robustSort == 4)
        _ = update(&bench, .finder(.cycleSort))
        #expect(bench.finder.robustSort == nil)
        // b and p take the selected package, as for an ordinary result.
        _ = update(&bench, .browsing(.pin))
        #expect(bench.pinned == [robust.packages[0].package])
    }

    @Test func robustResultsAtEightyColumnsKeepTheWorstCase() throws {
        var bench = try bench("Data/training/four-futures.yaml", Size(columns: 80, rows: 24))
        try runRobust(&bench)
        let header = try #require(WorkbenchView.render(bench).lines.first { $0.contains("Worst▼") })
        #expect(header.contains("Today"))
        try Snapshot.expect(WorkbenchView.render(bench), "finder-robust-80x24")
    }

    @Test func progressAndEscWorkAsForAnOrdinarySearch() throws {
        var bench = try bench("Data/training/four-futures.yaml")
        _ = update(&bench, .finder(.setAcrossFutures(true)))
        _ = update(&bench, .finder(.runSearch))
        _ = update(&bench, .finder(.searchProgress(SearchProgress(explored: 6, resolved: 6, total: 12))))
        #expect(WorkbenchView.render(bench).lines.contains { $0.contains("50.0%") && $0.contains("Esc cancels") })
        #expect(update(&bench, .finder(.cancelSearch)) == [.cancelSearch])
        // An ordinary search's answer is not the robust search's.
        _ = update(&bench, .finder(.searchFinished(try PackageSearch(bench.scenario).run(bench.state.searchRequest))))
        #expect(bench.finder.running && !bench.finder.hasResults)
        var request = bench.state.searchRequest
        request.budget = SearchBudget(packages: 1)
        let stopped = try bench.session.robustSearch(for: bench.view.seat.id).run(request)
        #expect(!stopped.proven)
        _ = update(&bench, .finder(.robustFinished(stopped)))
        #expect(!bench.finder.running && bench.finder.robust == stopped)
        #expect(WorkbenchView.render(bench).lines.contains { $0.contains("stopped early: best found so far") })
    }

    /// A robust search covers every future whichever is shown: `w` keeps its results (and
    /// a robust search running); an edit stops the search and marks the results stale.
    @Test func futuresKeepRobustResultsAndEditsMarkThemStale() throws {
        var bench = try bench("Data/training/four-futures.yaml")
        try runRobust(&bench)
        let results = bench.finder.robust
        // The analysis is of the future shown, so it is asked for again.
        #expect(!update(&bench, .futures(.cycleFuture(1))).contains(.cancelSearch))
        #expect(bench.finder.robust == results && bench.finder.order == [0, 1] && bench.finder.analysis == nil)
        _ = update(&bench, .finder(.runSearch))
        #expect(!update(&bench, .futures(.cycleFuture(1))).contains(.cancelSearch), "the running robust search goes on")
        #expect(bench.finder.running)
        _ = update(&bench, .editing(.edit(.salience(actor: "us", issue: "dida", 3))))
        #expect(bench.finder.robust == results && bench.finder.stale && !bench.finder.running)
    }

    /// Tests/Fixtures/futures-small.yaml: P = (x1, y0) holds today ({a, c}) and in three
    /// futures; in multipolar-nationalist a leaves and the rule `half` fails, in
    /// splinternet c leaves and `with-c` fails.
    @Test func theAnalysisPaneSaysWhichFuturesAPackageHoldsIn() throws {
        var bench = try bench("Tests/Fixtures/futures-small.yaml")
        _ = update(&bench, .finder(.runSearch))
        _ = update(&bench, .finder(.searchFinished(try PackageSearch(bench.scenario).run(bench.state.searchRequest))))
        let package = Package(choices: [1, 0])
        let position = try #require(bench.finder.order.firstIndex { bench.finder.packages[$0].package == package })
        let effects = update(&bench, .finder(.focusResult(position)))
        guard case .analyse(let analysed, let request) = try #require(effects.last) else {
            Issue.record("expected an analysis, got \(effects)")
            return
        }
        #expect(analysed == package)
        let futures = try bench.session.outlook(of: package, for: bench.view.seat.id)
        #expect(futures.map(\.evaluation.viable) == [true, true, true, false, true, false])
        let analysis = try PackageAnalysis(bench.scenario, package: package, request: request)
        _ = update(&bench, .finder(.analysisReady(AnalysisResult(analysis, revision: bench.view.revision, futures: futures))))
        let pane = FinderScreen.detailLines(bench.state, bench.finder.packages[bench.finder.order[position]], width: 300, rows: 20).map(\.0)
        #expect(pane.contains("futures: holds in today, bipolar-nationalist, bipolar-internationalist, multipolar-internationalist; "
            + "breaks in multipolar-nationalist (a leaves; rule half fails), splinternet (c leaves; rule with-c fails)"))
    }

    /// A delegation may not run it: it ranks packages by every actor's values in every future.
    @Test func aDelegationIsRefused() throws {
        var bench = try bench("Data/training/four-futures.yaml", seat: Seat(id: "india", role: .delegation("india")))
        _ = update(&bench, .finder(.setAcrossFutures(true)))
        #expect(update(&bench, .finder(.runSearch)).isEmpty)
        #expect(bench.message?.hasPrefix("the coalition finder reads every actor's private values") == true)
        #expect(throws: SessionError.self) { try bench.session.robustSearch(for: "india") }
        #expect(throws: SessionError.self) { try bench.session.outlook(of: bench.view.package, for: "india") }
    }
}

/// Earlier searches stay on hand with their settings: `[` and `]` switch among them, and
/// an edit drops them with the results.
@Suite struct SearchHistoryTests {
    @Test func earlierSearchesAreSwitchable() throws {
        var bench = try RobustFinderTests().bench("Data/training/four-futures.yaml")
        _ = update(&bench, .finder(.runSearch))
        _ = update(&bench, .finder(.searchFinished(try PackageSearch(bench.scenario).run(bench.state.searchRequest))))
        _ = update(&bench, .finder(.setObjective(.members)))
        _ = update(&bench, .finder(.require("india", true)))
        _ = update(&bench, .finder(.runSearch))
        let second = bench.state.searchRequest
        _ = update(&bench, .finder(.searchFinished(try PackageSearch(bench.scenario).run(second))))
        try RobustFinderTests().runRobust(&bench)
        #expect(bench.finder.history.count == 3 && bench.finder.shownRun == 2)
        #expect(WorkbenchView.render(bench).lines.contains { $0.contains("search 3 of 3 ([ ]): 2 packages viable today and in every future") })
        #expect(Keymap.workbench.action(for: .character("["), in: bench) == .finder(.showRun(-1)))
        _ = update(&bench, .finder(.showRun(-1)))
        #expect(bench.message == "search 2 of 3: members, with india")
        #expect(bench.finder.robust == nil && bench.finder.request == second && bench.finder.rankedBy == .members)
        _ = update(&bench, .finder(.showRun(-1)))
        #expect(bench.finder.request?.objective == .capability && bench.finder.request?.include == [])
        _ = update(&bench, .finder(.showRun(-1)))
        #expect(bench.message == "search 1 of 3 is the earliest")
        _ = update(&bench, .finder(.showRun(2)))
        #expect(bench.finder.robust != nil && bench.message == "search 3 of 3: robust, members, with india")
        // A future keeps the robust search only; an edit drops the history and marks what
        // is shown stale.
        _ = update(&bench, .futures(.cycleFuture(1)))
        #expect(bench.finder.history.count == 1 && bench.finder.shownRun == 0)
        _ = update(&bench, .editing(.edit(.salience(actor: "us", issue: "dida", 3))))
        #expect(bench.finder.history.isEmpty && bench.finder.hasResults && bench.finder.stale)
    }
}
