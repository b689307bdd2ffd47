import Foundation
import Testing

/// The real workbench in tmux on the four-futures training scenario: opened in a future,
/// switched with the key and the command, each shown in the title bar and in Figure 1.
@Suite(.serialized) struct FuturesWorkbenchTests {
    let binary = CLITests.binary.path
    let root = CLITests.root.path

    @Test func switchesFuturesWithTheKeyAndTheCommand() throws {
        let session = try TmuxSession(columns: 100, rows: 34, directory: root)
        session.type("\(binary) Data/training/four-futures.yaml --future bipolar-nationalist")
        let opened = session.wait(for: "future: Bipolar and nationalist")
        #expect(opened.ok && opened.screen.contains("▸Bipolar and nationalist"), "\(opened.screen)")
        session.send("w")
        let next = session.wait(for: "future: Bipolar and internationalist")
        #expect(next.ok && next.screen.contains("▸Bipolar and"), "\(next.screen)")
        #expect(!next.screen.contains("▸Bipolar and nationalist"), "the mark moved: \(next.screen)")
        session.send(":")
        session.type("future today")
        let today = session.wait(for: "▸● today")
        #expect(today.ok && !today.screen.contains("future: Bipolar"), "\(today.screen)")
        session.send("q")
        #expect(session.wait { !$0.contains("1 Overview") }.ok)
    }

    /// The finder's robust search on four-futures.yaml (docs/training.md §4): two packages
    /// hold in every future, the best at worst 60.0% of capability, 70.0% today. On the
    /// shipped scenario (2.02e7 packages in five scenarios) Esc stops it with the best so far.
    @Test func theFinderSearchesAcrossEveryFuture() throws {
        let session = try TmuxSession(columns: 120, rows: 40, directory: root)
        session.type("\(binary) Data/training/four-futures.yaml")
        #expect(session.wait(for: "1 Overview").ok)
        session.send("6")
        session.send("r")
        let mode = session.wait(for: "in the worst of today and 4 futures")
        #expect(mode.ok, "\(mode.screen)")
        session.send("Enter")
        // The header can be drawn a moment before the rows: wait for both.
        let found = session.wait { $0.contains("2 packages viable today and in every future") && $0.contains("53.3%") }
        #expect(found.ok && found.screen.contains("Worst▼") && found.screen.contains("F1 bipolar-nationalist"), "\(found.screen)")
        #expect(found.screen.contains("60.0%") && found.screen.contains("70.0%") && found.screen.contains("53.3%"), "\(found.screen)")
        #expect(session.wait(for: "across the futures (capability; worst in bipolar-nationalist)").ok)
        session.send(":")
        session.type("open Data/open-internet.yaml")
        #expect(session.wait(for: "opened Data/open-internet.yaml").ok)
        session.send(":")
        session.type("robust")
        let running = session.wait(for: "Esc cancels")
        #expect(running.ok, "\(running.screen)")
        session.send("Escape")
        let stopped = session.wait(for: "cancelled: best found so far", seconds: 60)
        #expect(stopped.ok && stopped.screen.contains("viable today and in every future"), "\(stopped.screen)")
        session.send("q")
        #expect(session.wait { !$0.contains("1 Overview") }.ok)
    }

    @Test func anUnknownFutureIsAUsageError() throws {
        let session = try TmuxSession(directory: root)
        session.type("\(binary) Data/training/four-futures.yaml --future mars; echo EXIT$?")
        let result = session.wait(for: "EXIT64")
        #expect(result.ok && result.screen.contains("unknown future 'mars'"), "\(result.screen)")
    }
}
