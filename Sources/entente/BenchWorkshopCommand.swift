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
        usage: "swift build -c release && .build/release/entente bench-workshop",
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
            peak resident memory, and checks every table's event log: numbered without a gap, \
            holding every acknowledged command and every event a bot was sent.
            """)

    @Option(help: "The scenario the tables play.")
    var scenario = "Data/training/alliance-accession.yaml"

    @Option(help: "Tables.")
    var tables = 6

    @Option(help: ArgumentHelp("Simulated minutes of play.", valueName: "minutes"))
    var minutes = 10.0

    @Option(help: ArgumentHelp("Simulated seconds between a bot's moves.", valueName: "seconds"))
    var interval = 2.0

    @Option(help: "How much faster than the clock simulated time runs.")
    var timeScale = 10.0

    @Option(help: ArgumentHelp("A round's length, in simulated minutes.", valueName: "minutes"))
    var roundMinutes = 2.0

    @Option(help: "The chance that a participant drops its line before a move.")
    var dropChance = 0.01

    @Option(help: "Seed of the bots' moves.")
    var seed: UInt64 = 1

    @Flag(help: "Print one JSON document.")
    var json = false

    func validate() throws {
        guard (1 ... 50).contains(tables) else { throw ValidationError("--tables is 1 to 50") }
        guard minutes > 0, minutes <= 600, interval > 0, timeScale >= 1, timeScale <= 1000, roundMinutes > 0 else {
            throw ValidationError("--minutes, --interval and --round-minutes must be positive (minutes at most 600), --time-scale 1 to 1000")
        }
        guard (0 ... 1).contains(dropChance) else { throw ValidationError("--drop-chance is a probability, 0 to 1") }
    }

    func run() throws {
        _ = try ScenarioArgument(file: scenario).load()
        var test = LoadTest(binary: CommandLine.executablePath, scenarioFile: scenario)
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
        let result = Shared<Result<LoadTest.Report, ClientError>?>(nil)
        let outcome = runUntilSignalled {
            do {
                let report = try await test.run(in: folder) { Console.error($0) }
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
        let problems = try Self.checkLogs(report)
        if json {
            print(try JSONText.encode(Summary(report, problems: problems)))
        } else {
            print(text(report, problems: problems), terminator: "")
        }
        if !problems.isEmpty { throw ExitCode.failure }
    }

    /// What is wrong with the tables' logs: a gap, an acknowledged command missing, an event
    /// a bot was sent beyond the log's end.
    static func checkLogs(_ report: LoadTest.Report) throws -> [String] {
        let store = try EventStore(path: report.database)
        var problems: [String] = []
        for table in try store.tables() {
            if let gap = try store.gapInLog(of: table.id) { problems.append(gap) }
            let applied = Set(try store.appliedCommands(of: table.id).keys)
            for (seat, ids) in report.acknowledgedIDs[table.id] ?? [:] {
                let missing = ids.filter { !applied.contains(AppliedCommand(seat: seat, id: $0)) }
                if !missing.isEmpty { problems.append("\(table.id): \(seat)'s acknowledged \(missing.prefix(5).joined(separator: ", ")) not in the log") }
            }
            if let seen = report.lastSeqSeen[table.id], seen > table.lastSeq {
                problems.append("\(table.id): a bot was sent event \(seen), the log ends at \(table.lastSeq)")
            }
        }
        return problems
    }

    private func text(_ report: LoadTest.Report, problems: [String]) -> String {
        func ms(_ value: Double) -> String { String(format: "%.1f ms", value) }
        let wallMinutes = minutes / timeScale
        return """
            machine: \(MachineInfo.current.description), load \(MachineInfo.loadAverage)
            workshop load: \(report.tables) tables, \(report.participants) participants and \(report.facilitators) facilitators (bots) on \(scenario)
              \(Figures.count(minutes)) simulated minutes at ×\(Figures.count(timeScale)) (\(String(format: "%.1f", wallMinutes)) min on the clock, \(String(format: "%.1f", report.wallSeconds)) s run), a move every \(Figures.count(interval)) simulated s (\(String(format: "%.2f", interval / timeScale)) s)
            commands: \(report.commandsSent) sent, \(report.acknowledged) acknowledged, \(report.refused) refused; \(report.disconnects) drops and rejoins
            command → last seat's update: p50 \(ms(report.p50Milliseconds)), p99 \(ms(report.p99Milliseconds)), max \(ms(report.maxMilliseconds)) (\(report.measured) commands timed)
            server: \(String(format: "%.1f", report.serverCPUSeconds)) s of processor time (\(String(format: "%.0f", 100 * report.serverCPUSeconds / max(report.wallSeconds, 0.001)))% of one core), peak resident memory \(String(format: "%.1f", report.serverPeakMegabytes)) MB
            event logs: \(problems.isEmpty ? "complete (no gap; every acknowledged command and every event sent is in its table's log)" : problems.joined(separator: "; "))

            """
    }

    /// The JSON report: the figures without the id lists.
    struct Summary: Encodable {
        let tables, participants, facilitators, commandsSent, acknowledged, refused, disconnects, measured: Int
        let wallSeconds, p50Milliseconds, p99Milliseconds, maxMilliseconds, serverCPUSeconds, serverPeakMegabytes: Double
        let logProblems: [String]

        init(_ report: LoadTest.Report, problems: [String]) {
            tables = report.tables
            participants = report.participants
            facilitators = report.facilitators
            commandsSent = report.commandsSent
            acknowledged = report.acknowledged
            refused = report.refused
            disconnects = report.disconnects
            measured = report.measured
            wallSeconds = report.wallSeconds
            p50Milliseconds = report.p50Milliseconds
            p99Milliseconds = report.p99Milliseconds
            maxMilliseconds = report.maxMilliseconds
            serverCPUSeconds = report.serverCPUSeconds
            serverPeakMegabytes = report.serverPeakMegabytes
            logProblems = problems
        }
    }
}

extension CommandLine {
    /// This program's own file, for starting another process of it.
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0]
    }
}
