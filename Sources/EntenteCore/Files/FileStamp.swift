import Foundation

/// What a file looked like when the workbench last read or wrote it: size, modification
/// time and a digest of the content. Comparing stamps notices an edit made elsewhere even
/// when the other program set the modification time back.
public struct FileStamp: Equatable, Sendable {
    public let size: Int
    /// Seconds since 1970, to the nanosecond the file system keeps.
    public let modified: Double
    public let digest: UInt64

    public init(size: Int, modified: Double, digest: UInt64) {
        self.size = size
        self.modified = modified
        self.digest = digest
    }

    /// The stamp of the file at `path` now (through symbolic links), or nil when it cannot be read.
    public static func of(_ path: String) -> FileStamp? {
        var status = stat()
        guard stat(path, &status) == 0, let data = FileManager.default.contents(atPath: path) else { return nil }
        let modified = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
        return FileStamp(size: data.count, modified: modified, digest: FNV1a.hash(data))
    }

    /// The stamp as one line of words (`size=… modified=… digest=…`), as journals record it.
    public var line: String { "size=\(size) modified=\(modified) digest=\(String(digest, radix: 16))" }

    /// Reads `line` back; nil for anything else.
    public init?(line: String) {
        var fields: [String: String] = [:]
        for word in line.split(separator: " ") {
            let pair = word.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { fields[pair[0]] = pair[1] }
        }
        guard let size = fields["size"].flatMap({ Int($0) }), let modified = fields["modified"].flatMap({ Double($0) }),
              let digest = fields["digest"].flatMap({ UInt64($0, radix: 16) }) else { return nil }
        self.init(size: size, modified: modified, digest: digest)
    }
}

/// FNV-1a, 64 bits: a digest that is stable across runs, unlike Swift's seeded `Hasher`.
public enum FNV1a {
    public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
