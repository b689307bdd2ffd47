import EntenteCore
import Foundation
import Testing

/// Saving never clobbers: atomic replacement keeps mode, owner and symbolic links; devices
/// and pipes are written directly; stamps notice edits made elsewhere; journals are private
/// and locked; every comment is found before a save would drop it.
@Suite struct FileSafetyTests {
    /// A fresh folder, removed after `body`.
    func inFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-files-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    func mode(_ path: String) -> mode_t {
        var status = stat()
        stat(path, &status)
        return status.st_mode & 0o7777
    }

    @Test func replacingKeepsTheModeOfTheFile() throws {
        try inFolder { folder in
            let path = folder + "/secret.yaml"
            try AtomicFile.write(Data("old\n".utf8), to: path)
            chmod(path, 0o600)
            try AtomicFile.write(Data("new\n".utf8), to: path)
            #expect(mode(path) == 0o600)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        }
    }

    @Test func aSymbolicLinkStaysAndItsTargetIsUpdated() throws {
        try inFolder { folder in
            try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: true)
            let target = folder + "/real/scenario.yaml"
            try AtomicFile.write(Data("old\n".utf8), to: target)
            symlink("real/scenario.yaml", folder + "/link.yaml")
            try AtomicFile.write(Data("new\n".utf8), to: folder + "/link.yaml")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.yaml") == "real/scenario.yaml")
            #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
        }
    }

    @Test func aPipeNobodyReadsIsAnErrorNotAWait() throws {
        try inFolder { folder in
            #expect(mkfifo(folder + "/pipe", 0o600) == 0)
            #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write(Data("x".utf8), to: folder + "/pipe") }
        }
    }

    @Test func aPipeIsWrittenDirectlyNeverReplaced() throws {
        try inFolder { folder in
            let fifo = folder + "/pipe"
            #expect(mkfifo(fifo, 0o600) == 0)
            let reader = open(fifo, O_RDONLY | O_NONBLOCK)
            defer { close(reader) }
            try AtomicFile.write(Data("through the pipe\n".utf8), to: fifo)
            var buffer = [UInt8](repeating: 0, count: 64)
            let count = read(reader, &buffer, buffer.count)
            #expect(count > 0 && String(decoding: buffer[..<count], as: UTF8.self) == "through the pipe\n")
            var status = stat()
            lstat(fifo, &status)
            #expect(status.st_mode & S_IFMT == S_IFIFO, "the pipe is still a pipe")
        }
    }

