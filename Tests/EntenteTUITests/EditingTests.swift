import EntenteCore
import EntenteSession
import EntenteTUI
import EntenteWorkbench
import Foundation
import Testing
import EntenteTestSupport

/// Edits never lose work: undo and redo, the journal written on every edit, restoring it,
/// and quitting that asks when there are unsaved changes.
@Suite struct EditingTests {
    func state() throws -> LocalWorkbench {
        let scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent("Data/training/cables-and-chips.yaml").path)
        var state = LocalWorkbench(scenario: scenario, file: "cables.yaml", size: Size(columns: 100, rows: 30))
        _ = update(&state, .show(.interests))
        return state
    }

    func salience(_ state: LocalWorkbench) -> Double { state.scenario.actors[0].interests["cables"]!.salience }

    /// The journal offer the runner would make for `edited`, its changes as the seat sees them.
    func offer(_ edited: Scenario, in state: LocalWorkbench, written: String? = nil, fileChanged: Bool = false) -> JournalOffer {
        JournalOffer(changes: state.session.changes(to: edited, for: state.view.seat.id), written: written, fileChanged: fileChanged)
    }

    @Test func salienceEditsAutosaveAndReevaluate() throws {
        var state = try state()
        #expect(Keymap.workbench.action(for: .character("+"), in: state) == .editing(.adjustSalience(0.1)))
        let effects = update(&state, .editing(.adjustSalience(0.1)))
        #expect(salience(state) == 1.1)
        #expect(effects.isEmpty, "the session journals the change; the workbench asks nothing more")
        #expect(state.dirty && state.view.canUndo && state.session.journal.map(\.summary) == ["us on cables: salience 1.10"])
        for _ in 0..<20 { _ = update(&state, .editing(.adjustSalience(-0.1))) }
        #expect(salience(state) == 0, "never below zero")
        // The evaluation follows the edited scenario: the US now cares only about chips.
        _ = update(&state, .editing(.setOption(issue: 0, option: 1)))
        #expect(state.evaluation.full?.gains[0] == 0)
        state.message = nil
        #expect(WorkbenchView.render(state).lines.last?.contains("cables.yaml [+]") == true, "the status bar marks unsaved changes")
    }

    @Test func undoAndRedo() throws {
        var state = try state()
        _ = update(&state, .editing(.adjustSalience(0.1)))
        _ = update(&state, .editing(.adjustSalience(0.1)))
        #expect(update(&state, .files(.undo)).isEmpty && state.message?.hasPrefix("undone: ") == true && state.message?.hasSuffix("salience 1.20") == true)
        #expect(salience(state) == 1.1)
        _ = update(&state, .files(.undo))
        #expect(salience(state) == 1)
        _ = update(&state, .files(.undo))
        #expect(state.message == "nothing to undo")
        _ = update(&state, .files(.redo))
        #expect(salience(state) == 1.1)
        _ = update(&state, .editing(.adjustSalience(0.5)))
        #expect(!state.view.canRedo, "a new edit drops what was undone")
        _ = update(&state, .files(.redo))
        #expect(state.message == "nothing to redo")
        #expect(Keymap.workbench.action(for: .character("u"), in: state) == .files(.undo))
        #expect(Keymap.workbench.action(for: .control("r"), in: state) == .files(.redo))
    }

    @Test func quitAsksOnlyWithUnsavedChanges() throws {
        var clean = try state()
        #expect(update(&clean, .quit) == [.quit])
        var state = try state()
        _ = update(&state, .editing(.adjustSalience(0.1)))
        #expect(update(&state, .quit).isEmpty)
        #expect(state.message?.hasPrefix("unsaved changes: q again") == true)
        #expect(update(&state, .quit) == [.dropJournal(file: "cables.yaml"), .quit])
        var saved = try self.state()
        _ = update(&saved, .editing(.adjustSalience(0.1)))
        #expect(update(&saved, .files(.saved("cables.yaml"))) == [.dropJournal(file: "cables.yaml")])
        #expect(!saved.dirty && update(&saved, .quit) == [.quit])
    }

    @Test func journalRestoreAndDiscard() throws {
        var state = try state()
        var edited = state.scenario
        edited.actors[0].interests["cables"]!.salience = 2
        _ = update(&state, .files(.journalFound(offer(edited, in: state))))
        #expect(update(&state, .files(.restoreJournal)) == [.restoreJournal(file: "cables.yaml")])
        #expect(state.journal == nil)
        _ = state.answer(.restore(edited))
        #expect(salience(state) == 2 && state.dirty)
        _ = update(&state, .files(.undo))
        #expect(salience(state) == 1, "restoring is itself undoable")
        var other = try self.state()
        _ = update(&other, .files(.journalFound(offer(edited, in: other))))
        #expect(update(&other, .files(.discardJournal)) == [.dropJournal(file: "cables.yaml")])
        #expect(salience(other) == 1 && !other.dirty && other.journal == nil)
    }

    /// The offer stays until it is answered: other keys, screens and commands that would
    /// edit (and so overwrite the journal) do nothing; r, d and c answer it.
    @Test func theJournalOfferStaysUntilAnswered() throws {
        var state = try state()
        var edited = state.scenario
        edited.actors[0].interests["cables"]!.salience = 2
        _ = update(&state, .files(.journalFound(offer(edited, in: state, written: "at 2026-12-01 13:20:05"))))
        let keymap = Keymap.workbench
        for key in [Key.character("+"), .character("2"), .tab, .escape, .enter, .character("u")] {
            if let action = keymap.action(for: key, in: state) { #expect(update(&state, action).isEmpty) }
        }
        #expect(state.journal != nil && salience(state) == 1)
        #expect(WorkbenchView.render(state).lines.joined(separator: "\n").contains("Unsaved edits from an earlier session"))
        #expect(update(&state, .editing(.edit(.salience(actor: "us", issue: "cables", 3)))).isEmpty, "no edit may overwrite the journal unseen")
        #expect(update(&state, .files(.requestSave(nil, force: true))).isEmpty, "saving would drop the journal unseen")
        #expect(keymap.action(for: .character("c"), in: state) == .files(.toggleJournalChanges))
        _ = update(&state, .files(.toggleJournalChanges))
        let changes = WorkbenchView.render(state).lines.joined(separator: "\n")
        #expect(changes.contains("What restoring would change"))
        #expect(changes.contains("-         salience: 1") && changes.contains("+         salience: 2"), "\(changes)")
        #expect(keymap.action(for: .character("r"), in: state) == .files(.restoreJournal))
        #expect(keymap.action(for: .character("d"), in: state) == .files(.discardJournal))
        #expect(keymap.action(for: .character("q"), in: state) == .quit)
        #expect(update(&state, .quit) == [.quit], "quitting keeps the journal for next time")
    }

    @Test func restoringOverAFileChangedOnDiskSaysSo() throws {
        var state = try state()
        var edited = state.scenario
        edited.actors[0].interests["cables"]!.salience = 2
        _ = update(&state, .files(.journalFound(offer(edited, in: state, fileChanged: true))))
        #expect(WorkbenchView.render(state).lines.joined(separator: "\n").contains("has changed on disk since these edits were made"))
        _ = update(&state, .files(.restoreJournal))
        #expect(state.message?.contains("the file changed on disk after these edits began, so :save asks") == true)
    }

    @Test func openingAnotherFileAsksFirstWithUnsavedEdits() throws {
        var state = try state()
        #expect(update(&state, .files(.requestOpen("other.yaml", force: false))) == [.open("other.yaml")])
        #expect(update(&state, .files(.stopOpening)) == [.cancelOpen])
        _ = update(&state, .editing(.adjustSalience(0.1)))
        #expect(update(&state, .files(.requestOpen("other.yaml", force: false))).isEmpty)
        #expect(state.message?.hasPrefix("unsaved edits to cables.yaml: :save them first, or :open! other.yaml") == true)
        #expect(Commands.parse("open! other.yaml", scenario: state.scenario) == .success([.files(.requestOpen("other.yaml", force: true))]))
        #expect(update(&state, .files(.requestOpen("other.yaml", force: true))) == [.open("other.yaml")])
    }

    @Test func savingElsewhereDropsTheFirstFilesJournal() throws {
        var state = try state()
        _ = update(&state, .editing(.adjustSalience(0.1)))
        #expect(update(&state, .files(.saved("copy.yaml"))) == [.dropJournal(file: "cables.yaml"), .dropJournal(file: "copy.yaml")])
        #expect(state.file == "copy.yaml" && !state.dirty)
    }

    @Test func aSecondWorkbenchChoosesItsOwnJournalOrReadOnly() throws {
        var state = try state()
        _ = update(&state, .files(.journalLocked("pid 42 on host, since 2026-12-01 13:20:05")))
        #expect(WorkbenchView.render(state).lines.joined(separator: "\n").contains("is open in another workbench (pid 42 on host"))
        #expect(Keymap.workbench.action(for: .character("+"), in: state) == nil)
        #expect(Keymap.workbench.action(for: .character("o"), in: state) == .files(.useOwnJournal))
        var own = state
        #expect(update(&own, .files(.useOwnJournal)) == [.useOwnJournal(file: "cables.yaml")])
        #expect(own.lockHolder == nil && !own.readOnly)
        _ = update(&state, .files(.openReadOnly))
        #expect(state.readOnly && state.lockHolder == nil)
        #expect(update(&state, .editing(.adjustSalience(0.1))).isEmpty && salience(state) == 1)
        #expect(update(&state, .files(.requestSave(nil, force: true))).isEmpty)
        state.message = nil
        #expect(WorkbenchView.render(state).lines.last?.contains("[read-only]") == true)
    }
}

