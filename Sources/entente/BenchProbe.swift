import Foundation

/// The hand-written C scan the benchmark compares Entente's scans with: compiled with
/// `gcc -O3 -march=native` when gcc and its source are there, and run as a whole process,
/// so that a case's ratio (probe seconds / Entente seconds) is measured in the same run on
/// the same machine. It scans `actors × options^issues` packages of random numbers on one
/// core, for up to 64 actors.
struct BenchProbe {
    /// The compiled probe, or why there is none.
    let executable: Result<String, ProbeUnavailable>

    struct ProbeUnavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// Where the bench looks for the probe's source unless told: next to the repository.
    static let defaultSource = "../shared/probe/scan2.c"

    init(source: String) {
        guard FileManager.default.fileExists(atPath: source) else {
            executable = .failure(ProbeUnavailable(description: "no probe source at \(source)"))
            return
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("entente-probe-\(getpid())").path
        do {
            let status = try Self.run("/usr/bin/env", ["gcc", "-O3", "-march=native", "-o", output, source]).status
            executable = status == 0 ? .success(output) : .failure(ProbeUnavailable(description: "gcc failed on \(source)"))
        } catch {
            executable = .failure(ProbeUnavailable(description: "gcc not found"))
        }
    }

    /// The wall time of one whole run of the probe, nil when there is no probe or it failed.
    func seconds(actors: Int, issues: Int, options: Int) -> Double? {
        guard case .success(let path) = executable, actors <= 64,
              let run = try? Self.run(path, ["\(actors)", "\(issues)", "\(options)"]), run.status == 0 else { return nil }
        return run.seconds
    }

    func remove() {
        if case .success(let path) = executable { try? FileManager.default.removeItem(atPath: path) }
    }

    /// One whole run of a process.
    struct Run {
        /// The exit status, or 128 + the signal that ended it.
        let status: Int32
        let seconds: Double
        /// The process's own peak resident memory (from `wait4`), in megabytes.
        let peakMegabytes: Double
    }

    /// Runs a process to its end, its output discarded, and measures it.
    static func run(_ executable: String, _ arguments: [String]) throws -> Run {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = DispatchTime.now().uptimeNanoseconds
        let failed = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard failed == 0 else { throw ProbeUnavailable(description: "cannot run \(executable): \(String(cString: strerror(failed)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let signal = status & 0x7F
        return Run(status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal, seconds: seconds,
                   peakMegabytes: Double(usage.ru_maxrss) / 1024)
    }
}
