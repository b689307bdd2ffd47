import EntenteCore
import EntenteSession
import EntenteTUI
import Foundation
import Synchronization

/// The workbench's dealings with its files, so that nothing is lost: what each file looked
/// like when last read or written (to notice edits made elsewhere), the journal of unsaved
/// edits and its lock (one workbench per journal), and offering a journal back before
/// anything may overwrite it. Outcomes come back as actions through `post`.
final class WorkbenchFiles: Sendable {
    private struct Books {
        /// The file the workbench shows.
        var current = ""
        /// Each file's stamp when last read or written by us (or, after a restore, the
        /// version the restored edits began from).
        var stamps: [String: FileStamp] = [:]
        /// Each file's journal (another slot when a second workbench journals apart).
        var journals: [String: String] = [:]
        /// The locks held, by journal path.
        var locks: [String: JournalLock] = [:]
        /// Journals this workbench may write: created, restored or discarded by it.
        var owned: Set<String> = []
        /// Journals offered and not yet answered, by file.
        var offered: [String: Journal] = [:]
    }

    private let books = Mutex(Books())
    private let participant: String?
    /// Where journals are kept (`$XDG_STATE_HOME/entente`, or a test's own folder).
    private let journalFolder: String
    /// What restoring a journal's scenario would change, as the seat may see it.
    private let changes: @Sendable (Scenario) -> [String]
    private let post: @Sendable (Action) -> Void

    init(participant: String?, journalFolder: String, changes: @escaping @Sendable (Scenario) -> [String],
         post: @escaping @Sendable (Action) -> Void) {
        self.participant = participant
        self.journalFolder = journalFolder
        self.changes = changes
        self.post = post
    }

    /// The file the workbench shows (the last opened or saved under a new name).
    var current: String { books.withLock { $0.current } }

    private func defaultJournal(_ file: String, slot: Int = 1) -> String {
        Journal.path(for: file, participant: participant, slot: slot, in: journalFolder)
    }

    private func journal(of file: String) -> String {
        books.withLock { $0.journals[file] } ?? defaultJournal(file)
    }

    /// After a file is loaded (at start or by `:open`): remembers its stamp, gives up the
    /// previous file's journal lock, takes this one's, and offers its journal back.
    func opened(_ file: String, scenario: Scenario) {
        let previous = books.withLock { books in
            defer { books.current = file }
            books.stamps[file] = FileStamp.of(file)
            return books.current
        }
        if previous != file, let held = books.withLock({ $0.journals[previous] }) {
            _ = books.withLock { $0.locks.removeValue(forKey: held) }
        }
        if let held = heldJournal(of: file) {
            offer(held, of: file, against: scenario)
            return
        }
        let path = defaultJournal(file)
        switch JournalLock.acquire(path) {
        case .success(let lock):
            books.withLock {
                $0.locks[path] = lock
                $0.journals[file] = path
            }
            if !FileManager.default.fileExists(atPath: path), adoptLeftBehind(file, scenario: scenario) {
                _ = books.withLock { $0.locks.removeValue(forKey: path) }
                return
            }
            offer(path, of: file, against: scenario)
        case .failure(let failure):
            if let holder = failure.holder {
                post(.files(.journalLocked(holder.description)))
            } else {
                post(.message("cannot lock the journal \(TerminalText.escaped(path)): \(failure.reason)"))
                books.withLock { $0.journals[file] = path }
                offer(path, of: file, against: scenario)
            }
        }
    }

    /// The journal of `file` whose lock this workbench already holds (reopening a file, or
    /// saving back to it), which a second `flock` of its own would find taken.
    private func heldJournal(of file: String) -> String? {
        books.withLock { books in books.journals[file].flatMap { books.locks[$0] != nil ? $0 : nil } }
    }

    /// With nothing in the usual journal, a journal left by a second workbench that is no
    /// longer running (its lock is free) becomes this workbench's and is offered; true when
    /// one was found.
    private func adoptLeftBehind(_ file: String, scenario: Scenario) -> Bool {
        for slot in 2...99 {
            let path = defaultJournal(file, slot: slot)
            guard FileManager.default.fileExists(atPath: path), case .success(let lock) = JournalLock.acquire(path) else { continue }
            books.withLock {
                $0.locks[path] = lock
                $0.journals[file] = path
            }
            offer(path, of: file, against: scenario)
            return true
        }
        return false
    }

    /// Takes the first free journal slot above the usual one for `file`, and offers what a
    /// crashed second workbench may have left there.
    func useOwnJournal(_ file: String, scenario: Scenario) {
        for slot in 2...99 {
            let path = defaultJournal(file, slot: slot)
            guard case .success(let lock) = JournalLock.acquire(path) else { continue }
            books.withLock {
                $0.locks[path] = lock
                $0.journals[file] = path
            }
            offer(path, of: file, against: scenario)
            return
        }
        post(.message("no free journal for \(TerminalText.escaped(file)): edits here are not journalled"))
    }

    /// Offers the journal at `path` unless it is missing or holds the scenario as loaded;
    /// a journal that cannot be read is moved aside, never overwritten.
    private func offer(_ path: String, of file: String, against scenario: Scenario) {
        guard FileManager.default.fileExists(atPath: path) else {
            _ = books.withLock { $0.owned.insert(path) }
            return
        }
        guard let journal = Journal.read(path) else {
            let aside = path + ".unreadable"
            try? FileManager.default.removeItem(atPath: aside)
            try? FileManager.default.moveItem(atPath: path, toPath: aside)
            _ = books.withLock { $0.owned.insert(path) }
            post(.message("the journal of \(TerminalText.escaped(file)) could not be read; kept as \(TerminalText.escaped(aside))"))
            return
        }
        guard journal.scenario != scenario else {
            _ = books.withLock { $0.owned.insert(path) }
            return
        }
        let changed = books.withLock { books in
            books.offered[file] = journal
            return journal.base.map { $0 != books.stamps[file] } ?? false
        }
        post(.files(.journalFound(JournalOffer(changes: changes(journal.scenario), written: journal.written.map(Self.time), fileChanged: changed))))
    }

