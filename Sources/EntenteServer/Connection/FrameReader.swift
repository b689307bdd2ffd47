import Foundation
import HummingbirdWebSocket
import NIOCore

/// The limits every connection's inbound frames are held to.
public struct FrameLimits: Sendable, Equatable {
    /// The largest frame read (bytes of JSON); a larger one gets an error frame.
    public var maxFrameBytes = 64 * 1024
    /// Beyond this the WebSocket layer closes the connection itself (code 1009) rather than
    /// read the message into memory: the 64 KiB rule answers with an error frame up to here.
    public var maxMessageBytes = 1 << 20
    /// The largest fragment the server writes; longer messages go in several.
    public var outboundFragmentBytes = 1 << 14
    /// Frames a connection may send at once, and frames a second after that.
    public var burst = 40.0
    public var perSecond = 20.0
    /// Frames refused in a row for flooding after which the connection is closed.
    public var floodLimit = 500

    public init() {}
}

/// Why an inbound frame never reached the table.
public enum FrameProblem: Error, Equatable, Sendable {
    case tooLarge(bytes: Int, limit: Int)
    /// The frame is not JSON, or not a `Frame`: where (the keys leading to the problem) and what.
    case malformed(path: [String], reason: String)
    case flooded

    /// What the client is told.
    public var message: String {
        switch self {
        case .tooLarge(let bytes, let limit): "a frame of \(bytes) bytes is over the limit of \(limit)"
        case .malformed(let path, let reason): (path.isEmpty ? "the frame" : path.joined(separator: ".")) + ": " + reason
        case .flooded: "too many frames; slow down"
        }
    }
}

/// An inbound frame refused: why, and the id the client gave it when one could be read, so
/// that the error frame names the command it answers and the client can stop waiting for it.
public struct RefusedFrame: Error, Equatable, Sendable {
    public let problem: FrameProblem
    /// The string `id` inside the frame's one case (`{"command":{"id":"k3f-7",…}}`), when the
    /// frame is JSON of that shape, however wrong the rest of it is.
    public let id: String?

    public init(_ problem: FrameProblem, id: String? = nil) {
        self.problem = problem
        self.id = id
    }
}

/// An enum case's object, read for its `id` alone.
private struct IdentifiedCase: Decodable {
    let id: String?
}

/// Turns a connection's inbound WebSocket messages into `Frame`s: refuses floods first (the
/// token bucket), then oversized frames, then anything that does not decode.
public struct FrameReader<Frame: Decodable>: Sendable {
    public let limits: FrameLimits
    private var bucket: TokenBucket
    /// Frames refused for flooding since the last one accepted.
    public private(set) var floodRun = 0

    public init(limits: FrameLimits, now: Double) {
        self.limits = limits
        bucket = TokenBucket(capacity: limits.burst, rate: limits.perSecond, now: now)
    }

    /// True when the connection has flooded long enough to be closed.
    public var floodedOut: Bool { floodRun >= limits.floodLimit }

    /// Reads one message received at `now` (seconds on a monotonic clock). A refused frame
    /// keeps its command's id whenever it can be read; an oversized one is refused unread.
    public mutating func read(_ message: WebSocketMessage, now: Double) -> Result<Frame, RefusedFrame> {
        let bytes: Data
        switch message {
        case .text(let text): bytes = Data(text.utf8)
        case .binary(let buffer): bytes = Data(buffer.readableBytesView)
        }
        let withinSize = bytes.count <= limits.maxFrameBytes
        guard bucket.take(now: now) else {
            floodRun += 1
            return .failure(RefusedFrame(.flooded, id: withinSize ? Self.id(in: bytes) : nil))
        }
        floodRun = 0
        guard withinSize else {
            return .failure(RefusedFrame(.tooLarge(bytes: bytes.count, limit: limits.maxFrameBytes)))
        }
        do {
            return .success(try JSONDecoder().decode(Frame.self, from: bytes))
        } catch let error as DecodingError {
            return .failure(RefusedFrame(Self.problem(error, in: bytes), id: Self.id(in: bytes)))
        } catch {
            return .failure(RefusedFrame(.malformed(path: [], reason: "not JSON")))
        }
    }

    /// The id a frame gives its command: the string `id` in the object that the frame's one
    /// key holds, the shape of every enum case with an `id` (nil for any other JSON).
    static func id(in bytes: Data) -> String? {
        guard let cases = try? JSONDecoder().decode([String: IdentifiedCase].self, from: bytes), cases.count == 1 else { return nil }
        return cases.first?.value.id
    }

    /// A decoding error as the keys leading to it and a sentence. An enum's unknown case
    /// reads as the decoder reports it ("Invalid number of keys"), so the keys actually
    /// found there are named instead.
    static func problem(_ error: DecodingError, in bytes: Data) -> FrameProblem {
        func path(_ context: DecodingError.Context) -> [String] {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
        }
        switch error {
        case .dataCorrupted(let context):
            return .malformed(path: path(context), reason: context.codingPath.isEmpty ? "not JSON" : context.debugDescription)
        case .keyNotFound(let key, let context):
            return .malformed(path: path(context), reason: "missing '\(key.stringValue)'")
        case .typeMismatch(_, let context):
            if let keys = keys(at: context.codingPath, in: bytes) {
                return .malformed(path: path(context), reason: keys.isEmpty ? "nothing named" : "unknown kind '\(keys.joined(separator: "', '"))'")
            }
            return .malformed(path: path(context), reason: context.debugDescription)
        case .valueNotFound(_, let context):
            return .malformed(path: path(context), reason: context.debugDescription)
        @unknown default:
            return .malformed(path: [], reason: "not a frame")
        }
    }

    /// The keys of the JSON object at `codingPath`, or nil when there is no object there.
    private static func keys(at codingPath: [any CodingKey], in bytes: Data) -> [String]? {
        var value = try? JSONSerialization.jsonObject(with: bytes)
        for key in codingPath {
            if let index = key.intValue { value = (value as? [Any]).flatMap { $0.indices.contains(index) ? $0[index] : nil } }
            else { value = (value as? [String: Any])?[key.stringValue] }
        }
        return (value as? [String: Any]).map { $0.keys.sorted() }
    }
}
