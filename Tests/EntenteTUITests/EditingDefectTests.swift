import EntenteCore
import EntenteSession
@testable import EntenteTUI
import EntenteWorkbench
import Foundation
import Testing
import EntenteTestSupport

/// Issue 15's defects in editing, errors, undo and the command line (7, 12, 16, 17), each
/// reproduced as a diplomat met it and shown fixed.
@Suite struct EditingDefectTests {
    func bench(_ file: String = "Data/training/cables-and-chips.yaml", size: Size = Size(columns: 100, rows: 30)) throws -> LocalWorkbench {
        let scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent(file).path)
        return LocalWorkbench(scenario: scenario, file: file, size: size)
    }

    /// Types a line into the command line and presses Enter; returns the effects.
    @discardableResult
    func run(_ line: String, _ bench: inout LocalWorkbench) -> [Effect] {
        _ = update(&bench, .openCommandLine)
        for character in line { _ = update(&bench, .commandKey(.character(character))) }
        return update(&bench, .commandKey(.enter))
    }

    /// Defect 7: a note is the author's and is edited with `:note`; changing the values
    /// under a note says that the note was written for the old ones.
    @Test func notesAreEditableAndAValueChangeFlagsTheNote() throws {
        var bench = try bench()
        run("value india cables national 90", &bench)
        #expect(bench.message == "india on cables: national is worth 90; its note was written for the old values (:note india cables TEXT rewrites it)")
        run("note india cables After the call: national repair is acceptable", &bench)
        #expect(bench.message == "india on cables: note set")
        #expect(bench.scenario.actors[2].interests["cables"]?.note == "After the call: national repair is acceptable")
        run("undo", &bench)
        #expect(bench.message == "undone: india on cables: note set")
        #expect(bench.scenario.actors[2].interests["cables"]?.note == "Connectivity matters most; joins only for a clear gain (4 points).")
        run("note india cables", &bench)
        #expect(bench.scenario.actors[2].interests["cables"]?.note == "", "no text removes the note")
    }

    /// Defect 12: `:min 25` with 20 actors is refused with the reason, and so is a search
    /// with a minimum that excluding actors has made impossible.
    @Test func anImpossibleMinimumIsRefused() throws {
        var bench = try bench("Data/open-internet.yaml")
        run("min 25", &bench)
        #expect(bench.message == "no coalition can have 25 members: the scenario has 20 actors, so 20 at most; the minimum stays 0")
        #expect(bench.finder.minMembers == 0)
        run("min 20", &bench)
        run("exclude russia", &bench)
        #expect(run("search", &bench).isEmpty, "no search is started")
        #expect(bench.message == "no coalition can have 20 members: the scenario has 20 actors and 1 are excluded, so 19 at most (:min lowers the minimum, :free all drops the constraints)")
    }

    /// Defect 12: a search that finds nothing says what a coalition had to meet.
    @Test func aSearchThatFindsNothingSaysWhy() throws {
        var bench = try bench()
        run("exclude us", &bench)
        run("exclude eu", &bench)
        guard case .startSearch(let request) = run("search", &bench).first else { throw CocoaError(.featureUnsupported) }
        let result = try PackageSearch(bench.scenario).run(request)
        #expect(result.packages.isEmpty)
        _ = update(&bench, .finder(.searchFinished(result)))
        let screen = WorkbenchView.render(bench.state).lines.joined(separator: "\n")
        #expect(screen.contains("No package gives a viable coalition that meets the scenario's rules, without us, eu."), "\(screen)")
        #expect(screen.contains("Loosen: :free all drops the actor constraints and the minimum"))
    }

    /// Defect 16: option changes in the builder are undone and redone in turn with the
    /// edits of the scenario, newest first, and every message says what it took back.
    @Test func builderChangesUndoInTurnWithEdits() throws {
        var bench = try bench()
        _ = update(&bench, .show(.builder))
        _ = update(&bench, .editing(.changeOption(1)))
        #expect(bench.package.choices == [1, 0])
        run("salience us cables 2", &bench)
        _ = update(&bench, .editing(.selectIssue(1)))
        _ = update(&bench, .editing(.changeOption(1)))
        #expect(bench.package.choices == [1, 1] && bench.view.canUndo)
        _ = update(&bench, .files(.undo))
        #expect(bench.message == "undone: in the builder, chips=allied-pool (was onshore)")
        #expect(bench.package.choices == [1, 0])
        _ = update(&bench, .files(.undo))
        #expect(bench.message == "undone: us on cables: salience 2.00")
        _ = update(&bench, .files(.undo))
        #expect(bench.message == "undone: in the builder, cables=shared-repair (was national); us, eu, india leave")
        #expect(bench.package.choices == [0, 0])
        _ = update(&bench, .files(.undo))
        #expect(bench.message == "nothing to undo")
        _ = update(&bench, .files(.redo))
        #expect(bench.message == "redone: in the builder, cables=shared-repair (was national); us, eu, india join")
        #expect(bench.package.choices == [1, 0])
        _ = update(&bench, .files(.redo))
        #expect(bench.message == "redone: us on cables: salience 2.00")
        _ = update(&bench, .editing(.resetPackage))
        _ = update(&bench, .files(.undo))
        #expect(bench.message == "undone: in the builder, back to the status quo; us, eu, india join")
        #expect(bench.package.choices == [1, 0])
    }

    /// Defect 16: `u` right after `:restore` says that it takes back the whole journal at once.
    @Test func undoAfterRestoreSaysItUndoesTheWholeJournal() throws {
        var bench = try bench()
        let edited = try bench.scenario.settingSalience("us", "cables", to: 2).settingValue("eu", "chips", "onshore", to: 10)
        _ = update(&bench, .files(.journalFound(JournalOffer(changes: bench.session.changes(to: edited, for: bench.view.seat.id), written: nil, fileChanged: false))))
        #expect(update(&bench, .files(.restoreJournal)) == [.restoreJournal(file: bench.file)])
        _ = bench.answer(.restore(edited))
        #expect(bench.message == "restored the unsaved edits; u undoes them all at once")
        _ = update(&bench, .files(.undo))
        #expect(bench.message == "undone: the restored journal (4 changed lines of the file, all at once)")
        #expect(bench.scenario.actors[0].interests["cables"]?.salience == 1)
    }

    /// Defect 17: Tab lists what it cannot choose between, after a command's first letter
    /// and after an actor's.
    @Test func tabListsTheCandidates() throws {
        var bench = try bench("Data/open-internet.yaml")
        _ = update(&bench, .openCommandLine)
        _ = update(&bench, .commandKey(.character("s")))
        _ = update(&bench, .commandKey(.tab))
        #expect(bench.commandLine?.candidates == ["salience", "save", "say", "search", "show", "sort", "split", "start"])
        #expect(WorkbenchView.render(bench.state).lines[28].contains("Tab: salience save say search show sort split start"))
        _ = update(&bench, .commandKey(.escape))
        _ = update(&bench, .openCommandLine)
        for character in "require in" { _ = update(&bench, .commandKey(.character(character))) }
        _ = update(&bench, .commandKey(.tab))
        #expect(bench.commandLine?.text == "require in" && bench.commandLine?.candidates == ["india", "indonesia", "infrastructure-services"])
        _ = update(&bench, .commandKey(.character("d")))
        #expect(bench.commandLine?.candidates == [], "the next key closes the list")
        _ = update(&bench, .commandKey(.tab))
        #expect(bench.commandLine?.text == "require ind" && bench.commandLine?.candidates == ["india", "indonesia"])
    }

    /// Defect 17: `:help value` says that command's form and purpose.
    @Test func helpNamesOneCommand() throws {
        var bench = try bench()
        run("help value", &bench)
        #expect(bench.message == "value ACTOR ISSUE OPTION NUMBER: set an actor's value (0…100) for an option")
        #expect(!bench.showHelp)
        run("help", &bench)
        #expect(bench.showHelp && bench.helpPage == .commands)
        run("help nonsense", &bench)
        #expect(bench.message?.hasPrefix("unknown command 'nonsense'") == true)
    }

    /// Defect 17: the prompts `s`, `n`, `e` and `o` on Issues (and `e` on Interests) show the
    /// command's form above the line and end with the value as it stands.
    @Test func promptsShowTheirFormAndTheCurrentValue() throws {
        var bench = try bench()
        _ = update(&bench, .show(.issues))
        _ = update(&bench, .editing(.selectOption(2)))
        let keys: [(Character, String, String)] = [
            ("s", "split cables ", "split ISSUE TEXT: unbundle an issue"),
            ("n", "option cables rename open-consortium Open cable consortium", "option ISSUE add|drop|rename|openness|describe OPTION TEXT"),
            ("o", "option cables openness open-consortium 2", "option ISSUE"),
            ("e", "option cables describe open-consortium ", "option ISSUE"),
            ("r", "rename cables Submarine cable protection and repair", "rename ISSUE TEXT: rename an issue"),
        ]
        for (key, text, hint) in keys {
            let action = try #require(Keymap.workbench.action(for: .character(key), in: bench))
            _ = update(&bench, action)
            #expect(bench.commandLine?.text == text, "\(key)")
            #expect(WorkbenchView.render(bench.state).lines[28].contains(hint), "\(key): \(WorkbenchView.render(bench.state).lines[28])")
            _ = update(&bench, .commandKey(.escape))
        }
        _ = update(&bench, .show(.interests))
        _ = update(&bench, .editing(.prompt(.value)))
        #expect(bench.commandLine?.text == "value us cables open-consortium 60")
    }

    /// Missed feature 6: an edit of a stance marks the finder's results stale instead of
    /// dropping them; a new search keeps the selected package selected. An edit of the
    /// table (a split) leaves packages that no longer fit, and drops them.
    @Test func anEditMarksResultsStaleAndARerunKeepsTheSelection() throws {
        var bench = try bench()
        _ = update(&bench, .show(.finder))
        func search(_ bench: inout LocalWorkbench) throws -> [Effect] {
            guard case .startSearch(let request) = update(&bench, .finder(.runSearch)).first else { throw CocoaError(.featureUnsupported) }
            return update(&bench, .finder(.searchFinished(try PackageSearch(bench.scenario).run(request))))
        }
        _ = try search(&bench)
        let results = try #require(bench.finder.result?.packages.count)
        #expect(results > 2)
        _ = update(&bench, .finder(.selectResult(2)))
        let selected = try #require(bench.selectedResult)
        let effects = update(&bench, .editing(.edit(.salience(actor: "us", issue: "cables", 3))))
        #expect(bench.finder.stale && bench.finder.result?.packages.count == results && bench.selectedResult == selected)
        #expect(!effects.contains { if case .analyse = $0 { true } else { false } }, "stale results are not analysed")
        #expect(WorkbenchView.render(bench.state).lines[2].contains("STALE, the scenario changed since; Enter searches again, keeping the selection"))
        _ = try search(&bench)
        #expect(!bench.finder.stale && bench.selectedResult == selected)
        _ = update(&bench, .editing(.edit(.split(issue: "cables", parts: [IssuePart(id: "repair"), IssuePart(id: "laying")]))))
        #expect(bench.finder.result == nil && !bench.finder.stale)
    }
}
