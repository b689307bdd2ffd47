import Dispatch
import Foundation
import Synchronization

/// Shapley–Shubik and Banzhaf power in a weighted voting game: who is pivotal when a
/// coalition passes once its members' weights reach a quota.
///
/// Computed exactly by dynamic programming over coalition sizes and weights, never by
/// listing coalitions: for a player of weight w, count the coalitions of the others, by
/// size, whose weight is below the quota but reaches it with w. Players of equal weight
/// have equal power, so one count serves them all.
public struct WeightedVotingGame: Sendable, Equatable {
    /// Whole-number weights, one per player.
    public let weights: [Int]
    /// The weight a coalition needs to win.
    public let quota: Int

    public init(weights: [Int], quota: Int) {
        self.weights = weights
        self.quota = quota
    }

    /// A game from real weights (such as capabilities) and a share of their total that
    /// wins. Weights are scaled by the smallest power of ten (at most 10⁴) that makes them
    /// whole, rounding beyond that; the quota is the smallest whole weight at or above the
    /// share of the scaled total.
    public init(weights real: [Double], share: Double) {
        var scale = 1.0
        while scale < 10_000 && !real.allSatisfy({ abs(($0 * scale).rounded() - $0 * scale) < 1e-9 }) { scale *= 10 }
        let scaled = real.map { Int(($0 * scale).rounded()) }
        let total = scaled.reduce(0, +)
        weights = scaled
        quota = max(1, Int((share * Double(total) - 1e-9).rounded(.up)))
    }

    /// The scenario's actors as players weighted by capability, with its capability-share
    /// threshold (the highest, if several; a majority when it has none) as the quota.
    public init(capabilitiesOf scenario: Scenario) {
        let share = scenario.rules.compactMap { rule -> Double? in
            if case .capabilityShare(let share) = rule.kind { return share }
            return nil
        }.max() ?? 0.5
        self.init(weights: scenario.actors.map(\.capability), share: share)
    }

    /// Power of every player, in player order.
    public func indices() -> [PowerIndex] {
        let n = weights.count
        guard n > 0 else { return [] }
        // One count per distinct weight, spread over the cores.
        let distinct = Array(Set(weights)).sorted()
        let results = Mutex([(shapley: Double, swings: Double)](repeating: (0, 0), count: distinct.count))
        DispatchQueue.concurrentPerform(iterations: distinct.count) { index in
            var others = weights
            others.remove(at: weights.firstIndex(of: distinct[index])!)
            let result = pivots(of: distinct[index], among: others)
            results.withLock { $0[index] = result }
        }
        let byWeight = Dictionary(uniqueKeysWithValues: zip(distinct, results.withLock { $0 }))
        let totalSwings = weights.reduce(0.0) { $0 + byWeight[$1]!.swings }
        let coalitions = pow2(n - 1)
        return weights.map { weight in
            let entry = byWeight[weight]!
            return PowerIndex(
                weight: weight, shapleyShubik: entry.shapley,
                banzhaf: totalSwings > 0 ? entry.swings / totalSwings : 0,
                banzhafRaw: entry.swings / coalitions, swings: entry.swings)
        }
    }

    /// The Shapley–Shubik index and the swing count of a player of weight `weight`.
    private func pivots(of weight: Int, among others: [Int]) -> (shapley: Double, swings: Double) {
        let n = others.count + 1
        guard weight > 0, quota > 0 else { return (0, 0) }
        // counts[k * limit + w]: coalitions of k other players with total weight w < quota.
        let limit = quota
        var counts = [Double](repeating: 0, count: n * limit)
        counts.withUnsafeMutableBufferPointer { table in
            table[0] = 1
            var players = 0
            for w in others {
                players += 1
                // A player who reaches the quota alone is in no coalition below it.
                guard w < limit else { continue }
                // Sizes from the top down, so row k − 1 still holds the counts without this
                // player; within a row the order is free, and ascending vectorises.
                for k in stride(from: min(players, n - 1), through: 1, by: -1) {
                    let from = table.baseAddress! + (k - 1) * limit
                    let to = table.baseAddress! + k * limit
                    for total in w..<limit { to[total] += from[total - w] }
                }
            }
        }
        // Coalition weights w with quota − weight ≤ w < quota become winning with this player.
        let low = max(0, quota - weight)
        var shapley = 0.0
        var swings = 0.0
        for k in 0..<n {
            var coalitions = 0.0
            for total in low..<limit { coalitions += counts[k * limit + total] }
            swings += coalitions
            shapley += coalitions * orderWeight(size: k, players: n)
        }
        return (shapley, swings)
    }

    /// k! (n − k − 1)! / n!: the share of orderings in which a given k players come first,
    /// then this player.
    private func orderWeight(size k: Int, players n: Int) -> Double {
        // 1 / (n · C(n − 1, k)), computed in logs to stay finite for hundreds of players.
        exp(-(log(Double(n)) + logChoose(n - 1, k)))
    }

    private func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }

    private func pow2(_ exponent: Int) -> Double { Double(sign: .plus, exponent: exponent, significand: 1) }
}

/// One player's power in a weighted voting game.
public struct PowerIndex: Sendable, Equatable {
    public let weight: Int
    /// Share of orderings in which the player is pivotal; sums to one over the players.
    public let shapleyShubik: Double
    /// Swings as a share of all players' swings; sums to one.
    public let banzhaf: Double
    /// Swings / 2^(n−1): the chance of being decisive when the others vote at random.
    public let banzhafRaw: Double
    /// Coalitions of the others that this player turns from losing to winning.
    public let swings: Double
}
