/// The exchange model of Stokman and Van Oosten: actors trade voting positions across
/// issues, each conceding on the issue it cares about less, with equal expected gains.
///
/// On every issue the outcome is the power- and salience-weighted mean of the positions
/// (not a Nash bargaining solution, whatever other tools call it). Two actors on opposite
/// sides of the outcome on two issues, whose saliences for them differ in ratio, can trade:
/// each moves toward the other on the issue it cares less about. Within a round trades are
/// made best first until none is left; between rounds actors keep part of their new
/// positions. Formulas, and how ties are broken: docs/model.md, "The exchange model".
public struct ExchangeModel: Sendable {
    public let data: ExchangeData

    public init(_ data: ExchangeData) { self.data = data }

    /// Runs `rounds` rounds (stopping early when a round makes no trade).
    public func run(rounds: Int) -> ExchangeResult {
        var positions = Positions(data)
        let initial = positions.outcomes()
        var history: [ExchangeRound] = []
        for round in 1...max(1, rounds) {
            let start = positions
            var moved = Set<Key>()
            var trades: [Trade] = []
            while let trade = bestTrade(positions, excluding: moved) {
                let before = positions.outcomes()
                positions.values[Key(trade.suppliers[0], trade.issues[1])] = trade.newPositions[0]
                positions.values[Key(trade.suppliers[1], trade.issues[0])] = trade.newPositions[1]
                moved.insert(Key(trade.suppliers[0], trade.issues[1]))
                moved.insert(Key(trade.suppliers[1], trade.issues[0]))
                trades.append(trade.with(thirdParties: thirdPartyEffects(of: trade, before: before, after: positions.outcomes())))
            }
            history.append(ExchangeRound(round: round, outcomes: positions.outcomes(), trades: trades))
            if trades.isEmpty { break }
            positions = start.carryingOver(positions, moved: moved, data: data)
        }
        return ExchangeResult(initial: initial, final: history.last?.outcomes ?? initial, rounds: history)
    }

    /// The trade with the highest gain among actors and issues not yet moved this round;
    /// ties go to the lowest actor indices, then issue indices.
    private func bestTrade(_ positions: Positions, excluding moved: Set<Key>) -> Trade? {
        let outcomes = positions.outcomes()
        var best: Trade?
        for i in data.actors.indices {
            for j in data.actors.indices where j > i {
                for p in data.issues.indices {
                    for q in data.issues.indices where q > p {
                        guard let trade = trade(i, j, p, q, positions, outcomes, moved), trade.gain > 1e-10 else { continue }
                        if best == nil || trade.gain > best!.gain { best = trade }
                    }
                }
            }
        }
        return best
    }

    /// The equal-gain trade between actors i and j on issues p and q, if there is one.
    private func trade(_ i: Int, _ j: Int, _ p: Int, _ q: Int, _ positions: Positions, _ outcomes: [Double], _ moved: Set<Key>) -> Trade? {
        guard let ip = positions.stance(i, p), let iq = positions.stance(i, q),
              let jp = positions.stance(j, p), let jq = positions.stance(j, q),
              ip.salience > 0, iq.salience > 0, jp.salience > 0, jq.salience > 0
        else { return nil }
        // Opposite sides of the outcome on both issues.
        guard (ip.position - outcomes[p]) * (jp.position - outcomes[p]) < 0,
              (iq.position - outcomes[q]) * (jq.position - outcomes[q]) < 0 else { return nil }
        // The demander of p cares relatively more about p; it supplies q, the other supplies p.
        let ratioI = ip.salience / iq.salience, ratioJ = jp.salience / jq.salience
        guard ratioI != ratioJ else { return nil }
        let (a, b) = ratioI > ratioJ ? (i, j) : (j, i)
        let ap = positions.stance(a, p)!, aq = positions.stance(a, q)!, bp = positions.stance(b, p)!, bq = positions.stance(b, q)!
        guard !moved.contains(Key(a, q)), !moved.contains(Key(b, p)) else { return nil }
        // b moves on p toward a, a moves on q toward b. An actor's weight in an outcome is
        // c·s over the issue's Σ c·s; each outcome may move until the mover reaches the
        // other's position or the outcome reaches the demander's.
        let weightBP = bp.power * bp.salience / positions.denominators[p]
        let weightAQ = aq.power * aq.salience / positions.denominators[q]
        guard weightBP > 0, weightAQ > 0 else { return nil }
        let capP = min(abs(ap.position - bp.position) * weightBP, abs(ap.position - outcomes[p]))
        let capQ = min(abs(bq.position - aq.position) * weightAQ, abs(bq.position - outcomes[q]))
        // Equal gains: s_ap·dp − s_aq·dq = s_bq·dq − s_bp·dp, so dq = dp·(s_ap + s_bp)/(s_aq + s_bq).
        let rate = (ap.salience + bp.salience) / (aq.salience + bq.salience)
        let dp = min(capP, capQ / rate)
        let dq = dp * rate
        let gain = ap.salience * dp - aq.salience * dq
        let towardA = ap.position > bp.position ? 1.0 : -1.0
        let towardB = bq.position > aq.position ? 1.0 : -1.0
        return Trade(
            actors: [a, b], issues: [p, q], suppliers: [a, b], gain: gain,
            newPositions: [aq.position + towardB * dq / weightAQ, bp.position + towardA * dp / weightBP],
            thirdParties: ThirdPartyEffect(gains: 0, losses: 0))
    }

