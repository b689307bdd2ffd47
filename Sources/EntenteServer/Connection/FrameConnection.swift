import Foundation
import HummingbirdWebSocket
import NIOCore
import Logging

/// One WebSocket connection carrying JSON frames: a writer that drains the connection's
/// outbox onto the socket, and a reader that hands each inbound message to the protocol
/// as a decoded frame or the problem that stopped it (flood, size, malformed JSON).
///
/// Knows nothing of tables: the workshop's protocol is the `receive` closure.
public enum FrameConnection {
    /// Runs the connection until the client goes away, the outbox is closed, or the client
    /// floods past the limit. `receive` is called for each inbound message, one at a time.
    public static func run<Inbound: Decodable & Sendable, Outbound: Encodable & Sendable>(
        inbound: WebSocketInboundStream,
        outbound: WebSocketOutboundWriter,
        outbox: Outbox<Outbound>,
        limits: FrameLimits,
        logger: Logger,
        receive: (Result<Inbound, RefusedFrame>) async -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                var closed = false
                for await item in outbox.items {
                    switch item {
                    case .text(let text):
                        try await write(text, to: outbound, fragment: limits.outboundFragmentBytes)
                    case .close(let reason):
                        closed = true
                        try await outbound.close(.normalClosure, reason: reason)
                    }
                    if closed { break }
                }
                if !closed { try? await outbound.close(.goingAway, reason: nil) }
            }
            let clock = ContinuousClock()
            let start = clock.now
            var reader = FrameReader<Inbound>(limits: limits, now: 0)
            do {
                for try await message in inbound.messages(maxSize: limits.maxMessageBytes) {
                    let now = (clock.now - start) / .seconds(1)
                    let frame = reader.read(message, now: now)
                    if reader.floodedOut {
                        logger.warning("connection \(outbox.id): closed after \(limits.floodLimit) frames over the rate limit")
                        outbox.close(reason: "flooding")
                        break
                    }
                    await receive(frame)
                }
            } catch {
                logger.notice("connection \(outbox.id): \(error)")
            }
            outbox.finish()
            try await group.waitForAll()
        }
    }

    /// Writes one text message, in fragments of at most `fragment` bytes, so that a client
    /// reading frames of 16 KiB gets a large welcome whole.
    private static func write(_ text: String, to outbound: WebSocketOutboundWriter, fragment: Int) async throws {
        let bytes = Array(text.utf8)
        guard bytes.count > fragment else {
            try await outbound.write(.text(text))
            return
        }
        try await outbound.withTextMessageWriter { writer in
            for start in stride(from: 0, to: bytes.count, by: fragment) {
                try await writer(ByteBuffer(bytes: bytes[start ..< min(start + fragment, bytes.count)]))
            }
        }
    }
}

extension Duration {
    /// A duration divided by another, as a number (how many seconds, say).
    static func / (lhs: Duration, rhs: Duration) -> Double {
        let l = lhs.components, r = rhs.components
        return (Double(l.seconds) + Double(l.attoseconds) * 1e-18) / (Double(r.seconds) + Double(r.attoseconds) * 1e-18)
    }
}
