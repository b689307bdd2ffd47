import Foundation

/// A connection's outgoing frames, queued so that a table never waits for a slow client.
///
/// The table encodes a frame and drops it in the outbox; the connection's writer drains
/// the queue onto the socket. A client that falls `capacity` frames behind is closed, not
/// waited for: it reconnects and resumes from the last event it saw.
public final class Outbox<Frame: Encodable & Sendable>: Sendable {
    /// What the writer sends: a frame's JSON text, or the close that ends the connection.
    public enum Item: Sendable, Equatable {
        case text(String)
        case close(reason: String)
    }

    private let continuation: AsyncStream<Item>.Continuation
    /// The queue the connection's writer drains.
    public let items: AsyncStream<Item>
    /// Identifies the connection in log lines and lets a table tell two connections of one seat apart.
    public let id: Int

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public init(id: Int, capacity: Int = 4096) {
        self.id = id
        (items, continuation) = AsyncStream.makeStream(of: Item.self, bufferingPolicy: .bufferingOldest(capacity))
    }

    /// Queues a frame; false when the outbox is closed or the client fell too far behind
    /// (the connection is then closed).
    @discardableResult
    public func send(_ frame: Frame) -> Bool {
        let text: String
        do {
            text = String(decoding: try Self.encoder.encode(frame), as: UTF8.self)
        } catch {
            // A frame of the server's own types always encodes; if one ever does not, the
            // connection cannot be kept in step, so it is closed and the client resumes.
            close(reason: "the server could not encode a frame")
            return false
        }
        return queue(.text(text))
    }

    /// Queues the close and stops accepting frames.
    public func close(reason: String) {
        _ = queue(.close(reason: reason))
        continuation.finish()
    }

    /// Stops accepting frames without a close (the socket is gone already).
    public func finish() { continuation.finish() }

    private func queue(_ item: Item) -> Bool {
        switch continuation.yield(item) {
        case .enqueued: return true
        case .dropped:
            continuation.yield(.close(reason: "the client fell too far behind"))
            continuation.finish()
            return false
        case .terminated: return false
        @unknown default: return false
        }
    }
}
