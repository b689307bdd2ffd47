import Foundation

/// An advisory lock on a journal, so that two workbenches on one file never write the same
/// journal. It is an `flock` on `JOURNAL.lock`, which the system releases when the process
/// ends, even by kill -9; the file also says who holds it, for the second workbench to tell.
public final class JournalLock: Sendable {
    /// Who holds a lock: the process, its machine, and since when.
    public struct Holder: Equatable, Sendable, CustomStringConvertible {
        public let pid: Int32
        public let host: String
        public let since: Date

        public var description: String {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
            formatter.timeZone = .current
            return "pid \(pid) on \(TerminalText.escaped(host)), since \(formatter.string(from: since))"
        }
    }

    private let descriptor: Int32
    public let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// The lock file of a journal.
    public static func path(of journal: String) -> String { journal + ".lock" }

    /// Takes the lock of `journal`, or says who holds it (nil holder: it could not be
    /// read, or the lock file could not be opened at all).
    public static func acquire(_ journal: String) -> Result<JournalLock, LockFailure> {
        let path = path(of: journal)
        do {
            try Journal.makePrivateFolder((path as NSString).deletingLastPathComponent)
        } catch {
            return .failure(LockFailure(holder: nil, reason: "\(error)"))
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return .failure(LockFailure(holder: nil, reason: String(cString: strerror(errno)))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return .failure(LockFailure(holder: holder(at: path), reason: "held by another workbench"))
        }
        let record = "pid=\(getpid()) since=\(Date().timeIntervalSince1970) host=\(ProcessInfo.processInfo.hostName)\n"
        ftruncate(descriptor, 0)
        try? AtomicFile.writeAll(Data(record.utf8), to: descriptor, named: path)
        return .success(JournalLock(descriptor: descriptor, path: path))
    }

    /// Why a lock was not taken.
    public struct LockFailure: Error, Sendable {
        public let holder: Holder?
        public let reason: String
    }

    private static func holder(at path: String) -> Holder? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var fields: [String: String] = [:]
        for word in text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ", maxSplits: 2) {
            let pair = word.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { fields[pair[0]] = pair[1] }
        }
        guard let pid = fields["pid"].flatMap({ Int32($0) }), let since = fields["since"].flatMap({ Double($0) }) else { return nil }
        return Holder(pid: pid, host: fields["host"] ?? "?", since: Date(timeIntervalSince1970: since))
    }
}
