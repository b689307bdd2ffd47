import Foundation

/// The autosave journal of a scenario file: the edited scenario as YAML, written after
/// every edit, with a header saying which file it belongs to and what that file looked like
/// when the edits began. A crash then loses nothing, and restoring can tell whether the
/// file changed on disk since.
///
/// Journals hold unsaved negotiating positions: they are created 0600 in a 0700 folder,
/// `$XDG_STATE_HOME/entente` (by default `~/.local/state/entente`).
public struct Journal: Equatable, Sendable {
    /// The edited scenario.
    public var scenario: Scenario
    /// The scenario file as it was when the edits began (nil: unknown, as in old journals).
    public var base: FileStamp?
    /// When the journal was written (nil: unknown).
    public var written: Date?

    public init(scenario: Scenario, base: FileStamp?, written: Date? = nil) {
        self.scenario = scenario
        self.base = base
        self.written = written
    }

    /// The folder of every journal, from the environment.
    public static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/state")
        return state + "/entente"
    }

    /// Where the journal of `file` lives: named after the file a path finally names, so a
    /// symbolic link and its target share one journal (and one lock). `participant` keeps
    /// workshop participants on one machine apart; `slot` above 1 names the journal of a
    /// second workbench on the same file.
    public static func path(for file: String, participant: String? = nil, slot: Int = 1, in folder: String = folder()) -> String {
        let resolved = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath()
        let absolute = resolved.path
        let name = resolved.deletingPathExtension().lastPathComponent
        let owner = participant.map { "-as-" + $0 } ?? ""
        let second = slot > 1 ? ".\(slot)" : ""
        return "\(folder)/\(name)-\(String(FNV1a.hash(absolute.utf8), radix: 16))\(owner)\(second).journal.yaml"
    }

    private static let basePrefix = "# base: "
    private static let writtenPrefix = "# written: "

    /// The journal's text: header comments, then the scenario as `ScenarioWriter` writes it.
    public func text(file: String) -> String {
        var header = ["# Entente journal: unsaved edits of \(URL(fileURLWithPath: file).standardizedFileURL.path)"]
        if let base { header.append(Self.basePrefix + base.line) }
        if let written { header.append(Self.writtenPrefix + String(written.timeIntervalSince1970)) }
        return header.joined(separator: "\n") + "\n" + ScenarioWriter.yaml(scenario)
    }

    /// Reads a journal; nil when there is none or it does not hold a valid scenario.
    public static func read(_ path: String) -> Journal? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let scenario = try? ScenarioLoader.parse(text, file: path) else { return nil }
        var journal = Journal(scenario: scenario, base: nil)
        for line in text.split(separator: "\n").prefix(while: { $0.hasPrefix("#") }) {
            if line.hasPrefix(basePrefix) { journal.base = FileStamp(line: String(line.dropFirst(basePrefix.count))) }
            if line.hasPrefix(writtenPrefix) { journal.written = Double(line.dropFirst(writtenPrefix.count)).map(Date.init(timeIntervalSince1970:)) }
        }
        return journal
    }

    /// Writes the journal at `path` (0600), creating its folder (0700) when needed.
    public func write(to path: String, file: String) throws {
        try Self.makePrivateFolder((path as NSString).deletingLastPathComponent)
        try AtomicFile.write(Data(text(file: file).utf8), to: path, permissions: 0o600)
    }

    /// Creates `folder` and any missing parents with mode 0700, and narrows the journal
    /// folder itself to 0700 if it was created wider.
    public static func makePrivateFolder(_ folder: String) throws {
        var missing: [String] = []
        var current = folder
        while !current.isEmpty, current != "/", !FileManager.default.fileExists(atPath: current) {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        for directory in missing.reversed() where mkdir(directory, 0o700) != 0 && errno != EEXIST {
            throw AtomicFile.Failure(path: directory, reason: String(cString: strerror(errno)))
        }
        chmod(folder, 0o700)
    }
}