    @Test func aFullDeviceIsAnErrorAndStaysADevice() throws {
        var status = stat()
        try #require(stat("/dev/full", &status) == 0)
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write(Data("x".utf8), to: "/dev/full") }
        stat("/dev/full", &status)
        #expect(status.st_mode & S_IFMT == S_IFCHR)
        do {
            try AtomicFile.write(Data("x".utf8), to: "/dev/full")
        } catch {
            #expect(error.reason == "No space left on device")
        }
    }

    /// Issue 15, defect 12: saving into a folder that is not there says so (it said "You
    /// don't have permission"); a folder that is a file, and one that may not be written, too.
    @Test func aMissingFolderIsNamed() throws {
        func reason(_ path: String) -> String? {
            do {
                try AtomicFile.write(Data("x".utf8), to: path)
                return nil
            } catch {
                return error.reason
            }
        }
        #expect(reason("/nonexistent/dir/x.yaml") == "the folder /nonexistent/dir does not exist")
        try inFolder { folder in
            try AtomicFile.write(Data("x".utf8), to: folder + "/plain")
            #expect(reason(folder + "/plain/x.yaml") == "the folder \(folder)/plain is not a folder")
            guard geteuid() != 0 else { return }  // root writes anywhere
            mkdir(folder + "/closed", 0o500)
            #expect(reason(folder + "/closed/x.yaml") == "no permission to create files in the folder \(folder)/closed")
        }
    }

    @Test func newFilesCanBeMadePrivate() throws {
        try inFolder { folder in
            try AtomicFile.write(Data("x".utf8), to: folder + "/journal", permissions: 0o600)
            #expect(mode(folder + "/journal") == 0o600)
            chmod(folder + "/journal", 0o644)
            try AtomicFile.write(Data("y".utf8), to: folder + "/journal", permissions: 0o600)
            #expect(mode(folder + "/journal") == 0o600, "a journal left wider by an old version is narrowed")
        }
    }

    /// Same size, modification time set back: only the digest tells.
    @Test func aStampNoticesAnEditWithTheTimeSetBack() throws {
        try inFolder { folder in
            let path = folder + "/s.yaml"
            try Data("capability: 3\n".utf8).write(to: URL(fileURLWithPath: path))
            let before = try #require(FileStamp.of(path))
            var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
            utimensat(AT_FDCWD, path, &times, 0)
            let touched = try #require(FileStamp.of(path))
            try Data("capability: 4\n".utf8).write(to: URL(fileURLWithPath: path))
            utimensat(AT_FDCWD, path, &times, 0)
            let edited = try #require(FileStamp.of(path))
            #expect(edited.size == touched.size && edited.modified == touched.modified)
            #expect(edited != touched && edited != before)
            #expect(FileStamp(line: edited.line) == edited)
        }
    }

    @Test func everyCommentIsFound() {
        let text = """
        # whole line
        actors:
          - id: us # trailing
            name: "Say # not a comment"
            note: 'it''s # not either' # but this is
            tag: a#b
            who: O'Brien # after a name with a quote
            url: "multi
              line # inside quotes"
        """
        let found = YAMLComments.find(in: text)
        #expect(found.map(\.line) == [1, 3, 5, 7])
        #expect(found.map(\.text) == ["# whole line", "# trailing", "# but this is", "# after a name with a quote"])
    }

    @Test func aJournalIsPrivateAndRemembersItsBase() throws {
        try inFolder { folder in
            let scenario = try TestData.load("Data/training/cables-and-chips.yaml")
            let base = FileStamp(size: 12, modified: 1.5, digest: 0xabc)
            let path = Journal.path(for: folder + "/cables.yaml", in: folder + "/state/entente")
            try Journal(scenario: scenario, base: base, written: Date(timeIntervalSince1970: 100)).write(to: path, file: folder + "/cables.yaml")
            #expect(mode(path) == 0o600)
            #expect(mode(folder + "/state/entente") == 0o700 && mode(folder + "/state") == 0o700)
            let read = try #require(Journal.read(path))
            #expect(read.scenario == scenario && read.base == base && read.written == Date(timeIntervalSince1970: 100))
            #expect(Journal.path(for: "cables.yaml", slot: 2, in: "/s").hasSuffix(".2.journal.yaml"))
            symlink(folder + "/cables.yaml", folder + "/link.yaml")
            try Data().write(to: URL(fileURLWithPath: folder + "/cables.yaml"))
            #expect(Journal.path(for: folder + "/link.yaml", in: "/s") == Journal.path(for: folder + "/cables.yaml", in: "/s"),
                    "a link and its target share one journal, so two workbenches on them share one lock")
        }
    }

    @Test func aJournalLockIsHeldByOneAndSaysWho() throws {
        try inFolder { folder in
            let journal = folder + "/state/x.journal.yaml"
            let first = try JournalLock.acquire(journal).get()
            guard case .failure(let failure) = JournalLock.acquire(journal) else {
                Issue.record("a second lock on the same journal must fail")
                return
            }
            let holder = try #require(failure.holder)
            #expect(holder.pid == getpid() && holder.host == ProcessInfo.processInfo.hostName)
            #expect(abs(holder.since.timeIntervalSinceNow) < 60)
            #expect(mode(JournalLock.path(of: journal)) == 0o600)
            _ = first
        }
    }

    @Test func aReleasedLockCanBeTakenAgain() throws {
        try inFolder { folder in
            let journal = folder + "/x.journal.yaml"
            var first: JournalLock? = try JournalLock.acquire(journal).get()
            #expect(first != nil)
            first = nil
            #expect((try? JournalLock.acquire(journal).get()) != nil)
        }
    }
}
