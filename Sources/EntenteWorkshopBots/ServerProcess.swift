import Foundation

/// A real `entente serve` process, started for a test or the load test: spawned with an
/// empty signal mask (a test thread's blocked signals would otherwise be inherited, and
/// SIGTERM never delivered), its output in files, its address read from the line it prints.
public final class ServerProcess: @unchecked Sendable {
    public let pid: pid_t
    /// `ws://HOST:PORT/ws`, as the server printed it.
    public let url: String
    private let folder: URL
    private var exitStatus: Int32?

    /// Starts `binary serve arguments…` and waits up to `timeout` seconds for it to say where
    /// it listens (sleeping between looks, so no thread of the pool is held meanwhile).
    public init(binary: String, arguments: [String], timeout: Double = 60) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let out = folder.appendingPathComponent("stdout").path, err = folder.appendingPathComponent("stderr").path
        let pid = try ChildProcess.spawn([binary, "serve"] + arguments, stdout: .file(out, append: false), stderr: .file(err, append: false))
        self.pid = pid
        let deadline = Date().addingTimeInterval(timeout)
        var found: String?
        while found == nil {
            let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"ws://\S+/ws"#, options: .regularExpression) { found = String(text[range]) }
            var status: Int32 = 0
            if found == nil, waitpid(pid, &status, WNOHANG) == pid {
                let errors = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
                throw ClientError("entente serve exited (status \(status)) before listening: \(errors)")
            }
            if found == nil, Date() > deadline {
                kill(pid, SIGKILL)
                throw ClientError("entente serve did not listen within \(timeout) s")
            }
            if found == nil { try await Task.sleep(for: .milliseconds(20)) }
        }
        url = found!
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Sends `signal` and waits for the process to end; returns its wait status.
    @discardableResult
    public func stop(signal: Int32) -> Int32 {
        if let exitStatus { return exitStatus }
        kill(pid, signal)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        exitStatus = status
        return status
    }

    /// What the server wrote to standard output and standard error.
    public var stdout: String { (try? String(contentsOfFile: folder.appendingPathComponent("stdout").path, encoding: .utf8)) ?? "" }
    public var stderr: String { (try? String(contentsOfFile: folder.appendingPathComponent("stderr").path, encoding: .utf8)) ?? "" }

    /// The process's peak resident memory so far, in bytes (Linux's VmHWM); nil once it ended.
    public var peakResidentBytes: Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kib = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kib * 1024
    }

    /// Processor time the process has used so far, user and system, in seconds.
    public var cpuSeconds: Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // After the command name: state is field 3, utime 14 and stime 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
