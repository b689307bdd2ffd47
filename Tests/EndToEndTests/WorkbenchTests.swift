import Foundation
import Testing

/// The real workbench in tmux: it opens, answers keys, reflows on resize, and always gives
/// the terminal back (after q and after SIGTERM, checked with `stty -a` in the same shell).
@Suite(.serialized) struct WorkbenchTests {
    let binary = CLITests.binary.path
    let root = CLITests.root.path

    /// A shell in tmux with the workbench open on the training scenario, and whether its
    /// title appeared.
    /// The workbench on the training file, with a state folder of its own, so that no
    /// workspace kept by an earlier run is restored into the test.
    func openCablesAndChips() throws -> (session: TmuxSession, opened: Bool) {
        let session = try TmuxSession(directory: root)
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("entente-state-\(UUID().uuidString)")
        session.type("XDG_STATE_HOME=\(state.path) \(binary) Data/training/cables-and-chips.yaml")
        return (session, session.wait(for: "Cables and chips").ok)
    }

    /// `stty -a` in the shell the workbench ran in shows a cooked terminal again. The
    /// markers are computed by the shell ($((40+2))), so the typed command cannot match them.
    func expectRestored(_ session: TmuxSession) {
        // Typed too early, the check would be read (and dropped) by the workbench itself.
        #expect(session.wait { !$0.contains("1 Overview") }.ok, "the workbench is still on screen")
        session.type("if stty -a | tr ' ;' '\\n\\n' | grep -qx -e -icanon -e -echo; then echo RAW$((40+2)); else echo COOKED$((40+2)); fi")
        let result = session.wait { $0.contains("COOKED42") || $0.contains("RAW42") }
        #expect(result.ok && result.screen.contains("COOKED42"), "\(result.screen)")
    }

    @Test func opensTheShippedScenarioShowsHelpAndQuits() throws {
        let session = try TmuxSession(directory: root)
        session.type(binary)
        #expect(session.wait(for: "The open internet on the brink").ok)
        #expect(session.screen.contains("1 Overview"))
        session.send("?")
        #expect(session.wait(for: "close this help").ok)
        session.send("Escape")
        #expect(session.wait { !$0.contains("close this help") }.ok)
        session.send("q")
        #expect(session.wait { !$0.contains("1 Overview") }.ok)
        expectRestored(session)
    }

    @Test func buildingAPackageChangesTheCoalition() throws {
        let (session, opened) = try openCablesAndChips()
        #expect(opened)
        session.send("3", "l")
        #expect(session.wait(for: "United States on Semiconductor supply").ok)
        session.send("5")
        #expect(session.wait(for: "Coalition: 0 members").ok)
        session.send("l")
        #expect(session.wait(for: "Coalition: 3 members").ok)
        session.send("j", "h")
        let redLine = session.wait(for: "red line")
        #expect(redLine.ok && redLine.screen.contains("Coalition: 2 members"), "\(redLine.screen)")
        session.send("q")
        expectRestored(session)
    }

