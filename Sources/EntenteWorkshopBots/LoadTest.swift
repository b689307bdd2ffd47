import EntenteServer
import EntenteWorkshop
import Foundation

/// The workshop load test: a real `entente serve` process, and bots playing every seat of
/// its tables through the real protocol, each making a move every `interval` simulated
/// seconds for `minutes` simulated minutes, with random drops and rejoins.
///
/// Simulated time runs `timeScale` times faster than the clock: at scale 1 (the default) the
/// bots move at a workshop's pace, at scale 10 a move every 2 simulated seconds is one every
/// 0.2 s and 10 simulated minutes take one minute, ten times a real workshop's load. Rounds
/// last `roundMinutes` simulated minutes, and the server's clock (real time) ends them.
public struct LoadTest: Sendable {
    public var binary: String
    public var scenarioFile: String
    public var tables = 6
    public var minutes = 10.0
    public var interval = 2.0
    public var timeScale = 1.0
    public var roundMinutes = 2.0
    /// The chance that a participant drops its line at a move.
    public var dropChance = 0.01
    public var seed: UInt64 = 1

    public init(binary: String, scenarioFile: String) {
        self.binary = binary
        self.scenarioFile = scenarioFile
    }

    /// What a run measured and what the check of the logs found.
    public struct Report: Sendable, Codable {
        public var tables: Int
        public var participants: Int
        public var facilitators: Int
        public var wallSeconds: Double
        public var commandsSent: Int
        public var acknowledged: Int
        public var refused: Int
        public var disconnects: Int
        /// Commands whose update was timed: sent once, applied, their event seen by the sender.
        public var measured: Int
        public var p50Milliseconds: Double
        public var p99Milliseconds: Double
        public var maxMilliseconds: Double
        public var serverCPUSeconds: Double
        public var serverPeakMegabytes: Double
        /// Events in the tables' logs, and event frames the bots received, all checked.
        public var loggedEvents: Int
        public var framesChecked: Int
        /// What is wrong with the logs (empty: every log is complete).
        public var logProblems: [String]
    }

    struct Code: Decodable { let table: String; let seat: String; let role: String; let code: String }

    /// Runs the test in `folder`, where the server's file and codes are written.
    public func run(in folder: URL, progress: @Sendable (String) -> Void = { _ in }) async throws -> Report {
        let db = folder.appendingPathComponent("load.sqlite").path, codesFile = folder.appendingPathComponent("codes.json").path
        let wallRound = max(1, roundMinutes * 60 / timeScale)
        let server = try await ServerProcess(binary: binary, arguments: [
            scenarioFile, "--tables", "\(tables)", "--db", db, "--codes", codesFile, "--codes-format", "json",
            "--listen", "127.0.0.1:0", "--round-minutes", "\(wallRound / 60)"])
        let codes = try JSONDecoder().decode([Code].self, from: Data(contentsOf: URL(fileURLWithPath: codesFile)))
        var random = SplitMix(seed: seed)
        let bots = codes.map { Bot(table: $0.table, seat: $0.seat, code: $0.code, url: server.url, facilitator: $0.role == "facilitator", seed: random.next()) }
        let wall = minutes * 60 / timeScale
        progress("\(bots.count) bots on \(tables) tables for \(Int(wall.rounded())) s (\(String(format: "%g", minutes)) simulated minutes at ×\(String(format: "%g", timeScale)))")
        let started = ContinuousClock.now
        let end = started + .milliseconds(Int(wall * 1000))
        let cpuBefore = server.cpuSeconds ?? 0
        let move = Duration.milliseconds(Int(interval / timeScale * 1000))
        try await Self.all(bots) { try await $0.play(until: end, interval: move, dropChance: dropChance, roundSeconds: wallRound) }
        let wallSeconds = (ContinuousClock.now - started) / .seconds(1)
        // Play is over: rounds closed, every command answered, then every bot has its last frames.
        try await Self.all(bots) { try await $0.finish() }
        try await Self.all(bots) { try await $0.settle() }
        let cpu = (server.cpuSeconds ?? 0) - cpuBefore
        let peak = Double(server.peakResidentBytes ?? 0) / 1_048_576
        server.stop(signal: SIGTERM)
        var report = Self.measure(bots, tables: tables, wallSeconds: wallSeconds, cpu: cpu, peak: peak)
        let check = try LogCheck.run(database: db, bots: bots)
        report.loggedEvents = check.events
        report.framesChecked = check.frames
        report.logProblems = check.problems
        return report
    }

