import EntenteCore
import Testing

/// Power indices against published values and invariants.
@Suite struct PowerIndicesTests {
    func close(_ a: Double, _ b: Double, _ tolerance: Double = 5e-5) -> Bool { abs(a - b) < tolerance }

    @Test func unitedNationsSecurityCouncil() {
        // Five permanent members (veto: weight 7) and ten elected members (weight 1); a
        // resolution needs nine votes including all five permanent: quota 39 of 45.
        let game = WeightedVotingGame(weights: Array(repeating: 7, count: 5) + Array(repeating: 1, count: 10), quota: 39)
        let power = game.indices()
        #expect(close(power[0].shapleyShubik, 0.19627))
        #expect(close(power[5].shapleyShubik, 0.00186))
        #expect(power[0].swings == 848 && power[5].swings == 84)
        #expect(close(power[0].banzhafRaw, 848.0 / 16384))
        #expect(close(power[0].banzhaf, 848.0 / 5080))
        #expect(close(power[5].banzhaf, 84.0 / 5080))
    }

    @Test func councilOfMinisters1958() {
        // France, Germany, Italy 4; Belgium, the Netherlands 2; Luxembourg 1; quota 12.
        let power = WeightedVotingGame(weights: [4, 4, 4, 2, 2, 1], quota: 12).indices()
        #expect(close(power[0].shapleyShubik, 14.0 / 60))
        #expect(close(power[3].shapleyShubik, 9.0 / 60))
        #expect(power[5].shapleyShubik == 0 && power[5].banzhaf == 0)
        #expect(power.map(\.swings) == [10, 10, 10, 6, 6, 0])
        #expect(close(power[0].banzhaf, 10.0 / 42))
        #expect(close(power[0].banzhafRaw, 10.0 / 32))
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func indicesSumToOneAndMatchEnumeration(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let n = Int.random(in: 1...9, using: &random)
        let weights = (0..<n).map { _ in Int.random(in: 0...9, using: &random) }
        let total = weights.reduce(0, +)
        let quota = max(1, Int.random(in: 1...max(1, total), using: &random))
        let power = WeightedVotingGame(weights: weights, quota: quota).indices()
        // Shapley–Shubik by walking every ordering: the player who first reaches the quota.
        var pivotal = [Double](repeating: 0, count: n)
        var orderings = 0.0
        func permute(_ prefix: [Int], _ rest: [Int]) {
            if rest.isEmpty {
                orderings += 1
                var sum = 0
                for player in prefix {
                    sum += weights[player]
                    if sum >= quota { pivotal[player] += 1; break }
                }
                return
            }
            for (index, player) in rest.enumerated() {
                var remaining = rest
                remaining.remove(at: index)
                permute(prefix + [player], remaining)
            }
        }
        permute([], Array(0..<n))
        for player in 0..<n { #expect(close(power[player].shapleyShubik, pivotal[player] / orderings, 1e-9)) }
        if total >= quota {
            #expect(close(power.reduce(0) { $0 + $1.shapleyShubik }, 1, 1e-9))
            if power.contains(where: { $0.swings > 0 }) { #expect(close(power.reduce(0) { $0 + $1.banzhaf }, 1, 1e-9)) }
        }
    }

    @Test func realWeightsAreScaledAndTheQuotaRoundedUp() {
        let game = WeightedVotingGame(weights: [2.5, 1.25, 0.25], share: 0.5)
        #expect(game.weights == [250, 125, 25])
        #expect(game.quota == 200)
    }
}