    @Test func searchFromTheFinderAndCancelALongOne() throws {
        let (session, opened) = try openCablesAndChips()
        #expect(opened)
        session.send("6", "Enter")
        let ranked = session.wait(for: "proven best")
        #expect(ranked.ok && ranked.screen.contains("Coalition") && ranked.screen.contains("everyone") && ranked.screen.contains("us,eu "), "\(ranked.screen)")
        session.send("q")
        expectRestored(session)

        // Ranking by novelty leaves branch and bound nothing to prune: this would run for hours.
        let big = FileManager.default.temporaryDirectory.appendingPathComponent("entente-big-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: big) }
        session.type("\(binary) generate --actors 30 --issues 20 --options 4 --output \(big) && \(binary) \(big)")
        #expect(session.wait(for: "1 Overview").ok)
        session.send("6", "o", "o", "o", "o", "o")
        #expect(session.wait(for: "Rank by: novelty").ok)
        session.send("Enter")
        #expect(session.wait(for: "Esc cancels").ok)
        session.send("Escape")
        let cancelled = session.wait(for: "cancelled: best found so far")
        #expect(cancelled.ok, "\(cancelled.screen)")
        session.send("q")
        expectRestored(session)
    }

    @Test func briefCommandWritesABriefAndAsksBeforeOverwriting() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("entente-brief-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (session, opened) = try openCablesAndChips()
        #expect(opened)
        session.send(":choose chips=allied-pool", "Enter")
        #expect(session.wait(for: "Coalition: 2 members").ok)
        session.send(":brief \(path)", "Enter")
        #expect(session.wait(for: "brief written to").ok)
        let brief = try String(contentsOfFile: path, encoding: .utf8)
        #expect(brief.hasPrefix("Proposed package: Cables and chips"))
        #expect(brief.contains("Semiconductor supply: Allied supply pool"))
        session.send(":brief \(path)", "Enter")
        #expect(session.wait(for: "exists; :brief!").ok)
        session.send("8")
        #expect(session.wait(for: "Proposed package: Cables and chips").ok)
        session.send(":quit", "Enter")
        expectRestored(session)
    }

    @Test func editsSurviveKillAndUndoRedoWorks() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("entente-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("cables.yaml").path
        try FileManager.default.copyItem(atPath: root + "/Data/training/cables-and-chips.yaml", toPath: file)
        let session = try TmuxSession(directory: root)
        let command = "XDG_STATE_HOME=\(directory.path)/state \(binary) \(file)"
        session.type(command)
        #expect(session.wait(for: "Cables and chips").ok)
        session.send("3", "+", "+")
        #expect(session.wait(for: "salience 1.20").ok)
        session.send("u")
        #expect(session.wait(for: "undone").ok)
        #expect(session.wait(for: "salience 1.10 (").ok)
        session.send("C-r")
        #expect(session.wait(for: "salience 1.20 (").ok)
        // Killed without a chance to clean up: the journal keeps the edits. Nothing can
        // restore the terminal after SIGKILL, so do what a person would: stty sane, with
        // Ctrl-J since Enter no longer ends a line in raw mode.
        TmuxSession.spawn(["pkill", "-KILL", "-f", "cables.yaml"], capture: false)
        #expect(session.wait(for: "illed").ok)
        session.send("stty sane; clear", "C-j")
        #expect(session.wait { !$0.contains("1 Overview") }.ok)
        session.type(command)
        #expect(session.wait(for: "Unsaved edits from an earlier session").ok)
        session.send(":restore", "Enter", "3")
        #expect(session.wait(for: "salience 1.20 (").ok)
        session.send("q")
        #expect(session.wait(for: "unsaved changes: q again").ok)
        session.send(":save", "Enter")
        #expect(session.wait(for: "saving would drop").ok, "the file's comments would be lost: it asks first")
        session.send(":save!", "Enter")
        let saved = session.wait(for: "saved ")
        #expect(saved.ok, "\(saved.screen)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("salience: 1.2"))
        session.send("q")
        expectRestored(session)
    }

    @Test func splitAnIssueOnTheIssuesScreenAndMergeItBack() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("entente-split-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let session = try TmuxSession(directory: root)
        session.type("XDG_STATE_HOME=\(state.path) \(binary) Data/training/cables-and-chips.yaml")
        #expect(session.wait(for: "Cables and chips").ok)
        session.send("2")
        #expect(session.wait(for: "Issues by lever").ok)
        session.send("s")
        #expect(session.wait(for: ":split cables").ok)
        session.send("repair consortium", "Enter")
        let split = session.wait(for: "(part of cables)")
        #expect(split.ok && split.screen.contains("consortium"), "\(split.screen)")
        session.send("m")
        #expect(session.wait(for: "merged the parts back into cables").ok)
        session.send("q")
        #expect(session.wait(for: "unsaved changes: q again").ok)
        session.send("q")
        expectRestored(session)
    }

    @Test func theMouseSwitchesTabsAndSelectsRows() throws {
        let (session, opened) = try openCablesAndChips()
        #expect(opened)
        let tabs = session.screen.split(separator: "\n", omittingEmptySubsequences: false)[0]
        let builder = try #require(tabs.range(of: "5 Builder"))
        session.click(column: tabs.distance(from: tabs.startIndex, to: builder.lowerBound) + 1, row: 0)
        #expect(session.wait(for: "Coalition: 0 members").ok)
        // The issues start on the fourth row; the second is chips.
        session.click(column: 5, row: 4)
        session.send("l")
        let moved = session.wait(for: "Coalition: 2 members")
        #expect(moved.ok, "\(moved.screen)")
        session.send("q")
        expectRestored(session)
    }

    @Test func workshopViewShowsOneActor() throws {
        let session = try TmuxSession(directory: root)
        session.type("\(binary) --as eu Data/training/cables-and-chips.yaml")
        #expect(session.wait(for: "You play European Union").ok)
        session.send("5")
        let builder = session.wait(for: "Workshop view: others")
        #expect(builder.ok && !builder.screen.contains("United States"), "\(builder.screen)")
        session.send("q")
        expectRestored(session)
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let (session, opened) = try openCablesAndChips()
        #expect(opened)
        TmuxSession.spawn(["pkill", "-TERM", "-f", "cables-and-chips.yaml"], capture: false)
        #expect(session.wait { !$0.contains("1 Overview") }.ok)
        expectRestored(session)
    }

    @Test func resizeReflowsAndTooSmallSaysSo() throws {
        let (session, opened) = try openCablesAndChips()
        #expect(opened)
        session.resize(columns: 60, rows: 20)
        let narrow = session.wait { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 20 && lines[19].contains("Data/training")
        }
        #expect(narrow.ok, "\(narrow.screen)")
        session.resize(columns: 30, rows: 10)
        #expect(session.wait(for: "Terminal too small").ok)
        session.resize(columns: 100, rows: 30)
        #expect(session.wait(for: "1 Overview").ok)
        session.send("q")
        expectRestored(session)
    }
}
