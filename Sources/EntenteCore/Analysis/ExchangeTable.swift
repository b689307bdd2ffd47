/// An exchange data set as flat actor × issue arrays, so a round reads positions, saliences
/// and powers by index; sums run over each issue's stances in file order, as Decide's do.
struct ExchangeTable {
    let actorCount: Int
    let issueCount: Int
    let salience: [Double]
    let power: [Double]
    let present: [Bool]
    /// Per issue, the actors with a stance on it in `#D` order.
    let stancesOnIssue: [[Int]]
    /// Per issue, Σ s·c over its stances.
    let denominators: [Double]
    /// Positions (0…100) from the file.
    let initialPositions: [Double]

    init(_ data: ExchangeData) {
        actorCount = data.actors.count
        issueCount = data.issues.count
        var salience = [Double](repeating: 0, count: actorCount * issueCount)
        var power = salience, positions = salience
        var present = [Bool](repeating: false, count: actorCount * issueCount)
        var onIssue = [[Int]](repeating: [], count: issueCount)
        for stance in data.stances {
            let cell = stance.actor * data.issues.count + stance.issue
            salience[cell] = stance.salience
            power[cell] = stance.power
            positions[cell] = stance.position
            present[cell] = true
            onIssue[stance.issue].append(stance.actor)
        }
        self.salience = salience
        self.power = power
        self.present = present
        stancesOnIssue = onIssue
        initialPositions = positions
        denominators = onIssue.enumerated().map { issue, actors in
            actors.reduce(0) { $0 + salience[$1 * data.issues.count + issue] * power[$1 * data.issues.count + issue] }
        }
    }

    func cell(_ actor: Int, _ issue: Int) -> Int { actor * issueCount + issue }

    /// Σ x·s·c / Σ s·c on one issue, 0 when no stance has weight (as in Decide).
    func outcome(_ issue: Int, _ positions: [Double]) -> Double {
        guard denominators[issue] != 0 else { return 0 }
        var numerator = 0.0
        for actor in stancesOnIssue[issue] {
            let cell = cell(actor, issue)
            numerator += positions[cell] * salience[cell] * power[cell]
        }
        return numerator / denominators[issue]
    }

    func outcomes(_ positions: [Double]) -> [Double] { (0..<issueCount).map { outcome($0, positions) } }

    /// An upper bound on the trades a round can weigh: on each pair of issues at most a
    /// quarter of the square of the actors with a stance on both.
    var possibleTradesBound: Double {
        var total = 0.0
        for p in 0..<issueCount {
            for q in (p + 1)..<max(p + 1, issueCount) {
                let both = Double((0..<actorCount).count { present[cell($0, p)] && present[cell($0, q)] })
                total += (both * both / 4).rounded(.down)
            }
        }
        return total
    }

    /// What the other actors gain from a trade that moved the outcomes on two issues: for each
    /// actor outside it, Σ s·(|before − x| − |after − x|), split into gains and losses.
    func thirdParties(of actors: [Int], issues: [Int], before: [Double], after: [Double], positions: [Double]) -> ThirdPartyEffect {
        var gains = 0.0, losses = 0.0
        for issue in issues {
            for actor in stancesOnIssue[issue] where !actors.contains(actor) {
                let cell = cell(actor, issue)
                let effect = salience[cell] * (abs(before[issue] - positions[cell]) - abs(after[issue] - positions[cell]))
                if effect > 0 { gains += effect } else { losses -= effect }
            }
        }
        return ThirdPartyEffect(gains: gains, losses: losses)
    }
}
