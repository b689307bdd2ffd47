import ArgumentParser
import EntenteCore
import Foundation

/// `--json` and `--output FILE`, shared by every command that prints a report.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print one JSON document instead of text.")
    var json = false

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output (a regular file is replaced atomically; - is standard output).")
    var output: String?

    /// Writes a text report: to the output file when given, else to standard output.
    func emit(_ text: String) throws { try Self.emit(text, to: output) }

    /// Writes a report with every unsafe character escaped (JSON arrives escaped already,
    /// and its line breaks are the only ones it has outside strings).
    static func emit(_ text: String, to output: String?) throws {
        let safe = TerminalText.escapedLines(text)
        try write(Data((safe.hasSuffix("\n") ? safe : safe + "\n").utf8), to: output)
    }

    /// Encodes a report as pretty-printed JSON with sorted keys, then emits it.
    func emitJSON<T: Encodable>(_ value: T) throws {
        try emit(try JSONText.encode(value))
    }

    /// Emits a document a `JSONWriter` wrote and ended (escaped as it was written).
    func emitJSON(_ json: JSONWriter) throws {
        try json.bytes.withUnsafeBytes { buffer in
            try Self.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: buffer.baseAddress!), count: buffer.count, deallocator: .none), to: output)
        }
    }

    private static func write(_ body: Data, to output: String?) throws {
        do {
            if let output, output != "-" {
                try AtomicFile.write(body, to: output)
            } else {
                try AtomicFile.writeAll(body, to: STDOUT_FILENO, named: "standard output")
            }
        } catch {
            Console.error("\(TerminalText.escaped(error.path)): error: cannot write: \(error.reason)")
            throw ExitCodes.cannotCreate
        }
    }
}

/// Messages for the person at the terminal, escaped so that no file name, field name or
/// value from a file can act on the terminal.
enum Console {
    /// A message on standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((TerminalText.escapedLines(message) + "\n").utf8))
    }

    /// A report on standard output.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((TerminalText.escapedLines(text) + "\n").utf8))
    }

    /// True when standard error is a terminal, where progress can be drawn.
    static var isInteractive: Bool { isatty(STDERR_FILENO) == 1 }
}
