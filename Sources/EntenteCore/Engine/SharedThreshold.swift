import Synchronization

/// The best K-th score any worker has found, shared so that every worker can prune with it.
///
/// Scores are stored as order-preserving 64-bit keys so that raising the threshold is a
/// lock-free compare-and-swap.
final class SharedThreshold: Sendable {
    private let key = Atomic<UInt64>(SharedThreshold.key(-.infinity))

    /// Raises the threshold to `score` if that is higher.
    func raise(to score: Double) {
        let new = Self.key(score)
        var current = key.load(ordering: .relaxed)
        while new > current {
            let (exchanged, original) = key.compareExchange(expected: current, desired: new, ordering: .relaxed)
            if exchanged { return }
            current = original
        }
    }

    var value: Double { Self.score(key.load(ordering: .relaxed)) }

    /// Maps doubles to unsigned integers in the same order (negative numbers reversed).
    private static func key(_ score: Double) -> UInt64 {
        let bits = score.bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    private static func score(_ key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }
}
