import Foundation
import HummingbirdWSClient
import Logging
import Synchronization

/// A WebSocket to one URL that keeps itself connected: when the connection drops or cannot
/// be made, it waits (`Backoff`) and connects again, until `stop`. Frames are JSON, one
/// text message each. What to say on each new connection and what to do with each frame
/// that arrives belongs to the caller (`TableClient`); this type only keeps the line up.
final class ReconnectingSocket<Outgoing: Encodable & Sendable, Incoming: Decodable & Sendable>: Sendable {
    /// What happened to the line, for the caller to report.
    enum Event: Sendable {
        /// A connection opened; the caller's first frames were written.
        case opened
        case frame(Incoming)
        /// A message that is not a frame of the protocol (a server of another version).
        case unreadable(String)
        /// The connection closed or could not be made; the next attempt is in `retry`.
        case dropped(reason: String, retry: Duration)
    }

    private struct Line {
        /// The current connection's queue of frames to write (nil while disconnected).
        var writer: AsyncStream<Outgoing>.Continuation?
        var backoff: Backoff
        var task: Task<Void, Never>?
        var stopped = false
    }

    private let url: String
    private let readLimit: Int
    private let line: Mutex<Line>
    private let greeting: @Sendable () -> [Outgoing]
    private let report: @Sendable (Event) -> Void

    /// - Parameters:
    ///   - greeting: the frames written first on every new connection (a hello that says
    ///     where to resume from).
    ///   - report: called for every event, on the socket's own task, in order.
    init(url: String, readLimit: Int, backoff: Backoff, greeting: @escaping @Sendable () -> [Outgoing],
         report: @escaping @Sendable (Event) -> Void) {
        self.url = url
        self.readLimit = readLimit
        line = Mutex(Line(backoff: backoff))
        self.greeting = greeting
        self.report = report
    }

    /// Starts connecting, and reconnecting after each drop, until `stop`.
    func start() {
        let task = Task { [self] in await keepConnected() }
        line.withLock { $0.task = task }
    }

    /// Closes the connection and stops reconnecting.
    func stop() {
        let (task, writer) = line.withLock { line in
            line.stopped = true
            defer { line.writer = nil }
            return (line.task, line.writer)
        }
        writer?.finish()
        task?.cancel()
    }

    /// Writes a frame on the current connection; false when there is none (the caller keeps
    /// what must survive a drop and sends it again from its greeting).
    @discardableResult
    func send(_ frame: Outgoing) -> Bool {
        guard let writer = line.withLock({ $0.writer }) else { return false }
        if case .enqueued = writer.yield(frame) { return true }
        return false
    }

    /// The table reached: the next drop retries at once-ish again.
    func connectionSucceeded() { line.withLock { $0.backoff.reset() } }

    private var stopped: Bool { line.withLock { $0.stopped } }

    private func keepConnected() async {
        var logger = Logger(label: "entente.join")
        logger.logLevel = .critical
        while !stopped {
            let reason: String
            do {
                let close = try await WebSocketClient.connect(
                    url: url, configuration: WebSocketClientConfiguration(maxFrameSize: readLimit, autoPing: .enabled(timePeriod: .seconds(10))),
                    logger: logger
                ) { [self] inbound, outbound, _ in
                    try await converse(inbound, outbound)
                }
                reason = close.map { "the server closed the connection" + ($0.reason.map { ": \($0)" } ?? "") } ?? "the connection closed"
            } catch {
                reason = Self.describe(error)
            }
            line.withLock { $0.writer?.finish(); $0.writer = nil }
            if stopped { return }
            let wait = line.withLock { $0.backoff.next(spread: Double.random(in: 0...1)) }
            report(.dropped(reason: reason, retry: wait))
            try? await Task.sleep(for: wait)
        }
    }

    /// One connection: the greeting, then frames both ways until either side closes.
    private func converse(_ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter) async throws {
        let (frames, writer) = AsyncStream<Outgoing>.makeStream()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for frame in greeting() {
            try await outbound.write(.text(String(decoding: try encoder.encode(frame), as: UTF8.self)))
        }
        line.withLock { $0.writer = writer }
        report(.opened)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await frame in frames {
                    try await outbound.write(.text(String(decoding: try encoder.encode(frame), as: UTF8.self)))
                }
            }
            group.addTask { [self] in
                let decoder = JSONDecoder()
                for try await message in inbound.messages(maxSize: readLimit) {
                    let data: Data
                    switch message {
                    case .text(let text): data = Data(text.utf8)
                    case .binary(let buffer): data = Data(buffer.readableBytesView)
                    }
                    do {
                        report(.frame(try decoder.decode(Incoming.self, from: data)))
                    } catch {
                        report(.unreadable("a frame from the server could not be read: \(error)"))
                    }
                }
            }
            // Whichever ends first (the server closing, or `stop`) ends the connection.
            _ = try await group.next()
            group.cancelAll()
        }
    }

    /// An error in the words a participant's status line can show.
    static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "the server is not answering (connection refused)" }
        if text.contains("invalidURL") { return "the address is not a ws:// URL" }
        return "the connection failed (\(text))"
    }
}
