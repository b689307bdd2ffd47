import EntenteCore
import Testing

/// Power indices against published values and invariants.
@Suite struct PowerIndicesTests {
    func close(_ a: Double?, _ b: Double, _ tolerance: Double = 5e-5) -> Bool { a.map { abs($0 - b) < tolerance } ?? false }

    @Test func unitedNationsSecurityCouncil() {
        // Five permanent members (veto: weight 7) and ten elected members (weight 1); a
        // resolution needs nine votes including all five permanent: quota 39 of 45.
        let game = WeightedVotingGame(weights: Array(repeating: 7, count: 5) + Array(repeating: 1, count: 10), quota: 39)
        let power = game.indices()!
        #expect(close(power[0].shapleyShubik, 0.19627))
        #expect(close(power[5].shapleyShubik, 0.00186))
        #expect(power[0].swings == 848 && power[5].swings == 84)
        #expect(close(power[0].banzhafRaw, 848.0 / 16384))
        #expect(close(power[0].banzhaf, 848.0 / 5080))
        #expect(close(power[5].banzhaf, 84.0 / 5080))
    }

    @Test func councilOfMinisters1958() {
        // France, Germany, Italy 4; Belgium, the Netherlands 2; Luxembourg 1; quota 12.
        let power = WeightedVotingGame(weights: [4, 4, 4, 2, 2, 1], quota: 12).indices()!
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
        let power = WeightedVotingGame(weights: weights, quota: quota).indices()!
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
            #expect(close(power.reduce(0) { $0 + $1.shapleyShubik! }, 1, 1e-9))
            if power.contains(where: { $0.swings > 0 }) { #expect(close(power.reduce(0) { $0 + $1.banzhaf }, 1, 1e-9)) }
        }
    }

    @Test func realWeightsAreScaledAndTheQuotaRoundedUp() {
        let game = WeightedVotingGame(weights: [2.5, 1.25, 0.25], share: 0.5)
        #expect(game.weights == [250, 125, 25])
        #expect(game.quota == 200)
    }

    @Test(arguments: [UInt64(11), 12, 13, 14, 15, 16])
    func swingsMatchEveryCoalitionListed(seed: UInt64) {
        // Banzhaf by listing all 2^(n−1) coalitions of the others, weights up to 100.
        var random = SplitMix64(seed: seed)
        let n = Int.random(in: 2...12, using: &random)
        let weights = (0..<n).map { _ in Int.random(in: 0...100, using: &random) }
        let total = weights.reduce(0, +)
        let quota = Int.random(in: 1...max(1, total), using: &random)
        let power = WeightedVotingGame(weights: weights, quota: quota).indices()!
        var swings = [Double](repeating: 0, count: n)
        for mask in 0..<(1 << n) {
            let weight = (0..<n).filter { mask & (1 << $0) != 0 }.reduce(0) { $0 + weights[$1] }
            for player in 0..<n where mask & (1 << player) == 0 && weight < quota && weight + weights[player] >= quota {
                swings[player] += 1
            }
        }
        #expect(power.map(\.swings) == swings)
        let all = swings.reduce(0, +)
        for player in 0..<n {
            #expect(close(power[player].banzhaf, all > 0 ? swings[player] / all : 0, 1e-12))
            #expect(close(power[player].banzhafRaw, swings[player] / Double(1 << (n - 1)), 1e-12))
        }
    }

    @Test func countsBeyondADoubleAreExact() {
        // 120 equal players, quota 61: each swings in the C(119, 60) coalitions of exactly 60
        // others = 48307454420181661301946569760686328 (116 bits, computed by Python).
        let power = WeightedVotingGame(weights: Array(repeating: 1, count: 120), quota: 61).indices()!
        #expect(power[0].swingWords.prefix(2) == [1_046_622_086_770_966_776, 2_618_752_351_480_272])
        #expect(power[0].swingWords.dropFirst(2).allSatisfy { $0 == 0 })
        #expect(close(power[0].shapleyShubik, 1.0 / 120, 1e-15))
        #expect(close(power[0].banzhaf, 1.0 / 120, 1e-15))
    }

    @Test(arguments: [UInt64(21), 22, 23])
    func largeGamesSumToOne(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let weights = (0..<150).map { _ in Int.random(in: 1...30, using: &random) }
        let power = WeightedVotingGame(weights: weights.map(Double.init), share: nil).indices()!
        #expect(close(power.reduce(0) { $0 + ($1.shapleyShubik ?? .nan) }, 1, 1e-12))
        #expect(close(power.reduce(0) { $0 + $1.banzhaf }, 1, 1e-12))
        // Heavier never means less power.
        let order = weights.indices.sorted { weights[$0] < weights[$1] }
        for (a, b) in zip(order, order.dropFirst()) { #expect(power[a].banzhaf <= power[b].banzhaf + 1e-15) }
    }

    @Test func withoutAShareRuleTheQuotaIsAStrictMajority() throws {
        // Capabilities 3, 2, 1. Its rule (at least half) lets {US} and {EU, India} both win,
        // as the rule says; without the rule a coalition needs more than half, 4 of 6.
        var scenario = try TestData.load("Data/training/cables-and-chips.yaml")
        #expect(WeightedVotingGame(capabilitiesOf: scenario).quota == 3)
        scenario.rules = []
        let game = WeightedVotingGame(capabilitiesOf: scenario)
        #expect(game.weights == [3, 2, 1] && game.quota == 4)
        #expect(WeightedVotingGame(weights: [1.0, 1.0], share: nil).quota == 2)
        #expect(WeightedVotingGame(weights: [2.0, 1.0], share: nil).quota == 2)
    }

    @Test func hugeWeightsAreAnsweredExactlyOrRefused() {
        // Few players: every coalition is listed, whatever the weights.
        let listed = WeightedVotingGame(weights: [1_000_000_000, 2, 2], quota: 1_000_000_002).indices()!
        #expect(listed.map(\.swings) == [3, 1, 1])
        #expect(close(listed[0].shapleyShubik, 2.0 / 3, 1e-15))
        // A common factor changes nothing: weights ×1000 and the quota with them.
        var random = SplitMix64(seed: 9)
        let weights = (0..<40).map { _ in Int.random(in: 1...20, using: &random) }
        let quota = weights.reduce(0, +) / 2 + 1
        let small = WeightedVotingGame(weights: weights, quota: quota).indices()!
        let scaled = WeightedVotingGame(weights: weights.map { $0 * 1000 }, quota: quota * 1000 - 999).indices()!
        #expect(small.map(\.swingWords) == scaled.map(\.swingWords))
        // Many players and a quota of 10⁹: no table of that size is built.
        #expect(WeightedVotingGame(weights: [1_000_000_000] + Array(repeating: 3, count: 30), quota: 500_000_000).indices() == nil)
    }
}
