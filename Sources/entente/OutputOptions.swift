import ArgumentParser
import EntenteCore
import Foundation

/// `--json` and `--output FILE`, shared by every command that prints a report.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print one JSON document instead of text.")
    var json = false

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    /// Writes the report: to the output file when given, else to standard output.
    func emit(_ text: String) throws { try Self.emit(text, to: output) }

    static func emit(_ text: String, to output: String?) throws {
        let body = text.hasSuffix("\n") ? text : text + "\n"
        guard let output else {
            FileHandle.standardOutput.write(Data(body.utf8))
            return
        }
        do {
            try AtomicFile.write(Data(body.utf8), to: output)
        } catch {
            Console.error("\(output): error: cannot write: \(error.localizedDescription)")
            throw ExitCodes.cannotCreate
        }
    }

    /// Encodes a report as pretty-printed JSON with sorted keys, then emits it.
    func emitJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try emit(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

/// Messages for the person at the terminal, on standard error.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// True when standard error is a terminal, where progress can be drawn.
    static var isInteractive: Bool { isatty(STDERR_FILENO) == 1 }
}