    /// Writes the journal of `file`, unless it holds edits that were never offered back.
    func autosave(_ scenario: Scenario, file: String) {
        let path = journal(of: file)
        let (mayWrite, base) = books.withLock { ($0.owned.contains(path) || !FileManager.default.fileExists(atPath: path), $0.stamps[file]) }
        guard mayWrite else {
            post(.message("not writing the journal of \(TerminalText.escaped(file)): it holds edits not yet offered back (:open \(TerminalText.escaped(file)) offers them)"))
            return
        }
        do {
            try Journal(scenario: scenario, base: base, written: Date()).write(to: path, file: file)
            _ = books.withLock { $0.owned.insert(path) }
        } catch {
            post(.message("cannot write the autosave journal: \(error)"))
        }
    }

    /// Where the workspace of `file` is kept: beside its journal, named alike
    /// (`NAME-HASH.workspace.json`), so a second workbench's journal slot keeps its own.
    private func workspacePath(of file: String) -> String {
        let journal = journal(of: file)
        let suffix = ".journal.yaml"
        return (journal.hasSuffix(suffix) ? String(journal.dropLast(suffix.count)) : journal) + ".workspace.json"
    }

    /// Keeps the seat's workspace for the next session on `file` (0600, atomically), but
    /// only while this workbench holds the file's journal lock: a workbench that does not,
    /// or is read-only, never overwrites the file another one writes.
    func keepWorkspace(_ record: SavedWorkspace, file: String) {
        let path = workspacePath(of: file), journal = journal(of: file)
        guard books.withLock({ $0.locks[journal] != nil }) else { return }
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            try Journal.makePrivateFolder((path as NSString).deletingLastPathComponent)
            try AtomicFile.write(try encoder.encode(record), to: path, permissions: 0o600)
        } catch {
            post(.message("cannot keep the workspace: \(error)"))
        }
    }

    /// The workspace kept from an earlier session on `file`, if there is one that reads.
    func savedWorkspace(of file: String) -> SavedWorkspace? {
        guard let data = FileManager.default.contents(atPath: workspacePath(of: file)) else { return nil }
        return try? JSONDecoder().decode(SavedWorkspace.self, from: data)
    }

    /// Deletes the journal of `file` (after a save or a discard).
    func drop(_ file: String) {
        let path = journal(of: file)
        try? FileManager.default.removeItem(atPath: path)
        books.withLock { books in
            books.owned.insert(path)
            books.offered[file] = nil
            // Saved elsewhere (`:save OTHER`): the first file's journal lock goes too.
            if file != books.current { books.locks[path] = nil }
        }
    }

    /// The offered journal is restored: it is ours to write, and saving compares the file
    /// with the version the restored edits began from. Returns the journal's scenario (nil
    /// when none was offered).
    func adopt(_ file: String) -> Scenario? {
        let path = journal(of: file)
        return books.withLock { books in
            books.owned.insert(path)
            guard let offered = books.offered.removeValue(forKey: file) else { return nil }
            if let base = offered.base { books.stamps[file] = base }
            return offered.scenario
        }
    }

    /// Saves atomically (keeping mode, owner and symbolic links). Unless forced, refuses
    /// when the file changed on disk since the workbench last read or wrote it, or when it
    /// has comments, whole-line or trailing, that saving would drop.
    func save(_ scenario: Scenario, to path: String, force: Bool) {
        let name = TerminalText.escaped(path)
        if !force, let onDisk = FileStamp.of(path) {
            guard let expected = books.withLock({ $0.stamps[path] }) else {
                post(.message("exists already: :save! \(name) overwrites it"))
                return
            }
            guard expected == onDisk else {
                post(.message("changed on disk since it was opened: :save! \(name) overwrites it"))
                return
            }
            let comments = YAMLComments.find(in: (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
            if let first = comments.first {
                let count = comments.count == 1 ? "1 comment" : "\(comments.count) comments"
                post(.message("saving would drop \(count) (line \(first.line): \(TerminalText.escaped(first.text))): :save! saves anyway, or :save OTHER-FILE"))
                return
            }
        }
        do {
            try AtomicFile.write(Data(ScenarioWriter.yaml(scenario).utf8), to: path)
        } catch {
            post(.message("cannot save \(TerminalText.escaped(error.description))"))
            return
        }
        let previous = books.withLock { books in
            books.stamps[path] = FileStamp.of(path)
            defer { books.current = path }
            return books.current
        }
        if previous != path { moveJournal(to: path, scenario: scenario) }
        post(.files(.saved(path)))
    }

    /// After `:save OTHER` the edits continue on OTHER: its journal lock replaces the first file's.
    private func moveJournal(to file: String, scenario: Scenario) {
        if heldJournal(of: file) != nil { return }
        let path = defaultJournal(file)
        switch JournalLock.acquire(path) {
        case .success(let lock):
            books.withLock {
                $0.locks[path] = lock
                $0.journals[file] = path
                $0.owned.insert(path)
            }
        case .failure(let failure):
            post(.message("\(TerminalText.escaped(file)) is open in another workbench (\(failure.holder?.description ?? failure.reason)): edits here are journalled apart"))
            useOwnJournal(file, scenario: scenario)
        }
    }

    private static func time(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        formatter.timeZone = .current
        return "at " + formatter.string(from: date)
    }
}
