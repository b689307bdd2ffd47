import EntenteCore
import EntenteTUI
import Foundation
import Testing

/// The `:` command line: typing, completion, history, every command, and errors.
@Suite struct CommandLineTests {
    func state() throws -> AppState {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scenario = try ScenarioLoader.load(path: repository.appendingPathComponent("Data/training/cables-and-chips.yaml").path)
        return AppState(scenario: scenario, file: "cables.yaml", size: Size(columns: 100, rows: 30))
    }

    /// Types a line into the command line and presses Enter; returns the effects.
    func run(_ line: String, _ state: inout AppState) -> [Effect] {
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
        #expect(run("fix chips=allied-pool", &state).isEmpty)
        #expect(state.screen == .builder && state.package.choices == [0, 1])
        #expect(state.evaluation.coalition.members == [0, 1])
        guard case .startSearch(let request) = run("search nash", &state).first else {
            Issue.record(":search starts a search")
            return
        }
        #expect(state.screen == .finder && request.objective == .nash && request.table == nil)
        _ = update(&state, .searchFinished(try PackageSearch(state.scenario).run(request)))
        _ = run("table chips off", &state)
        #expect(state.offTable == [1] && state.package.choices[1] == 0)
        #expect(state.message == "chips is off the table: held at its status quo")
        _ = update(&state, .show(.builder))
        _ = update(&state, .selectIssue(1))
        _ = update(&state, .changeOption(1))
        #expect(state.package.choices[1] == 0 && state.message?.contains("off the table") == true)
        guard case .startSearch(let narrowed) = run("search", &state).first else {
            Issue.record(":search starts a search")
            return
        }
        #expect(narrowed.table == ["cables"])
        _ = run("table chips on", &state)
        #expect(state.offTable.isEmpty)
    }

    @Test func fileCommandsBecomeEffects() throws {
        var state = try state()
        #expect(run("save", &state) == [.save(state.scenario, path: "cables.yaml", force: false)])
        #expect(run("save! other.yaml", &state) == [.save(state.scenario, path: "other.yaml", force: true)])
        #expect(run("brief out.txt", &state) == [.writeBrief(state.scenario, state.package, path: "out.txt", force: false)])
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
        #expect(state.message?.hasPrefix(":table takes ISSUE on|off") == true)
    }

    @Test func completionAndHistory() throws {
        let scenario = try state().scenario
        #expect(Commands.complete("se", scenario: scenario) == "search ")
        #expect(Commands.complete("s", scenario: scenario) == "s")
        #expect(Commands.complete("search to", scenario: scenario) == "search total-gain ")
        #expect(Commands.complete("fix ch", scenario: scenario) == "fix chips=")
        #expect(Commands.complete("fix chips=al", scenario: scenario) == "fix chips=allied-pool ")
        #expect(Commands.complete("table cables o", scenario: scenario) == "table cables o")
        #expect(Commands.complete("table cables of", scenario: scenario) == "table cables off ")
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
