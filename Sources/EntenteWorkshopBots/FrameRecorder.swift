import EntenteWorkshop
import Foundation

/// Keeps every frame a `ProtocolClient` receives, and lets a test or a bot wait for one.
///
/// Waiting polls the record every few milliseconds; the frames keep the time they arrived,
/// so what is measured does not depend on when the waiter looked.
public final class FrameRecorder: Sendable {
    public let client: ProtocolClient
    private let frames = Shared<[ProtocolClient.Received]>([])
    private let done = Shared(false)

    public init(_ client: ProtocolClient) {
        self.client = client
        Task { [frames, done] in
            for await frame in client.received { frames.withLock { $0.append(frame) } }
            done.withLock { $0 = true }
        }
    }

    /// Connects and starts recording.
    public static func connect(url: String) async throws -> FrameRecorder {
        FrameRecorder(try await ProtocolClient.connect(url: url))
    }

    /// Every frame so far.
    public var all: [ProtocolClient.Received] { frames.value }

    /// True once the connection has ended and every frame is recorded.
    public var ended: Bool { done.value }

    /// The first frame at or after index `from` that `matches`, waiting up to `timeout`
    /// seconds; throws when none comes.
    @discardableResult
    public func wait(from: Int = 0, timeout: Double = 10, for description: String = "a frame",
                     _ matches: (ServerFrame) -> Bool) async throws -> (index: Int, frame: ServerFrame) {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while true {
            let (found, finished): ((Int, ServerFrame)?, Bool) = frames.withLock { frames in
                for index in frames.indices.dropFirst(from) {
                    if let frame = frames[index].frame, matches(frame) { return ((index, frame), false) }
                }
                return (nil, done.value)
            }
            if let found { return found }
            if finished || ContinuousClock.now >= deadline {
                throw ClientError("no \(description) within \(timeout) s\(finished ? " (the connection ended: \(client.endReason ?? "?"))" : ""); frames: \(all.suffix(5).map(\.text))")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Waits for the connection to end.
    public func waitForEnd(timeout: Double = 10) async throws {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while !ended {
            if ContinuousClock.now >= deadline { throw ClientError("the connection did not end within \(timeout) s") }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}

extension ServerFrame {
    /// The ack of command `id`.
    public func isAck(_ id: String) -> Bool { if case .ack(id) = self { true } else { false } }

    /// An error frame (about command `id` when given).
    public func isError(_ code: ErrorCode, id: String? = nil) -> Bool {
        if case .error(let errorID, code, _) = self { id == nil || errorID == id } else { false }
    }

    /// The welcome, with its last sequence number.
    public var welcomeSeq: Int? { if case .welcome(_, _, _, let lastSeq) = self { lastSeq } else { nil } }

    /// An event frame's sequence number.
    public var eventSeq: Int? { if case .event(let seq, _) = self { seq } else { nil } }
}
