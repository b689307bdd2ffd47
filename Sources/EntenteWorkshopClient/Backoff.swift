/// How long a client waits before each attempt to reconnect: doubling from `first` up to
/// `longest`, each wait spread by up to a quarter either way so that a room of clients
/// dropped together by a server restart does not knock again in step. A connection that
/// reached the table (`reset`) starts again from `first`.
///
///     var backoff = Backoff(first: .milliseconds(200), longest: .seconds(5))
///     backoff.next(spread: 0.5)   // 200 ms (spread 0.5 is the middle: no change)
///     backoff.next(spread: 0.5)   // 400 ms
public struct Backoff: Sendable, Equatable {
    public let first: Duration
    public let longest: Duration
    /// Attempts since the last connection that reached the table.
    public private(set) var attempts = 0

    public init(first: Duration = .milliseconds(200), longest: Duration = .seconds(5)) {
        self.first = first
        self.longest = max(first, longest)
    }

    /// The wait before the next attempt; `spread` in 0…1 moves it from 0.75 to 1.25 times
    /// the doubled wait (0.5: exactly the doubled wait), never past `longest`.
    public mutating func next(spread: Double) -> Duration {
        let doublings = min(attempts, 30)
        attempts += 1
        var wait = first
        for _ in 0..<doublings where wait < longest { wait = min(longest, wait * 2) }
        let factor = 0.75 + 0.5 * min(1, max(0, spread))
        return min(longest, wait * factor)
    }

    /// The connection reached the table: the next drop waits `first` again.
    public mutating func reset() { attempts = 0 }
}
