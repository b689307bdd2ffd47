import EntenteWorkshop
import Foundation
import HummingbirdWSClient
import Logging

/// A bare connection to a workshop server: frames out as given, frames in as received,
/// each kept with its raw text and arrival time. No reconnecting and no book-keeping, so
/// that tests and bots see exactly what the server sends and can send what a well-behaved
/// client never would (malformed, oversized, floods).
public final class ProtocolClient: Sendable {
    /// A frame as it arrived.
    public struct Received: Sendable {
        public let text: String
        /// Nil when the text does not decode as a `ServerFrame`.
        public let frame: ServerFrame?
        public let at: ContinuousClock.Instant
    }

    /// What a client can send: a frame, or raw text.
    enum Outgoing: Sendable {
        case text(String)
        case close
    }

    private let outgoing: AsyncStream<Outgoing>.Continuation
    private let outgoingStream: AsyncStream<Outgoing>
    /// Every frame received, in order, until the connection ends.
    public let received: AsyncStream<Received>
    private let receiving: AsyncStream<Received>.Continuation
    private let connection = Shared<Task<Void, Never>?>(nil)
    private let ended = Shared<String?>(nil)

    /// Connects to `url` (`ws://HOST:PORT/ws`); throws when the upgrade fails.
    public static func connect(url: String, maxMessageBytes: Int = 1 << 20, logger: Logger = Logger(label: "entente.bot")) async throws -> ProtocolClient {
        let client = ProtocolClient()
        try await withCheckedThrowingContinuation { (opened: CheckedContinuation<Void, any Error>) in
            client.start(url: url, maxMessageBytes: maxMessageBytes, logger: logger, opened: opened)
        }
        return client
    }

    private init() {
        (outgoingStream, outgoing) = AsyncStream.makeStream(of: Outgoing.self)
        (received, receiving) = AsyncStream.makeStream(of: Received.self)
    }

    private func start(url: String, maxMessageBytes: Int, logger: Logger, opened: CheckedContinuation<Void, any Error>) {
        let pending = Shared<CheckedContinuation<Void, any Error>?>(opened)
        let task = Task { [outgoingStream, receiving, ended] in
            let clock = ContinuousClock()
            do {
                let close = try await WebSocketClient.connect(
                    url: url, configuration: WebSocketClientConfiguration(maxFrameSize: maxMessageBytes), logger: logger
                ) { inbound, outbound, _ in
                    pending.withLock { pending in defer { pending = nil }; return pending }?.resume()
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for await item in outgoingStream {
                                switch item {
                                case .text(let text): try await outbound.write(.text(text))
                                case .close:
                                    try await outbound.close(.normalClosure, reason: nil)
                                    return
                                }
                            }
                        }
                        for try await message in inbound.messages(maxSize: maxMessageBytes) {
                            guard case .text(let text) = message else { continue }
                            let frame = try? WireJSON.decode(ServerFrame.self, from: Data(text.utf8))
                            receiving.yield(Received(text: text, frame: frame, at: clock.now))
                        }
                        group.cancelAll()
                    }
                }
                ended.withLock { $0 = $0 ?? close?.reason ?? "closed" }
            } catch {
                ended.withLock { $0 = $0 ?? "\(error)" }
                pending.withLock { pending in defer { pending = nil }; return pending }?.resume(throwing: ClientError("\(error)"))
            }
            pending.withLock { pending in defer { pending = nil }; return pending }?.resume(throwing: ClientError("the connection ended before it opened"))
            receiving.finish()
        }
        connection.withLock { $0 = task }
    }

    /// Sends a frame.
    public func send(_ frame: ClientFrame) {
        outgoing.yield(.text(String(decoding: (try? WireJSON.encode(frame)) ?? Data(), as: UTF8.self)))
    }

    /// Sends text as it is, whatever it holds.
    public func sendRaw(_ text: String) { outgoing.yield(.text(text)) }

    /// Closes the connection (as a participant closing their terminal would).
    public func close() {
        outgoing.yield(.close)
        outgoing.finish()
    }

    /// Drops the connection without a close handshake (a cable pulled).
    public func drop() { connection.value?.cancel() }

    /// Why the connection ended, once it has: the reason of the server's close frame, when
    /// it gave one.
    public var endReason: String? { ended.value }
}

/// A client-side failure: the connection did not open, or ended.
public struct ClientError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
