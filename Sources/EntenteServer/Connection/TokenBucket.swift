/// A connection's allowance of frames: `capacity` at once, refilled at `rate` a second.
///
/// A client sends a frame when it acts (a proposal, a response, a message) and a ping now
/// and then, a few a second at most; a connection far beyond that is flooding the table,
/// and its extra frames are refused before they are decoded.
public struct TokenBucket: Sendable, Equatable {
    public let capacity: Double
    public let rate: Double
    private var tokens: Double
    private var last: Double

    /// A full bucket at time `now` (seconds on any monotonic clock).
    public init(capacity: Double, rate: Double, now: Double) {
        self.capacity = capacity
        self.rate = rate
        tokens = capacity
        last = now
    }

    /// Takes one token at time `now`; false (taking nothing) when the bucket is empty.
    public mutating func take(now: Double) -> Bool {
        tokens = min(capacity, tokens + max(0, now - last) * rate)
        last = max(last, now)
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
