import Foundation
import EntenteTestSupport

/// Runs the built `entente` binary as a user would, with a time limit, and keeps its output
/// as bytes so that tests can look for control characters the text decoding would hide.
///
/// Output goes to temporary files rather than pipes, so a child that writes a lot can never
/// block on a full pipe while the test waits for it.
enum BinaryRunner {
    struct Result {
        let status: Int32
        let stdout: Data
        let stderr: Data
        let seconds: Double
        let timedOut: Bool
        /// Ended by a signal (a trap is SIGILL, a crash SIGSEGV or SIGABRT), or with a status
        /// of 128 or more, which shells report for the same.
        let crashed: Bool

        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    static let root = TestPaths.repository

    /// The `entente` binary beside this test bundle (or in .build/debug).
    static var binary: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("entente")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/entente")
    }

    /// Runs `entente arguments…` from the repository root; a run past `timeout` seconds is
    /// killed and marked `timedOut`.
    static func run(_ arguments: [String], stdin: Data? = nil, timeout: Double = 30) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("entente-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        let started = Date()
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try? input.fileHandleForWriting.close()
        }
        let timedOut = finished.wait(timeout: .now() + timeout) == .timedOut
        if timedOut {
            process.terminate()
            finished.wait()
        }
        return Result(
            status: process.terminationStatus,
            stdout: (try? Data(contentsOf: outURL)) ?? Data(), stderr: (try? Data(contentsOf: errURL)) ?? Data(),
            seconds: Date().timeIntervalSince(started), timedOut: timedOut,
            crashed: !timedOut && (process.terminationReason == .uncaughtSignal || process.terminationStatus >= 128))
    }

    /// The first character of `data` that must never reach a terminal raw, if any: a C0
    /// control other than a line feed, DEL, a C1 control, a bidirectional control, a
    /// zero-width character or a line or paragraph separator. Written independently of the
    /// escaping code it checks.
    static func firstRawControl(in data: Data) -> UInt32? {
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            let value = scalar.value
            if value == 0x0A { continue }
            if value < 0x20 || (0x7F...0x9F).contains(value) || (0x200B...0x200F).contains(value)
                || (0x2028...0x202E).contains(value) || (0x2066...0x2069).contains(value)
                || [0x061C, 0x180E, 0x2060, 0xFEFF].contains(value) {
                return value
            }
        }
        return nil
    }
}
