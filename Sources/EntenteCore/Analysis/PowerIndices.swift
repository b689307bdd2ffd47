import Dispatch
import Foundation
import Synchronization

/// Shapley–Shubik and Banzhaf power in a weighted voting game: who is pivotal when a
/// coalition passes once its members' weights reach a quota.
///
/// Computed exactly, never by listing coalitions: the coalitions below the quota are
/// counted once, by weight (and by size for Shapley–Shubik), in multiword integers; each
/// player's own factor is then divided out of that count to give the coalitions of the
/// others (`CoalitionCounts`). Players of equal weight have equal power, so one division
/// serves them all.
public struct WeightedVotingGame: Sendable, Equatable {
    /// Whole-number weights, one per player.
    public let weights: [Int]
    /// The weight a coalition needs to win.
    public let quota: Int
    /// The largest count table computed, in 64-bit words (256 MB): a game whose
    /// Shapley–Shubik table is larger gets Banzhaf indices only, and one whose Banzhaf table
    /// is larger too gets none (unless it has few enough players to list every coalition).
    public static let tableWords = 1 << 25
    /// Games of up to this many players are answered by listing every coalition, whatever
    /// their weights (2^20 coalitions).
    public static let listedPlayers = 20

    public init(weights: [Int], quota: Int) {
        self.weights = weights
        self.quota = quota
    }

    /// A game from real weights (such as capabilities). Weights are scaled by the smallest
    /// power of ten (at most 10⁴) that makes them whole, rounding beyond that. With a
    /// `share`, a coalition wins when it holds at least that share of the scaled total (the
    /// quota is the smallest whole weight at or above it); without one, when it holds a
    /// strict majority, more than half (so two complementary coalitions never both win).
    public init(weights real: [Double], share: Double?) {
        var scale = 1.0
        while scale < 10_000 && !real.allSatisfy({ abs(($0 * scale).rounded() - $0 * scale) < 1e-9 }) { scale *= 10 }
        let scaled = real.map { Int(($0 * scale).rounded()) }
        let total = scaled.reduce(0, +)
        weights = scaled
        quota = share.map { max(1, Int(($0 * Double(total) - 1e-9).rounded(.up))) } ?? total / 2 + 1
    }

    /// A game from real weights and a quota on their scale: both scaled as above, the quota
    /// rounded up (a coalition wins when its weight reaches it).
    public init(weights real: [Double], quota: Double) {
        let total = real.reduce(0, +)
        self.init(weights: real, share: total > 0 ? quota / total : 1)
    }

    /// The scenario's actors as players weighted by capability, with its capability-share
    /// threshold (the highest, if several) as the quota, or a strict majority when it has none.
    public init(capabilitiesOf scenario: Scenario) {
        let share = scenario.rules.compactMap { rule -> Double? in
            if case .capabilityShare(let share) = rule.kind { return share }
            return nil
        }.max()
        self.init(weights: scenario.actors.map(\.capability), share: share)
    }

    /// Power of every player, in player order; nil when the game is too large for exact
    /// counts (see `tableWords`).
    public func indices() -> [PowerIndex]? {
        let n = weights.count
        guard n > 0 else { return [] }
        if n <= Self.listedPlayers { return listed() }
        // Weights with a common factor g win exactly when their sums over g reach ⌈quota / g⌉.
        let g = weights.reduce(0) { Self.gcd($0, $1) }
        let counts = g > 1 ? CoalitionCounts(weights: weights.map { $0 / g }, quota: (quota + g - 1) / g)
            : CoalitionCounts(weights: weights, quota: quota)
        guard counts.quota * counts.limbs <= Self.tableWords else { return nil }
        let byWeight = counts.byWeight()
        let table = CoalitionTable.words(counts) <= Self.tableWords ? CoalitionTable(counts) : nil
        let distinct = Array(Set(counts.weights)).sorted()
        let results = Mutex([(swings: [UInt64], shapley: Double?)](repeating: ([], nil), count: distinct.count))
        DispatchQueue.concurrentPerform(iterations: distinct.count) { index in
            let weight = distinct[index]
            let swings = counts.swings(byWeight: byWeight, of: weight)
            let shapley = table.map { table in
                // N[k] · k! (n − k − 1)! / n! = N[k] / (n · C(n − 1, k)), in binary logarithms.
                table.swingsBySize(of: weight).enumerated().reduce(0.0) { sum, entry in
                    let (k, count) = entry
                    let log2Count = Multiword.log2(count)
                    return log2Count == -.infinity ? sum : sum + exp2(log2Count - Foundation.log2(Double(n)) - Self.log2Choose(n - 1, k))
                }
            }
            results.withLock { $0[index] = (swings, shapley) }
        }
        let byDistinct = Dictionary(uniqueKeysWithValues: zip(distinct, results.withLock { $0 }))
        return zip(weights, counts.weights).map { weight, reduced in
            (weight, byDistinct[reduced]!.swings, byDistinct[reduced]!.shapley)
        }.finished(players: n)
    }