    /// For every actor outside the trade, Σ s·(|old outcome − x| − |new outcome − x|) over
    /// the two issues: positive for those the trade brings closer to their positions.
    private func thirdPartyEffects(of trade: Trade, before: [Double], after: [Double]) -> ThirdPartyEffect {
        var gains = 0.0, losses = 0.0
        for stance in data.stances where !trade.actors.contains(stance.actor) && trade.issues.contains(stance.issue) {
            let effect = stance.salience * (abs(before[stance.issue] - stance.position) - abs(after[stance.issue] - stance.position))
            if effect > 0 { gains += effect } else { losses -= effect }
        }
        return ThirdPartyEffect(gains: gains, losses: losses)
    }

    struct Key: Hashable {
        let actor: Int
        let issue: Int
        init(_ actor: Int, _ issue: Int) {
            self.actor = actor
            self.issue = issue
        }
    }

    /// Current positions on 0…100, with saliences and powers fixed.
    struct Positions {
        var values: [Key: Double]
        let stances: [Key: ExchangeData.Stance]
        let denominators: [Double]
        let issueCount: Int

        init(_ data: ExchangeData) {
            stances = Dictionary(uniqueKeysWithValues: data.stances.map { (Key($0.actor, $0.issue), $0) })
            values = stances.mapValues(\.position)
            issueCount = data.issues.count
            denominators = data.issues.indices.map { issue in
                data.stances.filter { $0.issue == issue }.reduce(0) { $0 + $1.power * $1.salience }
            }
        }

        func stance(_ actor: Int, _ issue: Int) -> (position: Double, salience: Double, power: Double)? {
            guard let stance = stances[Key(actor, issue)] else { return nil }
            return (values[Key(actor, issue)]!, stance.salience, stance.power)
        }

        /// Σ c·s·x / Σ c·s on every issue, actors in order so sums are reproducible.
        func outcomes() -> [Double] {
            var numerators = [Double](repeating: 0, count: issueCount)
            for key in stances.keys.sorted(by: { ($0.issue, $0.actor) < ($1.issue, $1.actor) }) {
                let stance = stances[key]!
                numerators[key.issue] += stance.power * stance.salience * values[key]!
            }
            return (0..<issueCount).map { denominators[$0] > 0 ? numerators[$0] / denominators[$0] : 50 }
        }

        /// The positions the next round starts from: an actor keeps a share
        /// w = 0.4·(1 − s) + 0.1 of the position it traded to, the rest of where it started.
        func carryingOver(_ traded: Positions, moved: Set<Key>, data: ExchangeData) -> Positions {
            var next = self
            for key in moved {
                let share = 0.4 * (1 - stances[key]!.salience) + 0.1
                next.values[key] = share * traded.values[key]! + (1 - share) * values[key]!
            }
            return next
        }
    }
}

/// A realised trade: `actors[0]` gets movement on `issues[0]` (and moves on `issues[1]`),
/// `actors[1]` the other way round.
public struct Trade: Sendable, Equatable {
    public let actors: [Int]
    public let issues: [Int]
    let suppliers: [Int]
    /// Each side's expected gain (they are equal).
    public let gain: Double
    /// actors[0]'s new position on issues[1], actors[1]'s on issues[0] (0…100).
    public let newPositions: [Double]
    public let thirdParties: ThirdPartyEffect

    func with(thirdParties: ThirdPartyEffect) -> Trade {
        Trade(actors: actors, issues: issues, suppliers: suppliers, gain: gain, newPositions: newPositions, thirdParties: thirdParties)
    }
}

/// What a trade does to everyone else, summed.
public struct ThirdPartyEffect: Sendable, Equatable {
    public let gains: Double
    public let losses: Double
}

/// One round: the outcomes after its trades (0…100) and the trades in the order made.
public struct ExchangeRound: Sendable, Equatable {
    public let round: Int
    public let outcomes: [Double]
    public let trades: [Trade]
}

/// The outcome of an exchange-model run, outcomes on 0…100.
public struct ExchangeResult: Sendable, Equatable {
    public let initial: [Double]
    public let final: [Double]
    public let rounds: [ExchangeRound]
}