extension EditingTests {
    @Test func anEditOvertakesARunningSearch() throws {
        var state = try state()
        _ = update(&state, .finder(.runSearch))
        #expect(state.finder.running)
        let effects = update(&state, .editing(.adjustSalience(0.1)))
        #expect(effects == [.cancelSearch])
        #expect(!state.finder.running)
        var before = state.scenario
        before.actors[0].interests["cables"]!.salience = 1
        let stale = try PackageSearch(before).run(SearchRequest())
        _ = update(&state, .finder(.searchFinished(stale)))
        #expect(state.finder.result == nil, "results of the scenario before the edit are not shown")
    }
}

extension EditingTests {
    @Test func openingAnotherScenarioStartsAfreshButKeepsHistoryAndView() throws {
        var state = try state()
        state.history = ["search"]
        _ = update(&state, .editing(.adjustSalience(0.1)))
        _ = update(&state, .browsing(.setViewer("eu")))
        _ = update(&state, .editing(.setFixed(issue: "chips", option: "allied-pool")))
        let other = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent("Data/training/standards-bargain.yaml").path)
        _ = update(&state, .files(.requestOpen("standards.yaml", force: true)))
        #expect(state.load(other, file: "standards.yaml").isEmpty)
        #expect(state.scenario == other && state.file == "standards.yaml" && !state.dirty && !state.view.canUndo)
        #expect(state.fixed.isEmpty && state.history == ["search"] && state.message == "opened standards.yaml")
        #expect(state.viewer == nil, "a fresh session: the facilitator's own view")
    }
}

