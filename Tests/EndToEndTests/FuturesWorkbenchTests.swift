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

    @Test func anUnknownFutureIsAUsageError() throws {
        let session = try TmuxSession(directory: root)
        session.type("\(binary) Data/training/four-futures.yaml --future mars; echo EXIT$?")
        let result = session.wait(for: "EXIT64")
        #expect(result.ok && result.screen.contains("unknown future 'mars'"), "\(result.screen)")
    }
}
