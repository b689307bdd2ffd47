import EntenteCore
import EntenteSession
import EntenteTUI
import EntenteWorkbench
import Testing

/// Ordering and filtering lists, Home and End, and the help overlay's pages.
extension WorkbenchViewTests {
    @Test func interestsOrdersActors() throws {
        var state = try state("Data/training/cables-and-chips.yaml", Size(columns: 100, rows: 30))
        _ = update(&state, .show(.interests))
        let ids = { (state: LocalWorkbench) in state.visibleActors.map { state.scenario.actors[$0].id } }
        #expect(ids(state) == ["us", "eu", "india"])
        _ = update(&state, .browsing(.cycleActorOrder))
        // Share of attention on cables: us 1/4, eu 1/2, india 3/4 (docs/training.md).
        #expect(state.actorOrder == .salience && ids(state) == ["india", "eu", "us"])
        #expect(WorkbenchView.render(state).lines[1].contains("by attention to the issue"))
        _ = update(&state, .browsing(.cycleActorOrder))
        #expect(ids(state) == ["us", "eu", "india"], "capability 3, 2, 1")
        _ = update(&state, .browsing(.cycleActorOrder))
        #expect(ids(state) == ["us", "eu", "india"], "the transatlantic members first")
        var command = state
        _ = update(&command, .openCommandLine)
        for character in "order salience" { _ = update(&command, .commandKey(.character(character))) }
        _ = update(&command, .commandKey(.enter))
        #expect(command.actorOrder == .salience)
    }

    @Test func homeAndEndJumpInEveryList() throws {
        var state = try finderWithResults(Size(columns: 100, rows: 30))
        #expect(Keymap.workbench.action(for: .end, in: state) == .jump(toEnd: true))
        _ = update(&state, .jump(toEnd: true))
        #expect(state.finder.selected == state.finder.order.count - 1)
        _ = update(&state, .jump(toEnd: false))
        #expect(state.finder.selected == 0)
        _ = update(&state, .show(.issues))
        _ = update(&state, .jump(toEnd: true))
        #expect(state.selectedIssue == state.scenario.issues.count - 1)
        _ = update(&state, .show(.interests))
        _ = update(&state, .jump(toEnd: true))
        #expect(state.cell.actor == state.scenario.actors.count - 1)
        var overview = try self.state("Data/open-internet.yaml", Size(columns: 80, rows: 24))
        _ = update(&overview, .jump(toEnd: true))
        let bottom = overview.scroll
        #expect(bottom > 0)
        _ = update(&overview, .scroll(-1))
        #expect(overview.scroll == bottom - 1, "scrolling back works at once after End")
    }

    @Test func filterCommandAndGroupCommand() throws {
        var state = try finderWithResults(Size(columns: 100, rows: 30))
        for line in ["filter india", "group transatlantic"] {
            _ = update(&state, .openCommandLine)
            for character in line { _ = update(&state, .commandKey(.character(character))) }
            _ = update(&state, .commandKey(.enter))
        }
        #expect(state.filter == "india" && state.screen == .interests && state.groupingFilter == 0)
        #expect(state.visibleActors.isEmpty, "India is not in the transatlantic grouping")
        _ = update(&state, .browsing(.setFilter("")))
        #expect(state.visibleActors == [0, 1])
    }

    @Test func helpHasAPageOfCommandsThatScrolls() throws {
        var state = try state("Data/training/cables-and-chips.yaml", Size(columns: 80, rows: 24))
        _ = update(&state, .showCommands)
        var lines = WorkbenchView.render(state).lines
        #expect(lines.contains { $0.contains("Commands (type : first)") && $0.contains("↓/↑ scroll") })
        #expect(lines.contains { $0.contains("as ") && $0.contains("workshop view") })
        #expect(Keymap.workbench.action(for: .character("j"), in: state) == .scroll(1))
        for _ in 0..<40 { _ = update(&state, .scroll(1)) }
        lines = WorkbenchView.render(state).lines
        #expect(lines.contains { $0.contains("value ") && $0.contains("0…100") }, "the last command comes into view")
        #expect(Keymap.workbench.action(for: .character("q"), in: state) == .toggleHelp, "q closes the help, not the workbench")
        _ = update(&state, .toggleHelp)
        #expect(!state.showHelp)
    }
}

