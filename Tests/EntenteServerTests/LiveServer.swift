import EntenteCore
import EntenteServer
import EntenteTestSupport
import EntenteWorkshop
import EntenteWorkshopBots
import Foundation
import Logging

/// A real workshop server on loopback (port 0) over a fresh SQLite file, with a clock the
/// test moves and a log it can read, for tests that go through the real protocol.
final class LiveServer: Sendable {
    let file: String
    let folder: URL
    let store: EventStore
    let server: WorkshopServer
    let url: String
    let codes: [IssuedCode]
    let clock: TestClock
    let log: RecordedLog
    private let task: Task<Void, any Error>

    static let repository = TestPaths.repository

    /// Starts a server with tables for `plan` on the scenario, or on the tables already in
    /// `reusing`'s file (a restart; no new codes then).
    static func start(scenario: Scenario? = nil, file scenarioFile: String = "Data/training/cables-and-chips.yaml", plan: TablePlan = TablePlan(),
                      limits: FrameLimits = FrameLimits(), reusing: LiveServer? = nil) async throws -> LiveServer {
        let folder = reusing?.folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("entente-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("workshop.sqlite").path
        let store = try EventStore(path: file)
        let clock = reusing?.clock ?? TestClock()
        var codes = reusing?.codes ?? []
        if reusing == nil {
            let loaded = try scenario ?? ScenarioLoader.load(path: repository.appendingPathComponent(scenarioFile).path)
            codes = try store.createTables(try plan.setups(for: [TablePlan.Source(file: scenarioFile, scenario: loaded)]), at: Date(timeIntervalSince1970: clock.now))
        }
        let log = RecordedLog()
        var options = WorkshopServer.Options()
        options.limits = limits
        options.clock = { clock.now }
        options.tick = .milliseconds(20)
        let server = try WorkshopServer(store: store, options: options, logger: log.logger)
        let port = Shared<Int?>(nil)
        let task = Task { try await server.run(host: "127.0.0.1", port: 0) { bound in port.withLock { $0 = bound } } }
        let deadline = Date().addingTimeInterval(20)
        while port.value == nil {
            guard Date() < deadline else { throw ClientError("the server did not listen") }
            try await Task.sleep(for: .milliseconds(10))
        }
        return LiveServer(file: file, folder: folder, store: store, server: server, url: "ws://127.0.0.1:\(port.value!)/ws",
                          codes: codes, clock: clock, log: log, task: task)
    }

    private init(file: String, folder: URL, store: EventStore, server: WorkshopServer, url: String, codes: [IssuedCode], clock: TestClock, log: RecordedLog, task: Task<Void, any Error>) {
        self.file = file
        self.folder = folder
        self.store = store
        self.server = server
        self.url = url
        self.codes = codes
        self.clock = clock
        self.log = log
        self.task = task
    }

    /// Stops serving (the file stays, for a restart).
    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    func code(_ seat: String, table: String? = nil) -> String {
        codes.first { $0.seat == seat && (table == nil || $0.table == table) }!.code
    }

    var firstTable: String { codes[0].table }

    /// Connects and joins as `seat`, waiting for the welcome.
    func join(_ seat: String, table: String? = nil, resumeAfter: Int? = nil) async throws -> FrameRecorder {
        let recorder = try await FrameRecorder.connect(url: url)
        recorder.client.send(.hello(code: code(seat, table: table), resumeAfter: resumeAfter))
        try await recorder.wait(for: "\(seat)'s welcome") { $0.welcomeSeq != nil }
        return recorder
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// A clock the test sets: whole seconds from a fixed start, so that no time written in a
/// frame can look like a marked figure.
final class TestClock: Sendable {
    private let value = Shared<Double>(1_800_000_000)

    var now: Double { value.value }

    func advance(_ seconds: Double) { value.withLock { $0 += seconds } }
}

/// The server's log lines, kept for the test to read.
final class RecordedLog: Sendable {
    private let lines = Shared<[String]>([])

    var logger: Logger {
        var logger = Logger(label: "entente.test") { [self] _ in RecordingHandler(record: self) }
        logger.logLevel = .info
        return logger
    }

    var all: [String] { lines.value }

    fileprivate func append(_ line: String) { lines.withLock { $0.append(line) } }

    func contains(_ text: String) -> Bool { all.contains { $0.contains(text) } }

    struct RecordingHandler: LogHandler {
        let record: RecordedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
            record.append("\(level): \(message)")
        }
    }
}
