import Foundation
import Yams

/// Reads a scenario file (YAML, or JSON, which YAML reads as it is) into a validated
/// `Scenario`, or reports every problem with file, line and column.
public enum ScenarioLoader {
    /// The name standard input goes by in diagnostics.
    public static let standardInputName = "<stdin>"

    /// True for the paths that mean standard input: `-` and `/dev/stdin`.
    public static func isStandardInput(_ path: String) -> Bool { path == "-" || path == "/dev/stdin" }

    /// The most bytes a scenario file may have: far beyond any negotiation (a 2,000-actor,
    /// 200-issue game is about 60 MiB), and a bound on memory for a file such as /dev/zero.
    public static let maximumBytes = 64 << 20

    /// Loads and validates the scenario at `path` (`-` or `/dev/stdin`: standard input).
    /// Pipes and process substitutions (`<(…)`) are read like files.
    public static func load(path: String) throws(ScenarioLoadError) -> Scenario {
        let name = isStandardInput(path) ? standardInputName : path
        guard let text = String(data: try read(path), encoding: .utf8) else {
            throw .invalid([Diagnostic(SourceLocation(file: name, line: 1, column: 1), "the \(isStandardInput(path) ? "input" : "file") is not UTF-8 text")])
        }
        return try parse(text, file: name)
    }

    /// The bytes at `path`, read in chunks up to `maximumBytes`, or why they cannot be.
    static func read(_ path: String) throws(ScenarioLoadError) -> Data {
        let handle: FileHandle
        if isStandardInput(path) {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .unreadable(path: path, reason: "no such file")
            }
            guard !isDirectory.boolValue else { throw .unreadable(path: path, reason: "is a directory, expected a scenario file") }
            guard let opened = FileHandle(forReadingAtPath: path) else { throw .unreadable(path: path, reason: "cannot be read") }
            handle = opened
        }
        defer { if !isStandardInput(path) { try? handle.close() } }
        var data = Data()
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch { throw .unreadable(path: path, reason: "cannot be read: \(error.localizedDescription)") }
            guard let chunk, !chunk.isEmpty else { return data }
            data.append(chunk)
            if data.count > maximumBytes {
                let name = isStandardInput(path) ? standardInputName : path
                throw .invalid([Diagnostic(SourceLocation(file: name, line: 1, column: 1), "larger than \(maximumBytes >> 20) MiB; expected a scenario file")])
            }
        }
    }

    /// Parses and validates scenario text; `file` names it in diagnostics.
    public static func parse(_ text: String, file: String) throws(ScenarioLoadError) -> Scenario {
        if let tooLarge = YAMLSizeGuard.check(text, file: file) { throw .invalid([tooLarge]) }
        let root: Node?
        do {
            // The decoder reads every scalar's text itself, so no tag is resolved: the default
            // resolver's regular expressions would run on every scalar, twice, and take most
            // of the loading time.
            root = try Yams.compose(yaml: text, .basic)
        } catch {
            throw .invalid([syntaxDiagnostic(error, file: file)])
        }
        guard let root else {
            throw .invalid([Diagnostic(SourceLocation(file: file, line: 1, column: 1), "the file is empty; expected a scenario starting with 'entente: 1'")])
        }
        let fields = YAMLFields(file: file)
        let scenario = ScenarioDecoder(fields: fields).decode(root)
        let diagnostics = fields.diagnostics.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
        guard diagnostics.isEmpty, let scenario else { throw .invalid(diagnostics) }
        return scenario
    }

    private static func syntaxDiagnostic(_ error: Error, file: String) -> Diagnostic {
        func at(_ mark: Mark, _ message: String) -> Diagnostic {
            Diagnostic(SourceLocation(file: file, line: mark.line, column: mark.column), message)
        }
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { " \($0.text)" } ?? ""
            return at(mark, "YAML syntax: \(problem)\(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return at(context.mark, "duplicate field \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping; expected each key once")
        case .reader(let problem, let offset, _, _):
            return Diagnostic(SourceLocation(file: file, line: 1, column: (offset ?? 0) + 1), "unreadable text: \(problem)")
        default:
            return Diagnostic(SourceLocation(file: file, line: 1, column: 1), "YAML syntax: \(error)")
        }
    }
}
