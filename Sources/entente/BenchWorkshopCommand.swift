import ArgumentParser
import EntenteCore
import EntenteServer
import EntenteWorkshopBots
import Foundation

/// `entente bench-workshop`: the workshop server under a workshop's load, through the real
/// protocol, with the figures docs/performance.md reports.
struct BenchWorkshopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-workshop",
        abstract: "Load-test the workshop server with bots; build with -c release first.",
        usage: "swift build -c release && .build/release/entente bench-workshop [--minutes M] [--tables T] [--time-scale X]",
        discussion: """
            Starts `entente serve` on --tables tables of the scenario (a facilitator and a seat \
            per actor each; the shipped alliance-accession game has five actors, so six tables \
            seat 30 participants) and a bot in every seat, each moving every --interval \
            simulated seconds for --minutes simulated minutes: participants propose, answer and \
            speak, and drop their line now and then (--drop-chance per move), rejoin, resume and \
            send again what was not acknowledged; facilitators start rounds and broadcast. \
            Simulated time runs --time-scale times faster than the clock, so the server carries \
            that many times a real workshop's load. Prints the time from a command to its event \
            reaching the last seat sent it (p50, p99, max), the server's processor time and \
            peak resident memory (VmHWM), and checks every table's event log: numbered without \
            a gap, holding every acknowledged command, and every bot sent exactly the events \
            its seat may see. `--minutes 1 --tables 2` is a quick try.
            """)

    @Option(help: "The scenario the tables play.")
    var scenario = "Data/training/alliance-accession.yaml"

    @Option(help: "Tables.")
    var tables = 6

    @Option(help: ArgumentHelp("Simulated minutes of play.", valueName: "minutes"))
    var minutes = 10.0

    @Option(help: ArgumentHelp("Simulated seconds between a bot's moves.", valueName: "seconds"))
    var interval = 2.0

    @Option(help: "How much faster than the clock simulated time runs (1: a workshop's pace).")
    var timeScale = 1.0

    @Option(help: ArgumentHelp("A round's length, in simulated minutes.", valueName: "minutes"))
    var roundMinutes = 2.0

    @Option(help: "The chance that a participant drops its line before a move.")
    var dropChance = 0.01

    @Option(help: "Seed of the bots' moves.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("The entente binary that serves (default: this one), say a release build while this one is a debug build.", valueName: "file"))
    var server: String?

    @Flag(help: "Print one JSON document.")
    var json = false

    func validate() throws {
        guard (1 ... 50).contains(tables) else { throw ValidationError("--tables is 1 to 50") }
        guard minutes > 0, minutes <= 600, interval > 0, timeScale >= 1, timeScale <= 1000, roundMinutes > 0 else {
            throw ValidationError("--minutes, --interval and --round-minutes must be positive (minutes at most 600), --time-scale 1 to 1000")
        }
        guard (0 ... 1).contains(dropChance) else { throw ValidationError("--drop-chance is a probability, 0 to 1") }
        if let server, !FileManager.default.isExecutableFile(atPath: server) { throw ValidationError("--server: \(server) is not an executable file") }
    }

    func run() throws {
        _ = try ScenarioArgument(file: scenario).load()
        var test = LoadTest(binary: server ?? CommandLine.executablePath, scenarioFile: scenario)
        test.tables = tables
        test.minutes = minutes
        test.interval = interval
        test.timeScale = timeScale
        test.roundMinutes = roundMinutes
        test.dropChance = dropChance
        test.seed = seed
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-bench-workshop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let loadBefore = MachineInfo.loadAverage
        let result = Shared<Result<LoadTest.Report, ClientError>?>(nil)
        let configured = test
        let outcome = runUntilSignalled {
            do {
                let report = try await configured.run(in: folder) { Console.error($0) }
                result.withLock { $0 = .success(report) }
            } catch {
                result.withLock { $0 = .failure(ClientError("\(error)")) }
            }
        }
        if case .interrupted = outcome { throw ExitCodes.interrupted }
        let report: LoadTest.Report
        switch result.value {
        case .success(let value)?: report = value
        case .failure(let error)?:
            Console.error("error: the load test failed: \(error)")
            throw ExitCode.failure
        case nil: throw ExitCode.failure
        }
        let loadAfter = MachineInfo.loadAverage
        if json {
            print(try JSONText.encode(Summary(report, machine: MachineInfo.current.description, load: [loadBefore, loadAfter])))
        } else {
            print(text(report, loadBefore: loadBefore, loadAfter: loadAfter), terminator: "")
        }
        if !report.logProblems.isEmpty { throw ExitCode.failure }
    }

    private func text(_ report: LoadTest.Report, loadBefore: String, loadAfter: String) -> String {
        func ms(_ value: Double) -> String { String(format: "%.1f ms", value) }
        func number(_ value: Double) -> String { String(format: "%g", value) }
        let logs = report.logProblems.isEmpty
            ? "complete: \(report.loggedEvents) events numbered without a gap, every acknowledged command's events in them, and the \(report.framesChecked) event frames the bots received exactly those their seats are owed"
            : report.logProblems.joined(separator: "; ")
        return """
            machine: \(MachineInfo.current.description); load average (1, 5, 15 min) \(loadBefore) at the start, \(loadAfter) at the end
            workshop load: \(report.tables) tables, \(report.participants) participants and \(report.facilitators) facilitators (bots) on \(scenario)
              \(number(minutes)) simulated minutes at ×\(number(timeScale)) (\(String(format: "%.1f", report.wallSeconds)) s of play), a move every \(number(interval)) simulated s (\(String(format: "%.2f", interval / timeScale)) s)
            commands: \(report.commandsSent) sent, \(report.acknowledged) acknowledged, \(report.refused) refused; \(report.disconnects) drops and rejoins
            command → last seat's update: p50 \(ms(report.p50Milliseconds)), p99 \(ms(report.p99Milliseconds)), max \(ms(report.maxMilliseconds)) (\(report.measured) commands timed)
            server: \(String(format: "%.1f", report.serverCPUSeconds)) s of processor time (\(String(format: "%.0f", 100 * report.serverCPUSeconds / max(report.wallSeconds, 0.001)))% of one core), peak resident memory \(String(format: "%.1f", report.serverPeakMegabytes)) MB
            event logs: \(logs)

            """
    }

    /// The JSON report.
    struct Summary: Encodable {
        let machine: String
        /// The load averages (1, 5, 15 min) at the start and at the end.
        let load: [String]
        let report: LoadTest.Report

        init(_ report: LoadTest.Report, machine: String, load: [String]) {
            self.machine = machine
            self.load = load
            self.report = report
        }
    }
}

extension CommandLine {
    /// This program's own file, for starting another process of it.
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0]
    }
}
