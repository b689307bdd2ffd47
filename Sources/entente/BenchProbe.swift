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

    /// Runs a process to its end, its output discarded; returns its exit status and wall time.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, seconds: Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let started = DispatchTime.now().uptimeNanoseconds
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }
}
