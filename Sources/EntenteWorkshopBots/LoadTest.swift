import EntenteWorkshop
import Foundation

/// The workshop load test: a real `entente serve` process, and bots playing every seat of
/// its tables through the real protocol, each making a move every `interval` simulated
/// seconds for `minutes` simulated minutes, with random drops and rejoins.
///
/// Simulated time runs `timeScale` times faster than the clock: at scale 10 a move every 2
/// simulated seconds is one every 0.2 s, and 10 simulated minutes take one minute; the load
/// on the server is then ten times a real workshop's. Rounds last `roundMinutes` simulated
/// minutes, and the server's clock (real time) ends them.
public struct LoadTest: Sendable {
    public var binary: String
    public var scenarioFile: String
    public var tables = 6
    public var minutes = 10.0
    public var interval = 2.0
    public var timeScale = 10.0
    public var roundMinutes = 2.0
    /// The chance that a participant drops its line before a move.
    public var dropChance = 0.01
    public var seed: UInt64 = 1

    public init(binary: String, scenarioFile: String) {
        self.binary = binary
        self.scenarioFile = scenarioFile
    }

    /// What a run measured, and what the log check needs.
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
        /// Every acknowledged command id, by table and seat.
        public var acknowledgedIDs: [String: [String: [String]]]
        /// The highest event number any bot was sent, by table.
        public var lastSeqSeen: [String: Int]
        public var database: String
    }

    struct Code: Decodable { let table: String; let seat: String; let role: String; let code: String }

    /// Runs the test in `folder` (the server's file and codes are left there for the check).
    public func run(in folder: URL, progress: @Sendable (String) -> Void = { _ in }) async throws -> Report {
        let db = folder.appendingPathComponent("load.sqlite").path, codesFile = folder.appendingPathComponent("codes.json").path
        let wallRound = max(1, roundMinutes * 60 / timeScale)
        let server = try ServerProcess(binary: binary, arguments: [
            scenarioFile, "--tables", "\(tables)", "--db", db, "--codes", codesFile, "--codes-format", "json",
            "--listen", "127.0.0.1:0", "--round-minutes", "\(wallRound / 60)"])
        let codes = try JSONDecoder().decode([Code].self, from: Data(contentsOf: URL(fileURLWithPath: codesFile)))
        var random = SplitMix(seed: seed)
        let bots = codes.map { Bot(table: $0.table, seat: $0.seat, code: $0.code, url: server.url, facilitator: $0.role == "facilitator", seed: random.next()) }
        let wall = minutes * 60 / timeScale
        progress("\(bots.count) bots on \(tables) tables for \(Int(wall)) s (\(minutes) simulated minutes at ×\(timeScale))")
        let started = ContinuousClock.now
        let end = started + .milliseconds(Int(wall * 1000))
        let cpuBefore = server.cpuSeconds ?? 0
        try await withThrowingTaskGroup(of: Void.self) { group in
            for bot in bots {
                group.addTask {
                    try await bot.play(until: end, interval: .milliseconds(Int(interval / timeScale * 1000)), dropChance: dropChance, roundSeconds: wallRound)
                }
            }
            try await group.waitForAll()
        }
        let wallSeconds = (ContinuousClock.now - started) / .seconds(1)
        let cpu = (server.cpuSeconds ?? 0) - cpuBefore
        let peak = Double(server.peakResidentBytes ?? 0) / 1_048_576
        server.stop(signal: SIGTERM)
        return measure(bots, tables: tables, wallSeconds: wallSeconds, cpu: cpu, peak: peak, database: db)
    }

    /// The figures from what the bots recorded: for each command sent once and applied, the
    /// time from sending it to the arrival of its event at the last seat that was sent it.
    private func measure(_ bots: [Bot], tables: Int, wallSeconds: Double, cpu: Double, peak: Double, database: String) -> Report {
        var arrivals: [String: [Int: ContinuousClock.Instant]] = [:]
        var lastSeq: [String: Int] = [:]
        for bot in bots {
            for recorder in bot.connections {
                for received in recorder.all {
                    guard let seq = received.frame?.eventSeq else { continue }
                    lastSeq[bot.table] = max(lastSeq[bot.table] ?? 0, seq)
                    let key = bot.table
                    if let earlier = arrivals[key]?[seq], earlier >= received.at { continue }
                    arrivals[key, default: [:]][seq] = received.at
                }
            }
        }
        var latencies: [Double] = []
        var acknowledged: [String: [String: [String]]] = [:]
        var ackCount = 0, refused = 0, sentCount = 0
        for bot in bots {
            sentCount += bot.sent.count
            var acked: Set<String> = []
            for recorder in bot.connections {
                let frames = recorder.all
                for (index, received) in frames.enumerated() {
                    switch received.frame {
                    case .ack(let id)?:
                        guard acked.insert(id).inserted else { continue }
                        guard let sent = bot.sent[id], !sent.resent, index > 0, let seq = frames[index - 1].frame?.eventSeq,
                              let last = arrivals[bot.table]?[seq] else { continue }
                        latencies.append((last - sent.at) / .milliseconds(1))
                    case .error(_?, _, _)?:
                        refused += 1
                    default:
                        break
                    }
                }
            }
            ackCount += acked.count
            acknowledged[bot.table, default: [:]][bot.seat] = acked.sorted()
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int((p * Double(latencies.count)).rounded(.up)) - 1)]
        }
        let facilitators = bots.filter { $0.seat == "facilitator" }.count
        return Report(tables: tables, participants: bots.count - facilitators, facilitators: facilitators, wallSeconds: wallSeconds,
                      commandsSent: sentCount, acknowledged: ackCount, refused: refused, disconnects: bots.map(\.disconnects).reduce(0, +),
                      measured: latencies.count, p50Milliseconds: percentile(0.5), p99Milliseconds: percentile(0.99), maxMilliseconds: latencies.last ?? 0,
                      serverCPUSeconds: cpu, serverPeakMegabytes: peak, acknowledgedIDs: acknowledged, lastSeqSeen: lastSeq, database: database)
    }
}

extension Duration {
    /// A duration as a multiple of another.
    static func / (lhs: Duration, rhs: Duration) -> Double {
        let l = lhs.components, r = rhs.components
        return (Double(l.seconds) + Double(l.attoseconds) * 1e-18) / (Double(r.seconds) + Double(r.attoseconds) * 1e-18)
    }
}
