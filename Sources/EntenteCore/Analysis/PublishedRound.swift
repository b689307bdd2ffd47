/// The exchange model's round as published (Stokman and Van Oosten 1994), in Entente's
/// reading: after every trade all remaining trades are weighed again against the current
/// outcomes, and an actor moves on an issue at most once a round. docs/model.md, "The
/// published procedure".
extension ExchangeModel {
    static func playPublished(_ table: ExchangeTable, _ start: [Double], _ cancellation: CancellationFlag?) -> Positions<Double>? {
        var positions = start
        var moved = [Bool](repeating: false, count: start.count)
        var outcomes = table.outcomes(positions)
        var trades: [Trade] = []
        while let trade = bestPublishedTrade(table, positions, outcomes, moved) {
            if trades.count % 16 == 0, cancellation?.isCancelled == true { return nil }
            let before = outcomes
            let (a, b) = (trade.actors[0], trade.actors[1]), (p, q) = (trade.issues[0], trade.issues[1])
            positions[table.cell(a, q)] = trade.newPositions[0]
            positions[table.cell(b, p)] = trade.newPositions[1]
            moved[table.cell(a, q)] = true
            moved[table.cell(b, p)] = true
            outcomes[p] = table.outcome(p, positions)
            outcomes[q] = table.outcome(q, positions)
            trades.append(Trade(actors: trade.actors, issues: trade.issues, gain: trade.gain, newPositions: trade.newPositions,
                                thirdParties: table.thirdParties(of: trade.actors, issues: trade.issues, before: before, after: outcomes, positions: start)))
        }
        var next = start
        for cell in moved.indices where moved[cell] {
            next[cell] = carriedOver(start: start[cell], traded: positions[cell], salience: table.salience[cell])
        }
        return Positions(trades: trades, voting: positions, next: next)
    }

    /// The trade with the highest gain (above 10⁻¹⁰) among actors and issues not yet moved
    /// this round; ties go to the lowest actor indices, then issue indices.
    private static func bestPublishedTrade(_ table: ExchangeTable, _ positions: [Double], _ outcomes: [Double], _ moved: [Bool]) -> Trade? {
        var best: Trade?
        for i in 0..<table.actorCount {
            for j in (i + 1)..<max(i + 1, table.actorCount) {
                for p in 0..<table.issueCount {
                    for q in (p + 1)..<max(p + 1, table.issueCount) {
                        guard let trade = publishedTrade(table, i, j, p, q, positions, outcomes, moved), trade.gain > 1e-10 else { continue }
                        if best == nil || trade.gain > best!.gain { best = trade }
                    }
                }
            }
        }
        return best
    }

    /// The equal-gain trade between actors i and j on issues p and q, if there is one: on
    /// opposite sides of both outcomes, salience ratios that differ, neither mover moved yet.
    private static func publishedTrade(_ table: ExchangeTable, _ i: Int, _ j: Int, _ p: Int, _ q: Int,
                                       _ positions: [Double], _ outcomes: [Double], _ moved: [Bool]) -> Trade? {
        let cells = [table.cell(i, p), table.cell(i, q), table.cell(j, p), table.cell(j, q)]
        guard cells.allSatisfy({ table.present[$0] && table.salience[$0] > 0 }) else { return nil }
        let x = { (cell: Int) in positions[cell] }, s = { (cell: Int) in table.salience[cell] }
        guard (x(cells[0]) - outcomes[p]) * (x(cells[2]) - outcomes[p]) < 0,
              (x(cells[1]) - outcomes[q]) * (x(cells[3]) - outcomes[q]) < 0 else { return nil }
        let ratioI = s(cells[0]) / s(cells[1]), ratioJ = s(cells[2]) / s(cells[3])
        guard ratioI != ratioJ else { return nil }
        // a demands p (it cares relatively more about it) and supplies q; b the reverse.
        let (a, b) = ratioI > ratioJ ? (i, j) : (j, i)
        let ap = table.cell(a, p), aq = table.cell(a, q), bp = table.cell(b, p), bq = table.cell(b, q)
        guard !moved[aq], !moved[bp] else { return nil }
        let weightBP = table.power[bp] * s(bp) / table.denominators[p]
        let weightAQ = table.power[aq] * s(aq) / table.denominators[q]
        guard weightBP > 0, weightAQ > 0 else { return nil }
        let capP = min(abs(x(ap) - x(bp)) * weightBP, abs(x(ap) - outcomes[p]))
        let capQ = min(abs(x(bq) - x(aq)) * weightAQ, abs(x(bq) - outcomes[q]))
        let rate = (s(ap) + s(bp)) / (s(aq) + s(bq))
        let dp = min(capP, capQ / rate)
        let dq = dp * rate
        let towardA = x(ap) > x(bp) ? 1.0 : -1.0
        let towardB = x(bq) > x(aq) ? 1.0 : -1.0
        return Trade(actors: [a, b], issues: [p, q], gain: s(ap) * dp - s(aq) * dq,
                     newPositions: [x(aq) + towardB * dq / weightAQ, x(bp) + towardA * dp / weightBP],
                     thirdParties: ThirdPartyEffect(gains: 0, losses: 0))
    }
}
