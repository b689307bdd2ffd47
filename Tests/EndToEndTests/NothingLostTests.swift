import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real workbench in tmux, treated as a clumsy user would treat it (kill -9, a second
/// workbench on the same file, edits made elsewhere, links and private files): nothing is
/// lost. One test per way of losing work that was found.
@Suite(.serialized) struct NothingLostTests {
    let binary = CLITests.binary.path
    let root = CLITests.root.path

    /// A private folder with a copy of the training scenario (comments dropped, so that
    /// `:save` needs no `!`) and a state folder of its own for the journals. File names
    /// avoid "cables", which other tests' pkill patterns match.
    struct Sandbox {
        let folder: String
        var state: String { folder + "/state" }
        var journals: String { state + "/entente" }

        init(root: String) throws {
            folder = "/tmp/el-" + UUID().uuidString.prefix(8).lowercased()
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let original = try String(contentsOfFile: root + "/Data/training/cables-and-chips.yaml", encoding: .utf8)
            let plain = original.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }.joined(separator: "\n")
            try write(plain, to: "deal.yaml")
        }

        func path(_ name: String) -> String { folder + "/" + name }

        func write(_ text: String, to name: String) throws { try text.write(toFile: path(name), atomically: false, encoding: .utf8) }

        func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

        func command(_ binary: String, _ file: String) -> String { "XDG_STATE_HOME=\(state) \(binary) \(path(file))" }

        /// The journals in the state folder (not their locks).
        var journalFiles: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: journals)) ?? []).filter { $0.hasSuffix(".journal.yaml") }.sorted()
        }

        /// Kills every workbench of this sandbox with SIGKILL, found through the pids in
        /// their journal locks (checked against /proc, so that no other process is hit).
        func killWorkbenches() {
            for lock in ((try? FileManager.default.contentsOfDirectory(atPath: journals)) ?? []) where lock.hasSuffix(".lock") {
                guard let text = try? String(contentsOfFile: journals + "/" + lock, encoding: .utf8),
                      let field = text.split(separator: " ").first(where: { $0.hasPrefix("pid=") }),
                      let pid = Int32(field.dropFirst(4)),
                      let commandLine = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
                      String(decoding: commandLine, as: UTF8.self).contains(folder) else { continue }
                kill(pid, SIGKILL)
            }
        }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// After kill -9 nothing restores the terminal: do what a person would (stty sane, with
    /// Ctrl-J since Enter no longer ends a line in raw mode).
    func recover(_ session: TmuxSession) {
        #expect(session.wait(for: "illed").ok)
        session.send("stty sane; clear", "C-j")
        #expect(session.wait { !$0.contains("1 Overview") }.ok)
    }

    /// Opens the workbench on a sandbox file and waits for it.
    func open(_ session: TmuxSession, _ sandbox: Sandbox, _ file: String = "deal.yaml") {
        session.type(sandbox.command(binary, file))
        #expect(session.wait(for: "1 Overview").ok)
    }

    /// Raises the US salience on cables once (1 → 1.1) on Interests: an unsaved edit.
    func editSalience(_ session: TmuxSession, to expected: String = "1.10") {
        session.send("3", "+")
        #expect(session.wait(for: "salience \(expected)").ok)
    }

    @Test func theRestoreOfferAfterKillStaysUntilAnswered() throws {
        let sandbox = try Sandbox(root: root)
        defer { sandbox.remove() }
        let session = try TmuxSession(directory: sandbox.folder)
        open(session, sandbox)
        editSalience(session)
        sandbox.killWorkbenches()
        recover(session)
        let journal = try #require(sandbox.journalFiles.first)
        let written = try String(contentsOfFile: sandbox.journals + "/" + journal, encoding: .utf8)
        open(session, sandbox)
        #expect(session.wait(for: "Unsaved edits from an earlier session").ok)
        // Keys that would switch screens or edit leave the offer where it is.
        session.send("2", "Tab", "+", "Escape", "Enter", "u")
        usleep(300_000)
        let still = session.screen
        #expect(still.contains("Unsaved edits from an earlier session") && still.range(of: #"\br +restore the edits"#, options: .regularExpression) != nil, "\(still)")
        #expect(try String(contentsOfFile: sandbox.journals + "/" + journal, encoding: .utf8) == written, "the journal is untouched")
        session.send("c")
        let changes = session.wait(for: "What restoring would change")
        #expect(changes.ok && changes.screen.contains("-         salience: 1") && changes.screen.contains("+         salience: 1.1"), "\(changes.screen)")
        session.send("r")
        #expect(session.wait(for: "restored the unsaved edits").ok)
        session.send("3")
        #expect(session.wait(for: "salience 1.10 (").ok)
        session.send(":quit!", "Enter")
        #expect(session.wait { !$0.contains("1 Overview") }.ok)
        #expect(sandbox.journalFiles.isEmpty, "quit! drops the edits and their journal")
    }

    @Test func openingAnotherFileAsksAndReopeningOffersTheJournal() throws {
        let sandbox = try Sandbox(root: root)
        defer { sandbox.remove() }
        try sandbox.write(try sandbox.read("deal.yaml"), to: "other.yaml")
        let session = try TmuxSession(directory: sandbox.folder)
        open(session, sandbox)
        editSalience(session)
        session.send(":open \(sandbox.path("other.yaml"))", "Enter")
        #expect(session.wait(for: "unsaved edits to").ok)
        #expect(session.screen.contains("deal.yaml [+]") || session.screen.contains(":save them first"))
        session.send(":open! \(sandbox.path("other.yaml"))", "Enter")
        #expect(session.wait(for: "opened \(sandbox.path("other.yaml"))").ok)
        // Editing the other file writes its own journal, never the first one's.
        editSalience(session)
        #expect(session.wait(seconds: 5) { _ in sandbox.journalFiles.count == 2 }.ok, "\(sandbox.journalFiles)")
        session.send(":open! \(sandbox.path("deal.yaml"))", "Enter")
        #expect(session.wait(for: "Unsaved edits from an earlier session").ok, "the first file's journal is offered back")
        session.send("r")
        session.send("3")
        #expect(session.wait(for: "salience 1.10 (").ok)
        // Reopening the same file keeps its own journal lock rather than finding it taken.
        session.send(":open! \(sandbox.path("deal.yaml"))", "Enter")
        #expect(session.wait(for: "Unsaved edits from an earlier session").ok)
        #expect(!session.screen.contains("Another workbench"))
        session.send("d", ":quit!", "Enter")
        #expect(session.wait { !$0.contains("1 Overview") }.ok)
    }

    @Test func anEditElsewhereWithTheTimeSetBackIsNoticed() throws {
        let sandbox = try Sandbox(root: root)
        defer { sandbox.remove() }
        let session = try TmuxSession(directory: sandbox.folder)
        open(session, sandbox)
        editSalience(session)
        // Same size, same modification time: only the content differs.
        let file = sandbox.path("deal.yaml")
        var status = stat()
        stat(file, &status)
        let edited = try sandbox.read("deal.yaml").replacingOccurrences(of: "capability: 3", with: "capability: 4")
        try sandbox.write(edited, to: "deal.yaml")
        var times = [status.st_atim, status.st_mtim]
        utimensat(AT_FDCWD, file, &times, 0)
        session.send(":save", "Enter")
        #expect(session.wait(for: "changed on disk since it was opened").ok)
        #expect(try sandbox.read("deal.yaml") == edited, "the outside edit is still there")
        session.send(":quit!", "Enter")
    }

    @Test func restoringOverAFileChangedSinceSaysSoAndSaveAsks() throws {
        let sandbox = try Sandbox(root: root)
        defer { sandbox.remove() }
        let session = try TmuxSession(directory: sandbox.folder)
        open(session, sandbox)
        editSalience(session)
        sandbox.killWorkbenches()
        recover(session)
        let edited = try sandbox.read("deal.yaml").replacingOccurrences(of: "capability: 3", with: "capability: 4")
        try sandbox.write(edited, to: "deal.yaml")
        open(session, sandbox)
        let offer = session.wait(for: "has changed on disk since these edits were made")
        #expect(offer.ok, "\(offer.screen)")
        session.send("r")
        #expect(session.wait(for: "restored; the file changed on disk after").ok)
        session.send(":save", "Enter")
        #expect(session.wait(for: "changed on disk since it was opened").ok)
        #expect(try sandbox.read("deal.yaml") == edited, "a plain :save keeps the outside edit")
        session.send(":quit!", "Enter")
    }

    @Test func twoWorkbenchesOnOneFileKeepBothJournals() throws {
        let sandbox = try Sandbox(root: root)
        defer { sandbox.remove() }
        let first = try TmuxSession(directory: sandbox.folder)
        let second = try TmuxSession(directory: sandbox.folder)
        open(first, sandbox)
        editSalience(first)
        second.type(sandbox.command(binary, "deal.yaml"))
        let asked = second.wait(for: "Another workbench has this file open")
        #expect(asked.ok && asked.screen.contains("pid ") && asked.screen.contains("since "), "\(asked.screen)")
        second.send("o")
        #expect(second.wait(for: "journalled apart").ok)
        second.send("3", "+", "+")
        #expect(second.wait(for: "salience 1.20").ok)
        #expect(second.wait(seconds: 5) { _ in sandbox.journalFiles.count == 2 }.ok, "\(sandbox.journalFiles)")
        sandbox.killWorkbenches()
        recover(first)
        recover(second)
        // Both instances' edits come back: the first journal to the first workbench, the
        // second to a workbench that opens with a journal of its own.
        open(first, sandbox)
        first.send("c")
        #expect(first.wait(for: "+         salience: 1.1").ok)
        second.type(sandbox.command(binary, "deal.yaml"))
        #expect(second.wait(for: "Another workbench has this file open").ok)
        second.send("o")
        second.send("c")
        #expect(second.wait(for: "+         salience: 1.2").ok)
        // A third opens read-only: it may look, not edit.
        let third = try TmuxSession(directory: sandbox.folder)
        third.type(sandbox.command(binary, "deal.yaml"))
        #expect(third.wait(for: "Another workbench has this file open").ok)
        third.send("r")
        #expect(third.wait(for: "read-only: ").ok)
        third.send("3", "+")
        #expect(third.wait(for: "no edits here").ok)
        for session in [first, second, third] { session.send("q") }
        // Alone again: once the usual journal is answered, the second's is offered too.
        #expect(first.wait { !$0.contains("1 Overview") }.ok && second.wait { !$0.contains("1 Overview") }.ok)
        open(first, sandbox)
        first.send("c")
        #expect(first.wait(for: "+         salience: 1.1").ok)
        first.send("d", "q")
        #expect(first.wait { !$0.contains("1 Overview") }.ok)
        open(first, sandbox)
        first.send("c")
        #expect(first.wait(for: "+         salience: 1.2").ok, "the journal a second workbench left behind is offered")
        first.send("r", ":quit!", "Enter")
    }

    @Test func saveWarnsAboutATrailingComment() throws {
        let sandbox = try Sandbox(root: root)
        defer { sandbox.remove() }
        let commented = try sandbox.read("deal.yaml").replacingOccurrences(of: "capability: 3\n", with: "capability: 3 # source: SIPRI\n")
        try sandbox.write(commented, to: "deal.yaml")
        let session = try TmuxSession(directory: sandbox.folder)
        open(session, sandbox)
        editSalience(session)
        session.send(":save", "Enter")
        let warned = session.wait(for: "saving would drop 1 comment")
        #expect(warned.ok && warned.screen.contains("# source: SIPRI"), "\(warned.screen)")
        #expect(try sandbox.read("deal.yaml") == commented)
        session.send(":quit!", "Enter")
    }

    @Test func saveKeepsModeOwnerAndLinksAndJournalsArePrivate() throws {
        let sandbox = try Sandbox(root: root)
        defer { sandbox.remove() }
        try FileManager.default.createDirectory(atPath: sandbox.path("real"), withIntermediateDirectories: true)
        try sandbox.write(try sandbox.read("deal.yaml"), to: "real/target.yaml")
        symlink("real/target.yaml", sandbox.path("link.yaml"))
        let target = sandbox.path("real/target.yaml")
        chmod(target, 0o600)
        let owner: uid_t = geteuid() == 0 ? 65534 : geteuid()
        chown(target, owner, getegid())
        let session = try TmuxSession(directory: sandbox.folder)
        open(session, sandbox, "link.yaml")
        editSalience(session)
        #expect(session.wait(seconds: 5) { _ in sandbox.journalFiles.count == 1 }.ok)
        var status = stat()
        stat(sandbox.journals, &status)
        #expect(status.st_mode & 0o777 == 0o700, "the journal folder is private")
        stat(sandbox.journals + "/" + sandbox.journalFiles[0], &status)
        #expect(status.st_mode & 0o777 == 0o600, "the journal is private")
        session.send(":save", "Enter")
        #expect(session.wait(for: "saved ").ok)
        lstat(sandbox.path("link.yaml"), &status)
        #expect(status.st_mode & S_IFMT == S_IFLNK, "the link stays a link")
        stat(target, &status)
        #expect(status.st_mode & 0o7777 == 0o600 && status.st_uid == owner, "mode and owner are kept")
        #expect(try sandbox.read("real/target.yaml").contains("salience: 1.1"), "the link's target has the edit")
        session.send("q")
    }

    @Test func outputToADeviceWritesItAndAFullOneFailsWith73() throws {
        let sandbox = try Sandbox(root: root)
        defer { sandbox.remove() }
        // As root, a private device node like /dev/full; otherwise /dev/full itself.
        let device = geteuid() == 0 ? sandbox.path("full") : "/dev/full"
        if geteuid() == 0 { #expect(mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 7)) == 0) }
        let session = try TmuxSession(directory: sandbox.folder)
        session.type("\(binary) search \(sandbox.path("deal.yaml")) --output \(device); echo EXIT$((70+3))=$?")
        let failed = session.wait(for: "EXIT73=")
        #expect(failed.ok && failed.screen.contains("EXIT73=73") && failed.screen.contains("No space left on device"), "\(failed.screen)")
        var status = stat()
        lstat(device, &status)
        #expect(status.st_mode & S_IFMT == S_IFCHR, "the device node is still a device node")
        session.type("\(binary) search \(sandbox.path("deal.yaml")) --output - | head -1; echo DONE$((40+2))")
        #expect(session.wait(for: "DONE42").ok && session.screen.contains("Cables and chips: top"))
    }

    @Test func aSaveElsewhereLeavesNoJournalBehind() throws {
        let sandbox = try Sandbox(root: root)
        defer { sandbox.remove() }
        let session = try TmuxSession(directory: sandbox.folder)
        open(session, sandbox)
        editSalience(session)
        #expect(session.wait(seconds: 5) { _ in sandbox.journalFiles.count == 1 }.ok)
        session.send(":save \(sandbox.path("copy.yaml"))", "Enter")
        #expect(session.wait(for: "saved \(sandbox.path("copy.yaml"))").ok)
        #expect(session.wait(seconds: 5) { _ in sandbox.journalFiles.isEmpty }.ok, "\(sandbox.journalFiles)")
        // Further edits belong to the copy; after kill -9 the first file offers nothing.
        session.send("+")
        #expect(session.wait(for: "salience 1.20").ok)
        sandbox.killWorkbenches()
        recover(session)
        open(session, sandbox)
        usleep(500_000)
        #expect(!session.screen.contains("Unsaved edits"), "\(session.screen)")
        session.send("q")
        #expect(session.wait { !$0.contains("1 Overview") }.ok)
        open(session, sandbox, "copy.yaml")
        #expect(session.wait(for: "Unsaved edits from an earlier session").ok, "the copy's later edit is kept")
        session.send("d", "q")
    }
}
