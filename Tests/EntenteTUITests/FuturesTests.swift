import EntenteCore
import EntenteSession
@testable import EntenteTUI
import EntenteWorkbench
import Foundation
import Testing
import EntenteTestSupport

/// The future selector, Figure 1 on the Overview, Compare across futures and links on
/// Interests, on Tests/Fixtures/futures-small.yaml (its answers are worked by hand at the
/// top of the file).
@Suite struct FuturesTests {
    static let file = "Tests/Fixtures/futures-small.yaml"
    /// The package the fixture's comment works out: x changed, y as now.
    static let package = Package(choices: [1, 0])

    func state(_ size: Size = Size(columns: 100, rows: 30)) throws -> LocalWorkbench {
        let scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent(Self.file).path)
        return LocalWorkbench(scenario: scenario, file: Self.file, size: size)
    }

    func expectSnapshot(_ grid: Grid, _ name: String) throws {
        try WorkbenchViewTests().expectSnapshot(grid, name)
    }

    // MARK: The selector

    @Test func theSelectorStepsThroughTodayAndEveryFuture() throws {
        var state = try state()
        #expect(Keymap.workbench.action(for: .character("w"), in: state) == .futures(.cycleFuture(1)))
        var seen: [String] = []
        for _ in 0..<6 {
            _ = update(&state, .futures(.cycleFuture(1)))
            seen.append((state.view.future ?? "today"))
        }
        #expect(seen == ["bipolar-nationalist", "bipolar-internationalist", "multipolar-nationalist",
                         "multipolar-internationalist", "splinternet", "today"])
        _ = update(&state, .futures(.cycleFuture(-1)))
        #expect((state.view.future ?? "today") == "splinternet")
    }

    @Test func everyScreenShowsTheDocumentInTheSelectedFuture() throws {
        var state = try state()
        let document = state.view.today
        _ = update(&state, .futures(.setFuture("multipolar-nationalist")))
        var expected = try document.inFuture("multipolar-nationalist")
        expected.title += " · future: Multipolar and nationalist"
        #expect(state.scenario == expected)
        #expect(state.view.today == document && state.session.scenario == document, "choosing a future is not an edit")
        #expect(!state.dirty && !state.view.canUndo)
        // The builder evaluates in the future: the added rule needs half the capability.
        _ = update(&state, .editing(.setOption(issue: 0, option: 1)))
        #expect(state.evaluation.full?.coalition.members == [2] && state.evaluation.full?.viable == false)
        // Searches read the future; saving writes the document, futures and all.
        #expect(try state.session.engineScenario(for: state.view.seat.id, "a search") == document.inFuture("multipolar-nationalist"))
        #expect(update(&state, .files(.requestSave(nil, force: false))) == [.save(path: Self.file, force: false)])
        let grid = WorkbenchView.render(state)
        #expect(grid.lines[0].contains("future: Multipolar and nationalist  Small futures"), "the title bar names it")
        state.message = nil
        #expect(WorkbenchView.render(state).lines.last?.contains("future: multipolar-nationalist") == true, "the status bar names it")
        _ = update(&state, .futures(.setFuture(nil)))
        #expect(state.scenario == document)
    }

    @Test func choosingAFutureDropsResultsForTheOldScenarioAndCancelsASearch() throws {
        var state = try state()
        _ = update(&state, .show(.finder))
        _ = update(&state, .finder(.runSearch))
        #expect(update(&state, .futures(.setFuture("splinternet"))) == [.cancelSearch, .keepWorkspace(state.finder.settings)])
        #expect(!state.finder.running && state.finder.result == nil)
    }

    @Test func theFutureCommandAndItsErrors() throws {
        var state = try state()
        #expect(Commands.parse("future bipolar-nationalist", scenario: state.view.today) == .success([.futures(.setFuture("bipolar-nationalist"))]))
        #expect(Commands.parse("future today", scenario: state.view.today) == .success([.futures(.setFuture(nil))]))
        #expect(Commands.parse("future mars", scenario: state.view.today)
            == .failure(CommandError("unknown future 'mars'; expected one of: today, bipolar-nationalist, bipolar-internationalist, multipolar-nationalist, multipolar-internationalist, splinternet")))
        #expect(Commands.complete("future mu", scenario: state.view.today).text == "future multipolar-")
        _ = update(&state, .futures(.setFuture("mars")))
        #expect(state.view.future == nil && state.message?.hasPrefix("unknown future 'mars'") == true)
        // A scenario without futures says so rather than doing nothing.
        let plain = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent("Data/training/cables-and-chips.yaml").path)
        var other = LocalWorkbench(scenario: plain, file: "cables.yaml", size: Size(columns: 100, rows: 30))
        _ = update(&other, .futures(.cycleFuture(1)))
        #expect(other.view.future == nil && other.message?.contains("no futures") == true)
    }

    /// Edits change the document; the future is applied again on top of each.
    @Test func editsChangeTodayAndTheFutureIsReapplied() throws {
        var state = try state()
        _ = update(&state, .futures(.setFuture("bipolar-nationalist")))
        _ = update(&state, .show(.interests))
        _ = update(&state, .browsing(.focusCell(actor: 2, issue: 0)))
        _ = update(&state, .editing(.selectOption(1)))
        let effects = update(&state, .editing(.adjustValue(5)))
        // Today c values x1 at 70; the future takes 50 off.
        #expect(state.session.scenario.actors[2].interests["x"]!.value(of: state.scenario.issues[0].options[1]) == 75)
        #expect(state.view.today == state.session.scenario)
        #expect(state.scenario.actors[2].interests["x"]!.value(of: state.scenario.issues[0].options[1]) == 25)
        #expect(effects.isEmpty && state.dirty, "the session journals the change")
        #expect(state.view.future == "bipolar-nationalist")
        _ = update(&state, .files(.undo))
        #expect(state.scenario.actors[2].interests["x"]!.value(of: state.scenario.issues[0].options[1]) == 20)
        #expect(state.view.future == "bipolar-nationalist")
    }

    // MARK: Links

    @Test func linksAreAddedChangedAndDroppedUndoably() throws {
        var state = try state()
        _ = update(&state, .show(.interests))
        let original = state.view.today
        let added = Link(when: [LinkCondition(issue: "x", options: ["x0"]), LinkCondition(issue: "y", options: ["y0", "y1"])], points: -3, note: "A penalty")
        #expect(Commands.parse("link a add -3 x=x0 y=y0,y1 A penalty", scenario: state.view.today) == .success([.editing(.edit(.addLink(actor: "a", added)))]))
        let effects = commandLine(&state, "link a add -3 x=x0 y=y0,y1 A penalty")
        #expect(state.view.today.actors[0].links == original.actors[0].links + [added])
        #expect(effects.isEmpty && state.session.journal.count == 1)
        #expect(state.message == "a: link 2 added, -3 when x=x0 and y=y0,y1")
        // The edit key begins the command with the selected link as it stands.
        _ = update(&state, .futures(.selectLink(1)))
        _ = update(&state, .editing(.prompt(.editLink)))
        #expect(state.commandLine?.text == "link a edit 2 -3 x=x0 y=y0,y1 A penalty")
        state.commandLine = nil
        _ = commandLine(&state, "link a edit 2 7.5 x=x0 y=y1")
        #expect(state.view.today.actors[0].links[1] == Link(when: [LinkCondition(issue: "x", options: ["x0"]), LinkCondition(issue: "y", options: ["y1"])], points: 7.5))
        _ = update(&state, .futures(.dropSelectedLink))
        #expect(state.view.today.actors[0].links == original.actors[0].links)
        #expect(state.linkCursor == 0)
        _ = update(&state, .files(.undo))
        #expect(state.view.today.actors[0].links.count == 2)
        _ = update(&state, .files(.undo))
        _ = update(&state, .files(.undo))
        #expect(state.view.today == original)
        _ = update(&state, .files(.redo))
        #expect(state.view.today.actors[0].links == original.actors[0].links + [added])
    }

    @Test func badLinksAreRefusedWithTheReason() throws {
        var state = try state()
        let cases = [
            ("link a add 5 x=x1", "a link needs at least two distinct issues; found 1"),
            ("link a add 500 x=x1 y=y1", "a link's points are a number from -100 to 100"),
            ("link a add 5 x=x9 y=y1", "'x9' is not an option of issue 'x'; expected one of: x0, x1"),
            ("link a add 5 z=z1 y=y1", "unknown issue 'z'; expected one of: x, y"),
            ("link a drop 4", "a has links 1 to 1; there is no link 4"),
            ("link b drop 1", "b has no links"),
            ("link a add x=x1 y=y1", "a link is POINTS ISSUE=OPTION[,OPTION…] ISSUE=OPTION… [NOTE]"),
            ("link a edit 0 5 x=x1 y=y1", "'0' is not a link number (1 for the first)"),
        ]
        for (line, message) in cases {
            _ = commandLine(&state, line)
            #expect(state.message == message, "\(line)")
        }
        #expect(!state.view.canUndo && !state.dirty)
    }

    @Test func aParticipantEditsOnlyItsOwnLinks() throws {
        var state = try state()
        _ = update(&state, .browsing(.setViewer("b")))
        _ = commandLine(&state, "link a drop 1")
        #expect(state.session.scenario.actors[0].links.count == 1 && state.message?.isEmpty == false, "refused: \(state.message ?? "")")
        _ = commandLine(&state, "link b add 2 x=x1 y=y1")
        #expect(state.session.scenario.actors[1].links.count == 1)
    }

    /// A format 2 scenario edited in the workbench goes through the journal and back
    /// unchanged: links, futures and all.
    @Test func aJournalOfLinkEditsRoundTrips() throws {
        var state = try state()
        _ = commandLine(&state, "link c add 2.5 x=x1 y=y0,y1 Both ways")
        // The runner journals the session's document after each change.
        let journalled = state.session.scenario
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-futures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("journal.yaml").path
        try Journal(scenario: journalled, base: nil).text(file: Self.file).write(toFile: path, atomically: true, encoding: .utf8)
        let read = try #require(Journal.read(path))
        #expect(read.scenario == journalled)
        #expect(read.scenario.futures.count == 5 && read.scenario.actors[2].links.count == 1)
        var fresh = try self.state()
        _ = update(&fresh, .futures(.setFuture("splinternet")))
        _ = update(&fresh, .files(.journalFound(JournalOffer(changes: fresh.session.changes(to: read.scenario, for: fresh.view.seat.id), written: nil, fileChanged: false))))
        #expect(update(&fresh, .files(.restoreJournal)) == [.restoreJournal(file: Self.file)])
        _ = fresh.answer(.restore(read.scenario))
        #expect(fresh.session.scenario == state.session.scenario)
        #expect(fresh.scenario.actors[2].links.count == 1, "the restored links show in the future too")
        #expect(fresh.scenario.actors[1].links.count == 1, "with the future's own link beside them")
    }

    // MARK: Screens

    @Test(arguments: [Size(columns: 100, rows: 30), Size(columns: 80, rows: 24)])
    func overviewDrawsFigureOne(size: Size) throws {
        var state = try state(size)
        _ = update(&state, .editing(.setOption(issue: 0, option: 1)))
        _ = update(&state, .futures(.setFuture("bipolar-internationalist")))
        state.message = nil
        let grid = WorkbenchView.render(state)
        try expectSnapshot(grid, "overview-futures-\(size.columns)x\(size.rows)")
        // The selected quadrant is marked and highlighted.
        let row = try #require(grid.lines.firstIndex { $0.contains("▸Bipolar and internationalist") })
        let column = try #require(grid.lines[row].firstIndex(of: "▸")).utf16Offset(in: grid.lines[row])
        #expect(grid[column, row].style.reverse)
    }

    @Test func figureOneInASCII() throws {
        var state = try state(Size(columns: 80, rows: 24))
        state.message = nil
        let grid = WorkbenchView.render(state, charset: .ascii)
        try expectSnapshot(grid, "overview-futures-ascii-80x24")
        let first = try #require(grid.lines.firstIndex { $0.contains("Figure 1") })
        let last = try #require(grid.lines.firstIndex { $0.contains("today, where the axes cross") })
        let figure = grid.lines[first...last].joined(separator: "\n")
        #expect(figure.unicodeScalars.allSatisfy { $0.isASCII }, "\(figure)")
    }

    @Test func futuresArePlacedByTheirIdsOrNames() {
        func quadrant(_ id: String, _ name: String) -> FutureFigure.Quadrant? { .init(naming: Future(id: id, name: name)) }
        #expect(quadrant("bipolar-nationalist", "") == .bipolarNationalist)
        #expect(quadrant("f1", "Multipolar and internationalist") == .multipolarInternationalist)
        #expect(quadrant("multipolar-nationalist", "") == .multipolarNationalist)
        #expect(quadrant("cold-war", "Bipolar, internationalist") == .bipolarInternationalist)
        #expect(quadrant("splinternet", "Splinternet") == nil)
        #expect(quadrant("bipolar", "Bipolar") == nil, "one axis is not a quadrant")
        let placed = FutureFigure.placement([Future(id: "bipolar-nationalist", name: "A"), Future(id: "other", name: "B"),
                                             Future(id: "bipolar-nationalist-2", name: "C")])
        #expect(placed.quadrants[.bipolarNationalist]?.name == "A")
        #expect(placed.others.map(\.name) == ["B", "C"], "a second future for a taken quadrant is listed beside")
    }

    /// Compare: the package today and in every future, as the fixture's comment works out.
    @Test func compareShowsAPinnedPackageInEveryFuture() throws {
        var state = try state()
        _ = update(&state, .editing(.setOption(issue: 0, option: 1)))
        _ = update(&state, .browsing(.pin))
        _ = update(&state, .editing(.setOption(issue: 0, option: 0)))
        _ = update(&state, .browsing(.pin))
        _ = update(&state, .futures(.selectPin(-1)))
        #expect(state.comparedPin == 1)
        _ = update(&state, .futures(.selectPin(1)))
        #expect(state.comparedPin == 0, "the first pin, x changed")
        _ = update(&state, .futures(.setFuture("multipolar-internationalist")))
        _ = update(&state, .show(.compare))
        state.message = nil
        let outlook = FutureOutlook(state.session.scenario, package: Self.package)
        let gains = outlook.rows.map { row in row.evaluation.gains.map { ($0 * 100).rounded() / 100 } }
        #expect(gains == [[10, -5, 40], [10, -5, -10], [10, 5, 40], [10, -5, 40], [6.67, -5, 40], [10, -5, 40]])
        #expect(state.view.futures.map { $0.pins[0].full } == outlook.rows.map(\.evaluation), "what Compare draws is the core's outlook")
        let members = outlook.rows.map { $0.evaluation.coalition.members }
        #expect(members == [[0, 2], [0], [0, 1, 2], [2], [0, 2], [0]])
        try expectSnapshot(WorkbenchView.render(state), "compare-futures-100x30")
        _ = update(&state, .browsing(.setViewer("b")))
        state.message = nil
        let restricted = WorkbenchView.render(state).lines.joined(separator: "\n")
        #expect(restricted.contains("Package 1 today and in every future"))
        #expect(!restricted.contains("+40.00"), "c's gain is hidden from b")
    }

    @Test func interestsShowsLinksAndTheFuturesOwn() throws {
        var state = try state()
        _ = update(&state, .show(.interests))
        _ = commandLine(&state, "link a add -3 x=x0 y=y0,y1 A penalty")
        _ = update(&state, .futures(.selectLink(1)))
        _ = update(&state, .futures(.setFuture("splinternet")))
        _ = update(&state, .browsing(.focusCell(actor: 1, issue: 1)))
        state.message = nil
        try expectSnapshot(WorkbenchView.render(state), "interests-links-b-100x30")
        _ = update(&state, .browsing(.focusCell(actor: 0, issue: 0)))
        try expectSnapshot(WorkbenchView.render(state), "interests-links-a-100x30")
    }

    /// Types a command line and presses Enter, returning the effects.
    private func commandLine(_ state: inout LocalWorkbench, _ text: String) -> [Effect] {
        _ = update(&state, .openCommandLine)
        for character in text { _ = update(&state, .commandKey(.character(character))) }
        return update(&state, .commandKey(.enter))
    }
}
