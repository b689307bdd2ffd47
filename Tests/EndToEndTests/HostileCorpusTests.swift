import Foundation
import Testing

/// Runs every command on every file of the hostile corpus (Tests/Fixtures/hostile, written
/// by scripts/hostile-corpus.py with each file's expected outcome in expected.tsv).
///
/// No run may crash (a signal, or an exit of 128 or more), print a raw control byte on
/// either stream, or take over 30 s (a hang; a loaded machine running the other suites
/// beside it made 5 s too tight); `validate` (`exchange` for a Decide file) must give
/// the expected exit code and the expected line and column for the first diagnostic;
/// every other command must agree with it on whether the file loads.
@Suite struct HostileCorpusTests {
    struct Case {
        let file: String
        let exit: Int32
        /// "line:column", "*" for any location, "-" for a file that loads.
        let location: String
    }

    static let folder = "Tests/Fixtures/hostile"

    static func cases() throws -> [Case] {
        let text = try String(contentsOf: BinaryRunner.root.appendingPathComponent("\(folder)/expected.tsv"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t").map(String.init)
            return Case(file: "\(folder)/\(fields[0])", exit: Int32(fields[1]) ?? -1, location: fields[2])
        }
    }

    /// Every command that reads a scenario, as a user would type it on this file. The first
    /// is the one whose exit code and first diagnostic the corpus records: `validate` for
    /// a scenario, `exchange` for a Decide file.
    static func commands(for file: String) -> [[String]] {
        if file.hasSuffix(".decide.txt") {
            return [["exchange", file, "--rounds", "3", "--time-limit", "2"], ["exchange", file, "--json", "--procedure", "published", "--time-limit", "2"],
                    ["validate", file], ["search", file]]
        }
        return [
            ["validate", file],
            ["show", file, "--stances"],
            ["search", file, "--top", "3", "--objective", "nash"],
            ["pareto", file, "--actors", "us,eu", "--json"],
            ["analyse", file, "--package", "chips=pool", "--draws", "200", "--time-limit", "2"],
            ["power", file],
            ["logrolls", file, "--json"],
            ["brief", file, "--package", "best", "--date", "2026-01-01", "--time-limit", "2"],
            ["brief", file, "--package", "best", "--date", "2026-01-01", "--for", "us", "--format", "json", "--time-limit", "2"],
            ["exchange", file],
            [file],
        ]
    }

    @Test func theCorpusIsLargeAndCoversEveryKind() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 150)
        #expect(cases.contains { $0.exit == 0 } && cases.contains { $0.exit == 65 })
    }

    @Test func everyCommandOnEveryFile() throws {
        let cases = try Self.cases()
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: cases.count) { index in
            let entry = cases[index]
            for arguments in Self.commands(for: entry.file) {
                do {
                    let run = try BinaryRunner.run(arguments, timeout: 30)
                    failures.check(run, entry, arguments)
                } catch {
                    failures.add("\(arguments.joined(separator: " ")): could not run: \(error)")
                }
            }
        }
        let found = failures.all
        #expect(found.isEmpty, "\(found.count) failures:\n\(found.prefix(40).joined(separator: "\n"))")
    }
}

/// Problems found by runs on several threads, collected under a lock.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []

    var all: [String] { lock.withLock { list.sorted() } }

    func add(_ message: String) { lock.withLock { list.append(message) } }

    func check(_ run: BinaryRunner.Result, _ entry: HostileCorpusTests.Case, _ arguments: [String]) {
        let command = arguments.joined(separator: " ")
        if run.crashed { add("\(command): crashed with status \(run.status)") }
        if run.timedOut { add("\(command): still running after 30 s") }
        if let raw = BinaryRunner.firstRawControl(in: run.stdout) { add("\(command): raw U+\(String(raw, radix: 16)) on stdout") }
        if let raw = BinaryRunner.firstRawControl(in: run.stderr) { add("\(command): raw U+\(String(raw, radix: 16)) on stderr") }
        let verb = arguments.count > 1 ? arguments[0] : "tui"
        let decide = entry.file.hasSuffix(".decide.txt")
        if arguments == HostileCorpusTests.commands(for: entry.file)[0] {
            if run.status != entry.exit { add("\(command): exit \(run.status), expected \(entry.exit)") }
            if entry.location != "*" && entry.location != "-" {
                let first = run.stderrText.split(separator: "\n").first.map(String.init) ?? ""
                if !first.hasPrefix("\(entry.file):\(entry.location): error:") {
                    add("\(command): first diagnostic '\(first.prefix(120))', expected at \(entry.location)")
                }
            }
        } else if (decide ? verb == "exchange" : verb != "exchange") && entry.exit == 65 && run.status != 65 {
            add("\(command): exit \(run.status) on a file that does not load, expected 65")
        } else if decide && verb != "exchange" && run.status != 65 {
            add("\(command): exit \(run.status) on a Decide file, which is no scenario; expected 65")
        }
    }
}