    /// Every coalition listed: for games with few players, whatever their weights.
    private func listed() -> [PowerIndex] {
        let n = weights.count
        var swings = [UInt64](repeating: 0, count: n)
        var shapley = [Double](repeating: 0, count: n)
        // k! (n − k − 1)! / n! for a coalition of k others.
        let orderWeight = (0..<n).map { k in exp2(-Foundation.log2(Double(n)) - Self.log2Choose(n - 1, k)) }
        for mask in 0..<(1 << n) {
            var weight = 0, size = 0
            for player in 0..<n where mask & (1 << player) != 0 {
                weight += weights[player]
                size += 1
            }
            guard weight < quota else { continue }
            for player in 0..<n where mask & (1 << player) == 0 && weights[player] > 0 && weight + weights[player] >= quota {
                swings[player] += 1
                shapley[player] += orderWeight[size]
            }
        }
        return weights.indices.map { (weights[$0], [swings[$0]], Optional(shapley[$0])) }.finished(players: n)
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    /// log₂ C(n, k).
    private static func log2Choose(_ n: Int, _ k: Int) -> Double {
        (lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))) / M_LN2
    }
}

extension Array where Element == (weight: Int, swings: [UInt64], shapley: Double?) {
    /// The indices from each player's exact swings: Banzhaf as shares of all swings and of
    /// the 2^(n−1) coalitions of the others.
    func finished(players n: Int) -> [PowerIndex] {
        let allSwings = Multiword.sum(map(\.swings), limbs: (map(\.swings.count).max() ?? 0) + 1)
        var coalitions = [UInt64](repeating: 0, count: (n - 1) / 64 + 1)
        coalitions[(n - 1) / 64] = 1 << UInt64((n - 1) % 64)
        return map { entry in
            PowerIndex(
                weight: entry.weight, shapleyShubik: entry.shapley,
                banzhaf: allSwings.allSatisfy { $0 == 0 } ? 0 : Multiword.ratio(entry.swings, allSwings),
                banzhafRaw: Multiword.ratio(entry.swings, coalitions), swings: entry.swings)
        }
    }
}

/// One player's power in a weighted voting game.
public struct PowerIndex: Sendable, Equatable {
    public let weight: Int
    /// Share of orderings in which the player is pivotal; sums to one over the players. Nil
    /// when the game is too large for an exact count (`WeightedVotingGame.tableWords`).
    public let shapleyShubik: Double?
    /// Swings as a share of all players' swings; sums to one.
    public let banzhaf: Double
    /// Swings / 2^(n−1): the chance of being decisive when the others vote at random.
    public let banzhafRaw: Double
    /// Coalitions of the others that this player turns from losing to winning, exactly, as
    /// 64-bit words, least significant first.
    public let swingWords: [UInt64]

    init(weight: Int, shapleyShubik: Double?, banzhaf: Double, banzhafRaw: Double, swings: [UInt64]) {
        self.weight = weight
        self.shapleyShubik = shapleyShubik
        self.banzhaf = banzhaf
        self.banzhafRaw = banzhafRaw
        swingWords = swings
    }

    /// The swings as a double (exact up to 2^53).
    public var swings: Double {
        let (mantissa, exponent) = Multiword.split(swingWords)
        return mantissa * pow(2, Double(exponent))
    }
}
