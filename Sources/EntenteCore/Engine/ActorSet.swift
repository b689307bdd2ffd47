/// A set of actors as a bit set, one bit per actor index, any number of actors.
///
/// Coalitions, groupings, red-line holders and rule requirements are all actor sets, so
/// comparing them is a few word operations.
public struct ActorSet: Sendable, Hashable {
    public private(set) var words: [UInt64]

    /// An empty set with room for `capacity` actors.
    public init(capacity: Int) { words = Array(repeating: 0, count: Self.wordCount(capacity)) }

    public init(capacity: Int, members: some Sequence<Int>) {
        self.init(capacity: capacity)
        for member in members { insert(member) }
    }

    init(words: [UInt64]) { self.words = words }

    static func wordCount(_ actors: Int) -> Int { max(1, (actors + 63) / 64) }

    public mutating func insert(_ actor: Int) { words[actor >> 6] |= 1 << UInt64(actor & 63) }

    public mutating func remove(_ actor: Int) { words[actor >> 6] &= ~(1 << UInt64(actor & 63)) }

    public func contains(_ actor: Int) -> Bool { words[actor >> 6] & (1 << UInt64(actor & 63)) != 0 }

    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// Member indices in increasing order.
    public var members: [Int] {
        var result: [Int] = []
        for (index, word) in words.enumerated() {
            var bits = word
            while bits != 0 {
                result.append(index * 64 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return result
    }

    public func intersectionCount(_ other: ActorSet) -> Int {
        zip(words, other.words).reduce(0) { $0 + ($1.0 & $1.1).nonzeroBitCount }
    }

    public func isSubset(of other: ActorSet) -> Bool {
        zip(words, other.words).allSatisfy { $0 & ~$1 == 0 }
    }

    public func isDisjoint(with other: ActorSet) -> Bool {
        zip(words, other.words).allSatisfy { $0 & $1 == 0 }
    }

    public func union(_ other: ActorSet) -> ActorSet {
        ActorSet(words: zip(words, other.words).map { $0 | $1 })
    }
}
