import EntenteCore
import EntenteSession
import EntenteTUI
import EntenteWorkbench
import Foundation
import Testing
import EntenteTestSupport

/// The `:` command line: typing, completion, history, every command, and errors.
@Suite struct CommandLineTests {
    func state() throws -> LocalWorkbench {
        let scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent("Data/training/cables-and-chips.yaml").path)
        return LocalWorkbench(scenario: scenario, file: "cables.yaml", size: Size(columns: 100, rows: 30))
    }

    /// Types a line into the command line and presses Enter; returns the effects.
    func run(_ line: String, _ state: inout LocalWorkbench) -> [Effect] {
        _ = update(&state, .openCommandLine)
        for character in line { _ = update(&state, .commandKey(.character(character))) }
        return update(&state, .commandKey(.enter))
    }

    @Test func keysGoToTheOpenCommandLine() throws {
        var state = try state()
        #expect(Keymap.workbench.action(for: .character(":"), in: state) == .openCommandLine)
        _ = update(&state, .openCommandLine)
        #expect(Keymap.workbench.action(for: .character("q"), in: state) == .commandKey(.character("q")))
        _ = update(&state, .commandKey(.character("q")))
        _ = update(&state, .commandKey(.backspace))
        #expect(state.commandLine?.text == "")
        _ = update(&state, .commandKey(.escape))
        #expect(state.commandLine == nil)
        let grid = WorkbenchView.render({ var s = state; _ = update(&s, .openCommandLine); _ = update(&s, .commandKey(.character("f"))); return s }())
        #expect(grid.lines.last?.hasPrefix(":f") == true)
    }

    @Test func fixSearchAndTable() throws {
        var state = try state()
        #expect(run("choose chips=allied-pool", &state) == [.keepWorkspace(state.finder.settings)])
        #expect(state.screen == .builder && state.package.choices == [0, 1])
        #expect(state.evaluation.full?.coalition.members == [0, 1])
        guard case .startSearch(let request) = run("search nash", &state).first else {
            Issue.record(":search starts a search")
            return
        }
        #expect(state.screen == .finder && request.objective == .nash && request.table == nil)
        _ = update(&state, .finder(.searchFinished(try PackageSearch(state.scenario).run(request))))
        _ = run("table chips off", &state)
        #expect(state.offTable == ["chips"] && state.package.choices[1] == 0)
        // The builder's package goes back to the status quo on chips, and says who left.
        #expect(state.message == "chips is off the table: held at its status quo; us, eu leave")
        _ = update(&state, .show(.builder))
        _ = update(&state, .editing(.selectIssue(1)))
        _ = update(&state, .editing(.changeOption(1)))
        #expect(state.package.choices[1] == 0 && state.message?.contains("off the table") == true)
        guard case .startSearch(let narrowed) = run("search", &state).first else {
            Issue.record(":search starts a search")
            return
        }
        #expect(narrowed.table == ["cables"])
        _ = run("table chips on", &state)
        #expect(state.offTable.isEmpty)
    }

    @Test func fixHoldsAnIssueInTheBuilderAndTheSearch() throws {
        var state = try state()
        _ = run("fix chips=allied-pool", &state)
        #expect(state.fixed == ["chips": "allied-pool"] && state.package.choices == [0, 1])
        _ = update(&state, .show(.builder))
        _ = update(&state, .editing(.selectIssue(1)))
        _ = update(&state, .editing(.changeOption(1)))
        #expect(state.package.choices[1] == 1 && state.message?.contains("fixed at allied-pool") == true)
        _ = run("require eu", &state)
        _ = run("exclude india", &state)
        _ = run("min 2", &state)
        guard case .startSearch(let request) = run("search", &state).first else {
            Issue.record(":search starts a search")
            return
        }
        #expect(request.fixed == ["chips": "allied-pool"] && request.include == ["eu"] && request.exclude == ["india"] && request.minMembers == 2)
        _ = update(&state, .finder(.cancelSearch))
        _ = update(&state, .finder(.searchFinished(try PackageSearch(state.scenario).run(request))))
        #expect(WorkbenchView.render(state).lines.contains { $0.contains("held: chips=allied-pool · with eu · without india · at least 2 members") })
        _ = run("free all", &state)
        _ = run("fix chips", &state)
        #expect(state.fixed.isEmpty && state.finder.include.isEmpty && state.finder.minMembers == 0)
        _ = run("fix chips=allied-pool", &state)
        _ = run("table chips off", &state)
        #expect(state.fixed.isEmpty && state.package.choices[1] == 0, "off the table releases a fix")
    }

    @Test func everyScreenAndSortByName() throws {
        var state = try state()
        for screen in state.screens {
            _ = run("show \(screen.rawValue)", &state)
            #expect(state.screen == screen)
        }
        _ = run("show issues", &state)
        #expect(state.screen == .issues)
        _ = run("sort novelty", &state)
        #expect(state.screen == .finder && state.finder.sort == .novelty)
        _ = run("group quad", &state)
        #expect(state.message?.hasPrefix("unknown grouping 'quad'") == true)
    }

    @Test func editCommands() throws {
        var state = try state()
        _ = run("split cables subsea:national,open landing", &state)
        #expect(state.scenario.issues.map(\.id) == ["subsea", "landing", "chips"])
        #expect(state.message?.hasPrefix("split cables into subsea, landing") == true && state.dirty)
        _ = run("option landing add shared Shared stations", &state)
        #expect(state.scenario.issues[1].options.last?.name == "Shared stations")
        _ = run("option landing rename shared Pooled stations", &state)
        #expect(state.scenario.issues[1].options.last?.name == "Pooled stations")
        _ = run("value us landing shared 90", &state)
        #expect(state.scenario.actors[0].interests["landing"]?.value(of: state.scenario.issues[1].options.last!) == 90)
        _ = run("redline india landing shared on", &state)
        #expect(state.scenario.actors[2].interests["landing"]?.redLines == ["shared"])
        _ = run("salience eu landing 3", &state)
        #expect(state.scenario.actors[1].interests["landing"]?.salience == 3)
        _ = run("option landing openness shared 2.5", &state)
        _ = run("option landing describe shared Stations shared by every member", &state)
        #expect(state.scenario.issues[1].options.last?.openness == 2.5)
        #expect(state.scenario.issues[1].options.last?.description == "Stations shared by every member")
        _ = run("option landing drop shared", &state)
        _ = run("rename landing Landing rights", &state)
        #expect(state.scenario.issues[1].name == "Landing rights")
        _ = run("merge subsea", &state)
        #expect(state.scenario.issues.map(\.id) == ["cables", "chips"])
        _ = run("merge chips", &state)
        #expect(state.message?.contains("no parts to merge") == true)
        for _ in 0..<11 { _ = run("undo", &state) }
        #expect(state.scenario == (try self.state().scenario), "every edit undoes")
    }


    @Test func fileCommandsBecomeEffects() throws {
        var state = try state()
        #expect(run("save", &state) == [.save(path: "cables.yaml", force: false)])
        #expect(run("save! other.yaml", &state) == [.save(path: "other.yaml", force: true)])
        #expect(run("brief out.txt", &state) == [.writeBrief(state.package, path: "out.txt", audience: nil, format: .text, force: false)])
        // Missed feature 5: every form the CLI has, from the workbench.
        #expect(run("brief out.md --for india", &state) == [.writeBrief(state.package, path: "out.md", audience: "india", format: .md, force: false)])
        #expect(run("brief! out.txt --format json", &state) == [.writeBrief(state.package, path: "out.txt", audience: nil, format: .json, force: true)])
        #expect(run("brief out.json", &state) == [.writeBrief(state.package, path: "out.json", audience: nil, format: .json, force: false)])
        #expect(run("brief out.txt --for atlantis", &state).isEmpty && state.message?.hasPrefix("unknown actor 'atlantis'") == true)
        #expect(run("brief out.txt --format pdf", &state).isEmpty && state.message == "unknown format 'pdf'; expected one of: text, md, json")
        #expect(run("open x.yaml", &state) == [.open("x.yaml")])
        #expect(run("quit", &state) == [.quit])
        _ = run("help", &state)
        #expect(state.showHelp)
    }

    @Test func errorsAreMessages() throws {
        var state = try state()
        #expect(run("bogus", &state).isEmpty)
        #expect(state.message?.hasPrefix("unknown command 'bogus'") == true)
        _ = run("fix chips=moon", &state)
        #expect(state.message?.contains("'moon' is not an option of issue 'chips'") == true)
        _ = run("search fame", &state)
        #expect(state.message?.hasPrefix("unknown objective 'fame'") == true)
        _ = run("table atlantis off", &state)
        #expect(state.message?.hasPrefix("unknown issue 'atlantis'; expected one of: cables, chips") == true)
    }

    @Test func completionAndHistory() throws {
        let scenario = try state().scenario
        #expect(Commands.complete("se", scenario: scenario).text == "search ")
        #expect(Commands.complete("s", scenario: scenario).text == "s")
        #expect(Commands.complete("search to", scenario: scenario).text == "search total-gain ")
        #expect(Commands.complete("fix ch", scenario: scenario).text == "fix chips=")
        #expect(Commands.complete("fix chips=al", scenario: scenario).text == "fix chips=allied-pool ")
        #expect(Commands.complete("table cables o", scenario: scenario).text == "table cables o")
        #expect(Commands.complete("table cables of", scenario: scenario).text == "table cables off ")
        #expect(Commands.complete("value u", scenario: scenario).text == "value us ")
        #expect(Commands.complete("value us chips a", scenario: scenario).text == "value us chips allied-pool ")
        #expect(Commands.complete("option chips dr", scenario: scenario).text == "option chips drop ")
        #expect(Commands.complete("show bu", scenario: scenario).text == "show builder ")
        #expect(Commands.complete("as in", scenario: scenario).text == "as india ")
        var state = try state()
        _ = run("fix chips=allied-pool", &state)
        _ = run("search", &state)
        _ = update(&state, .openCommandLine)
        _ = update(&state, .commandKey(.up))
        #expect(state.commandLine?.text == "search")
        _ = update(&state, .commandKey(.up))
        #expect(state.commandLine?.text == "fix chips=allied-pool")
        _ = update(&state, .commandKey(.down))
        #expect(state.commandLine?.text == "search")
    }
}