extension WorkbenchViewTests {
    @Test func narrowBriefWrapsLongLinesAndScrollsToTheEnd() throws {
        var state = try state("Data/training/cables-and-chips.yaml", Size(columns: 40, rows: 12))
        _ = update(&state, .show(.brief))
        let long = "The package keeps every member in and gives the last word of this line: ENDWORD"
        _ = update(&state, .files(.briefReady(state.package, audience: nil, (1...12).map { "line \($0)" }.joined(separator: "\n") + "\n" + long)))
        _ = update(&state, .jump(toEnd: true))
        let lines = WorkbenchView.render(state).lines
        #expect(lines.contains { $0.contains("ENDWORD") }, "\(lines)")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
    }
}

extension WorkbenchViewTests {
    @Test func controlCharactersNeverReachTheScreenRaw() throws {
        var scenario = try state("Data/training/cables-and-chips.yaml", Size(columns: 100, rows: 30)).scenario
        scenario.title = "Title\u{1B}[2J"
        scenario.groupings[0].name = "Bloc\u{7}\u{9B}2J"
        scenario.actors[0].name = "US \u{202E}setatS\u{2066}x\u{2069}\u{200B}\u{FEFF}\u{2028}"
        var state = LocalWorkbench(scenario: scenario, file: "Data/training/cables-and-chips.yaml", size: Size(columns: 100, rows: 30))
        _ = update(&state, .show(.issues))
        _ = update(&state, .editing(.edit(.renameIssue(issue: "cables", name: "Cables\u{1B}]0;pwned\u{7}"))))
        _ = update(&state, .show(.interests))
        _ = update(&state, .browsing(.cycleGroupingFilter))
        _ = update(&state, .browsing(.setFilter("x\u{1B}")))
        for screen in state.screens {
            _ = update(&state, .show(screen))
            state.message = "message \u{1B}[31m"
            let grid = WorkbenchView.render(state)
            #expect(!grid.lines.joined().unicodeScalars.contains {
                $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x200B...0x200F).contains($0.value)
                    || (0x2028...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) || $0.value == 0xFEFF
            }, "\(screen)")
        }
    }
}

extension WorkbenchViewTests {
    @Test func slashFiltersIssuesOnIssuesAndInTheBuilder() throws {
        var state = try state("Data/open-internet.yaml", Size(columns: 120, rows: 40))
        _ = update(&state, .show(.issues))
        _ = update(&state, .browsing(.openFilter))
        for character in "STANDARD" { _ = update(&state, .browsing(.filterKey(.character(character)))) }
        _ = update(&state, .browsing(.filterKey(.enter)))
        #expect(state.visibleIssues.map { state.scenario.issues[$0].id } == ["standards-governance", "standards-seats"])
        #expect(state.scenario.issues[state.selectedIssue].id == "standards-governance", "the cursor moves onto a match")
        _ = update(&state, .editing(.selectIssue(5)))
        #expect(state.scenario.issues[state.selectedIssue].id == "standards-seats", "the cursor moves among the matches")
        let lines = WorkbenchView.render(state).lines
        #expect(!lines.contains { $0.contains(" cables ") } && lines.contains { $0.contains("/STANDARD") })
        _ = update(&state, .show(.builder))
        #expect(WorkbenchView.render(state).lines.filter { $0.contains("Governance of technica") || $0.contains("Representation in") }.count == 2)
        #expect(!WorkbenchView.render(state).lines.contains { $0.contains("Submarine cable") })
        #expect(Keymap.workbench.action(for: .escape, in: state) == .browsing(.setFilter("")), "Esc clears a filter that is set")
        _ = update(&state, .browsing(.setFilter("")))
        #expect(state.visibleIssues.count == state.scenario.issues.count)
    }
}

extension WorkbenchViewTests {
    @Test func finderKeysBeginTheConstraintCommands() throws {
        var state = try finderWithResults(Size(columns: 100, rows: 30))
        for (key, text) in [("i", "require "), ("x", "exclude "), ("m", "min ")] {
            _ = update(&state, try #require(Keymap.workbench.action(for: .character(Character(key)), in: state)))
            #expect(state.commandLine?.text == text)
            _ = update(&state, .commandKey(.escape))
        }
        _ = update(&state, .finder(.require("us", true)))
        _ = update(&state, try #require(Keymap.workbench.action(for: .character("F"), in: state)))
        #expect(state.finder.include.isEmpty)
    }
}
