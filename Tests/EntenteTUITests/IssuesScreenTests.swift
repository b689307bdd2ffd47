import EntenteCore
import EntenteSession
import EntenteTUI
import EntenteWorkbench
import Testing

/// The Issues screen: holds on the table, fixing options, unbundling and rebundling from
/// keys, option edits, and the mouse selecting rows.
extension WorkbenchViewTests {
    @Test(arguments: [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40)])
    func issues(size: Size) throws {
        var state = try state("Data/open-internet.yaml", size)
        _ = update(&state, .show(.issues))
        _ = update(&state, .editing(.selectIssue(3)))
        _ = update(&state, .editing(.selectOption(1)))
        _ = update(&state, .editing(.toggleFix))
        _ = update(&state, .editing(.selectIssue(2)))
        _ = update(&state, .editing(.toggleTable))
        try expectSnapshot(WorkbenchView.render(state), "issues-\(size.columns)x\(size.rows)")
    }

    @Test func issuesKeysHoldFixSplitAndMerge() throws {
        var state = try state("Data/training/cables-and-chips.yaml", Size(columns: 100, rows: 30))
        _ = update(&state, .show(.issues))
        let keymap = Keymap.workbench
        func press(_ key: Key) -> [Effect] { keymap.action(for: key, in: state).map { update(&state, $0) } ?? [] }
        _ = press(.character("j"))
        _ = press(.character("l"))
        #expect(state.selectedIssue == 1 && state.selectedOption == 1)
        _ = press(.enter)
        #expect(state.fixed == ["chips": "allied-pool"] && state.package.choices == [0, 1])
        #expect(state.evaluation.full?.coalition.members == [0, 1], "the builder follows the fix")
        _ = press(.character("t"))
        #expect(state.fixed.isEmpty && state.offTable == ["chips"] && state.package.choices == [0, 0])
        _ = press(.character("t"))
        #expect(state.offTable.isEmpty)
        _ = press(.character("k"))
        _ = press(.character("s"))
        #expect(state.commandLine?.text == "split cables ")
        for character in "repair:national,shared-repair consortium" { _ = update(&state, .commandKey(.character(character))) }
        let effects = update(&state, .commandKey(.enter))
        #expect(effects == [.keepWorkspace(state.finder.settings)], "the session journals the split; the workbench keeps the reshaped package")
        #expect(state.scenario.issues.map(\.id) == ["repair", "consortium", "chips"])
        #expect(state.selectedIssue == 0 && state.package.choices.count == 3)
        let lines = WorkbenchView.render(state).lines
        #expect(lines.contains { $0.contains("(part of cables)") })
        #expect(lines.contains { $0.contains("split from cables") })
        _ = press(.character("v"))
        #expect(state.screen == .interests && state.cell.issue == 0)
        _ = update(&state, .show(.issues))
        _ = press(.character("a"))
        #expect(state.commandLine?.text == "option repair add ")
        _ = update(&state, .commandKey(.escape))
        _ = press(.character("l"))
        _ = press(.character("d"))
        #expect(state.scenario.issues[0].options.map(\.id) == ["national"])
        _ = press(.character("d"))
        #expect(state.message == "national is the status quo of repair; it cannot be dropped")
        _ = press(.character("u"))
        _ = press(.character("m"))
        #expect(state.scenario.issues.map(\.id) == ["cables", "chips"])
        #expect(state.scenario.issues[0].options.map(\.id).count == 6, "different parts merge into every combination")
        _ = press(.character("u"))
        _ = press(.character("u"))
        #expect(state.scenario.issues.map(\.id) == ["cables", "chips"] && state.scenario.issues[0].options.count == 3)
    }

    @Test func mouseSelectsRowsInEveryList() throws {
        var state = try state("Data/open-internet.yaml", Size(columns: 120, rows: 40))
        _ = update(&state, .show(.issues))
        let grid = WorkbenchView.render(state)
        let row = try #require(grid.lines.firstIndex { $0.contains(" on  cybercrime ") })
        let action = try #require(Keymap.workbench.clickAction(x: 10, y: row, in: state))
        _ = update(&state, action)
        #expect(state.scenario.issues[state.selectedIssue].id == "cybercrime")
        _ = update(&state, .show(.builder))
        let builder = WorkbenchView.render(state).lines
        let cables = try #require(builder.firstIndex { $0.contains(state.scenario.issues[0].name.prefix(12)) })
        _ = update(&state, try #require(Keymap.workbench.clickAction(x: 5, y: cables, in: state)))
        #expect(state.selectedIssue == 0)
        _ = update(&state, .show(.interests))
        let map = WorkbenchView.render(state).lines
        let china = try #require(map.firstIndex { $0.hasPrefix(" china ") })
        _ = update(&state, try #require(Keymap.workbench.clickAction(x: 1 + 14 + 7 * 2 + 2, y: china, in: state)))
        #expect(state.scenario.actors[state.cell.actor].id == "china" && state.cell.issue == 2)
        var finder = try finderWithResults(Size(columns: 100, rows: 30))
        let results = WorkbenchView.render(finder).lines
        let third = try #require(results.firstIndex { $0.hasPrefix("    3 ") })
        _ = update(&finder, try #require(Keymap.workbench.clickAction(x: 20, y: third, in: finder)))
        #expect(finder.finder.order[finder.finder.selected] == 2)
    }

    @Test func interestsEditValuesAndRedLinesInPlace() throws {
        var state = try state("Data/training/cables-and-chips.yaml", Size(columns: 100, rows: 30))
        _ = update(&state, .show(.interests))
        let keymap = Keymap.workbench
        func press(_ key: Key) { if let action = keymap.action(for: key, in: state) { _ = update(&state, action) } }
        press(.character("]"))
        press(.character(">"))
        // The US values cables=shared-repair at 70: one step raises it to 75.
        let cables = state.scenario.issues[0]
        #expect(state.scenario.actors[0].interests["cables"]?.value(of: cables.options[1]) == 75)
        #expect(WorkbenchView.render(state).lines.contains { $0.contains("▸shared-repair 75") })
        press(.character("x"))
        #expect(state.scenario.actors[0].interests["cables"]?.redLines == ["shared-repair"])
        #expect(WorkbenchView.render(state).lines.contains { $0.contains("shared-repair (red line) 75") })
        press(.character("x"))
        #expect(state.scenario.actors[0].interests["cables"]?.redLines == [])
        press(.character("["))
        press(.character("x"))
        #expect(state.message == "national is the status quo of cables; a red line cannot fall on it")
        press(.character("e"))
        #expect(state.commandLine?.text == "value us cables national 50")
        for _ in 0..<30 { press(.character("<")) }
        #expect(state.commandLine != nil, "keys go to the open command line")
        _ = update(&state, .commandKey(.escape))
        for _ in 0..<30 { press(.character("<")) }
        #expect(state.scenario.actors[0].interests["cables"]?.value(of: cables.options[0]) == 0, "values stay within 0…100")
        #expect(state.session.journal.count == 13, "edits that change nothing are not recorded")
    }

    @Test(arguments: [Size(columns: 60, rows: 18), Size(columns: 40, rows: 12)])
    func compactScreensKeepTheirEssentials(size: Size) throws {
        var state = try finderWithResults(size)
        _ = update(&state, .browsing(.pin))
        for screen in state.screens {
            _ = update(&state, .show(screen))
            if screen == .brief { _ = update(&state, .files(.briefReady(state.package, audience: state.viewer, "Brief\nline two"))) }
            let lines = WorkbenchView.render(state).lines
            #expect(lines[0].contains("\(screen.rawValue) "), "the tab bar names the screen")
            #expect(lines.dropFirst().dropLast().contains { !$0.isEmpty }, "\(screen) shows something")
            #expect(lines.last?.isEmpty == false, "the status bar")
        }
        _ = update(&state, .show(.builder))
        try expectSnapshot(WorkbenchView.render(state), "builder-\(size.columns)x\(size.rows)")
    }
}