    /// Runs `body` for every bot at once and waits for all of them.
    private static func all(_ bots: [Bot], _ body: @escaping @Sendable (Bot) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for bot in bots { group.addTask { try await body(bot) } }
            try await group.waitForAll()
        }
    }

    /// The figures from what the bots recorded: for each command sent once and applied, the
    /// time from sending it to the arrival of its (last) event at the last seat sent it. The
    /// server sends a command's events before its ack, so the sender's frame just before the
    /// ack is that event.
    static func measure(_ bots: [Bot], tables: Int, wallSeconds: Double, cpu: Double, peak: Double) -> Report {
        var lastArrival: [String: [Int: ContinuousClock.Instant]] = [:]
        for bot in bots {
            for recorder in bot.connections {
                for received in recorder.all {
                    guard let seq = received.frame?.eventSeq else { continue }
                    if let earlier = lastArrival[bot.table]?[seq], earlier >= received.at { continue }
                    lastArrival[bot.table, default: [:]][seq] = received.at
                }
            }
        }
        var latencies: [Double] = []
        var acknowledged = 0, refused = 0, sent = 0
        for bot in bots {
            sent += bot.sent.count
            var acked: Set<String> = []
            for recorder in bot.connections {
                let frames = recorder.all
                for (index, received) in frames.enumerated() {
                    switch received.frame {
                    case .ack(let id)?:
                        guard acked.insert(id).inserted else { continue }
                        guard let first = bot.sent[id], !first.resent, index > 0, let seq = frames[index - 1].frame?.eventSeq,
                              let last = lastArrival[bot.table]?[seq] else { continue }
                        latencies.append((last - first.at) / .milliseconds(1))
                    case .error(_?, _, _)?:
                        refused += 1
                    default:
                        break
                    }
                }
            }
            acknowledged += acked.count
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[max(0, min(latencies.count - 1, Int((p * Double(latencies.count)).rounded(.up)) - 1))]
        }
        let facilitators = bots.filter(\.facilitator).count
        return Report(tables: tables, participants: bots.count - facilitators, facilitators: facilitators, wallSeconds: wallSeconds,
                      commandsSent: sent, acknowledged: acknowledged, refused: refused, disconnects: bots.map(\.disconnects).reduce(0, +),
                      measured: latencies.count, p50Milliseconds: percentile(0.5), p99Milliseconds: percentile(0.99), maxMilliseconds: latencies.last ?? 0,
                      serverCPUSeconds: cpu, serverPeakMegabytes: peak, loggedEvents: 0, framesChecked: 0, logProblems: [])
    }
}

/// The check that every table's event log is complete after a load test: numbered 1, 2, …
/// without a gap; every command a bot saw acknowledged has its events in the log under its
/// seat and id; and every bot was sent exactly the event frames the server's own projection
/// gives its seat from the log (replayed with `Table.applyAndFrame`), in order, on each
/// connection after that connection's welcome, the last connection to the log's end.
enum LogCheck {
    static func run(database: String, bots: [Bot]) throws -> (events: Int, frames: Int, problems: [String]) {
        let store = try EventStore(path: database)
        var problems: [String] = []
        var eventCount = 0, frameCount = 0
        for stored in try store.tables() {
            if let gap = try store.gapInLog(of: stored.id) { problems.append(gap) }
            let entries = try store.events(of: stored.id)
            eventCount += entries.count
            let logged = Set(entries.compactMap { entry in entry.commandID.map { AppliedCommand(seat: entry.seat ?? "", id: $0) } })
            var table = Table(setup: try WireJSON.decode(TableSetup.self, from: Data(stored.setup.utf8)))
            var owed: [String: [ServerFrame]] = [:]
            for entry in entries {
                let event = try WireJSON.decode(TableEvent.self, from: Data(entry.body.utf8))
                for (seat, frames) in table.applyAndFrame(event, seq: entry.seq) {
                    owed[seat, default: []] += frames.filter { $0.eventSeq != nil }
                }
            }
            for bot in bots where bot.table == stored.id {
                let acked = bot.connections.flatMap(\.all).compactMap { received -> String? in
                    if case .ack(let id)? = received.frame { id } else { nil }
                }
                let missing = Set(acked).filter { !logged.contains(AppliedCommand(seat: bot.seat, id: $0)) }
                if !missing.isEmpty { problems.append("\(stored.id): \(bot.seat)'s acknowledged \(missing.sorted().prefix(5).joined(separator: ", ")) not in the log") }
                let (frames, problem) = check(bot, owed: owed[bot.seat] ?? [])
                frameCount += frames
                if let problem { problems.append("\(stored.id): \(bot.seat): \(problem)") }
            }
        }
        return (eventCount, frameCount, problems)
    }

    /// The bot's event frames against the ones its seat is owed: on each connection, the
    /// frames after its welcome's `lastSeq`, in order and equal; the last connection all of
    /// them; a later welcome never before an event an earlier connection was sent.
    static func check(_ bot: Bot, owed: [ServerFrame]) -> (frames: Int, problem: String?) {
        var frames = 0
        var lastSeen = 0
        for (number, recorder) in bot.connections.enumerated() {
            let received = recorder.all.compactMap(\.frame)
            guard let welcome = received.lazy.compactMap(\.welcomeSeq).first else { return (frames, "connection \(number + 1) had no welcome") }
            if welcome < lastSeen { return (frames, "connection \(number + 1)'s welcome ends at \(welcome), before event \(lastSeen) sent earlier") }
            let events = received.filter { $0.eventSeq != nil }
            let expected = owed.filter { $0.eventSeq! > welcome }
            frames += events.count
            guard events.count <= expected.count, Array(expected.prefix(events.count)) == events else {
                let index = zip(events, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? expected.count
                return (frames, "connection \(number + 1)'s event frame \(index + 1) (seq \(events[index].eventSeq!)) is not the one the log gives")
            }
            if number == bot.connections.count - 1, events.count < expected.count {
                return (frames, "never sent event \(expected[events.count].eventSeq!) and \(expected.count - events.count - 1) more")
            }
            lastSeen = events.last?.eventSeq ?? welcome
        }
        return (frames, nil)
    }
}