extension EditingTests {
    /// A file opens off the main loop: keys are still read while it loads, Esc stops
    /// waiting (a result that arrives afterwards is dropped), and a failure says why.
    @Test func openingRunsOffTheMainLoopAndEscStopsIt() throws {
        var state = try state()
        #expect(update(&state, .files(.requestOpen("big.yaml", force: false))) == [.open("big.yaml")])
        #expect(state.opening == "big.yaml" && state.message == "opening big.yaml… (Esc stops)")
        #expect(update(&state, .files(.requestOpen("other.yaml", force: false))).isEmpty, "one file opens at a time")
        #expect(state.message == "still opening big.yaml; Esc stops it")
        #expect(Keymap.workbench.action(for: .escape, in: state) == .files(.stopOpening))
        #expect(update(&state, .files(.stopOpening)) == [.cancelOpen])
        #expect(state.opening == nil && state.message == "stopped opening big.yaml")
        let other = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent("Data/training/standards-bargain.yaml").path)
        let before = state.scenario
        _ = state.load(other, file: "big.yaml")
        #expect(state.scenario == before, "a load that Esc stopped does not replace the scenario on screen")
        _ = update(&state, .files(.requestOpen("broken.yaml", force: false)))
        _ = update(&state, .files(.openFailed(file: "broken.yaml", "broken.yaml:3:1: error: unknown field")))
        #expect(state.opening == nil && state.message == "broken.yaml:3:1: error: unknown field" && state.scenario == before)
    }
}

