/// One round of the exchange model as the Decide tool plays it (decide-exchange-model
/// 2025.3.1), step for step and in Decide's decimal arithmetic, so Entente's outcomes are
/// Decide's: docs/model.md, "Decide's procedure". Positions are 0…100, the round's starting
/// ones in `positions`.
struct DecideRound {
    typealias Number = Decimal28
    /// One side of a possible trade: the actor, the issue it moves on (supply) and the one it
    /// wants moved (demand), with Decide's bookkeeping of its moves.
    struct Side {
        let actor: Int
        let supply: Int
        let demand: Int
        /// Where it stands on its supply issue now (moved by earlier trades of the round).
        var supplyPosition: Number
        /// Its position on its demand issue at the start of the round.
        let demandPosition: Number
        let start: Number
        var move = Number.zero
        var y = Number.zero
        /// Decide keeps a list of moves; only its sum, extremes and last entry matter.
        var earlierSum = Number.zero
        var earlierMin: Number?
        var earlierMax: Number?

        /// A later move is kept beside the earlier ones (Decide appends without popping).
        mutating func keepMove() {
            earlierSum = earlierSum + move
            earlierMin = min(earlierMin ?? move, move)
            earlierMax = max(earlierMax ?? move, move)
        }

        /// Decide's `is_move_valid`: a move of more than 10⁻¹⁰ and at most 100 that keeps the
        /// position on 0…100, moves summing to at most 100, all in one direction.
        var moveIsValid: Bool {
            guard !(move.magnitude > hundred), move.magnitude > tiny else { return false }
            let target = supplyPosition + move
            guard !(target < .zero), !(target > hundred) else { return false }
            guard !(earlierSum + move > hundred) else { return false }
            let low = min(earlierMin ?? move, move), high = max(earlierMax ?? move, move)
            return (low < .zero && high < .zero) || (low > .zero && high > .zero)
        }
    }

    /// 100, and the double 1e-10 as Decide compares with it (cut to 28 digits).
    static let hundred = Number(100)
    static let tiny = Number(parsing: "1.000000000000000036432197315e-10")!

    /// A possible trade: `i` demands issue p and supplies q, `j` the reverse.
    struct Candidate {
        var i: Side
        var j: Side
        var gain = Number.zero
        var valid = false
        /// Positions other actors took in trades Decide told this one about, per issue.
        var updates: [(issue: Int, actor: Int, position: Number)] = []
    }

    let table: ExchangeTable
    let numbers: DecideNumbers
    let positions: [Number]
    /// Per cell x·s·c at the round's start, its place in its issue's stances, and per issue the
    /// running sums of those terms in file order (sums that Decide starts every outcome with).
    private let terms: [Number]
    private let place: [Int]
    private let partialSums: [[Number]]
    /// Doubles beside the decimals, to settle most of `check_nbs`'s comparisons cheaply.
    private let roughPositions: [Double]
    private let roughNumerators: [Double]
    private(set) var candidates: [Candidate] = []

    init(table: ExchangeTable, numbers: DecideNumbers, positions: [Number]) {
        self.table = table
        self.numbers = numbers
        self.positions = positions
        var terms = [Number](repeating: .zero, count: positions.count)
        var place = [Int](repeating: 0, count: positions.count)
        var partialSums: [[Number]] = []
        for (issue, actors) in table.stancesOnIssue.enumerated() {
            var sums = [Number.zero]
            for (index, actor) in actors.enumerated() {
                let cell = table.cell(actor, issue)
                terms[cell] = positions[cell] * numbers.salience[cell] * numbers.power[cell]
                place[cell] = index
                sums.append(sums[index] + terms[cell])
            }
            partialSums.append(sums)
        }
        self.terms = terms
        self.place = place
        self.partialSums = partialSums
        roughPositions = positions.map(\.roughDouble)
        roughNumerators = partialSums.map { $0.last!.roughDouble }
    }

    /// Builds the round's possible trades in Decide's order: for each pair of issues in file
    /// order, actors right of both outcomes with those left of both, then left-right with
    /// right-left; "left" includes standing on the outcome.
    /// False when `cancellation` stopped it (checked once per issue: a file of hundreds of
    /// issues spends most of a round here).
    mutating func buildCandidates(cancellation: CancellationFlag? = nil) -> Bool {
        let outcomes = (0..<table.issueCount).map { numbers.outcome($0, positions) }
        for p in 0..<table.issueCount {
            if cancellation?.isCancelled == true { return false }
            for q in (p + 1)..<max(p + 1, table.issueCount) {
                var groups: [[Int]] = [[], [], [], []]
                for actor in 0..<table.actorCount where table.present[table.cell(actor, p)] && table.present[table.cell(actor, q)] {
                    let left = (positions[table.cell(actor, p)] <= outcomes[p] ? 1 : 0) | (positions[table.cell(actor, q)] <= outcomes[q] ? 2 : 0)
                    groups[left].append(actor)
                }
                for (first, second) in [(0, 3), (1, 2)] {
                    for a in groups[first] {
                        for b in groups[second] { add(a, b, p, q) }
                    }
                }
            }
        }
        return true
    }

    /// Decide's `AbstractExchange`: the actor whose salience ratio s_p/s_q is higher (the first
    /// on a tie) demands p. Pairs where Decide would divide by zero are left out.
    private mutating func add(_ a: Int, _ b: Int, _ p: Int, _ q: Int) {
        let aq = s(a, q), bq = s(b, q)
        guard !aq.isZero, !bq.isZero else { return }
        let (demanderOfP, demanderOfQ) = s(a, p) / aq < s(b, p) / bq ? (b, a) : (a, b)
        func side(_ actor: Int, supply: Int, demand: Int) -> Side {
            Side(actor: actor, supply: supply, demand: demand, supplyPosition: positions[table.cell(actor, supply)],
                 demandPosition: positions[table.cell(actor, demand)], start: positions[table.cell(actor, supply)])
        }
        let i = side(demanderOfP, supply: q, demand: p), j = side(demanderOfQ, supply: p, demand: q)
        guard !s(i.actor, q).isZero, !c(i.actor, q).isZero, !s(j.actor, p).isZero, !c(j.actor, p).isZero else { return }
        var candidate = Candidate(i: i, j: j)
        calculate(&candidate)
        if candidate.valid { candidates.append(candidate) }
    }

    private func s(_ actor: Int, _ issue: Int) -> Number { numbers.salience[table.cell(actor, issue)] }
    private func c(_ actor: Int, _ issue: Int) -> Number { numbers.power[table.cell(actor, issue)] }

    /// Decide's `EqualGainExchange.calculate`: j moves all the way to i's position on p unless
    /// i would then pass j's on q; equal gains fix the other move; then each side's move is cut
    /// so that the outcome stops at the demander's position (`check_nbs`).
    func calculate(_ e: inout Candidate) {
        let p = e.i.demand, q = e.i.supply
        let sip = s(e.i.actor, p), siq = s(e.i.actor, q), sjp = s(e.j.actor, p), sjq = s(e.j.actor, q)
        let sumP = numbers.denominators[p], sumQ = numbers.denominators[q]
        var dp = ((e.i.demandPosition - e.j.supplyPosition).magnitude * sjp * c(e.j.actor, p)) / sumP
        var dq = ((sjp + sip) / (sjq + siq)) * dp
        e.i.move = (dq * sumQ) / (c(e.i.actor, q) * siq)
        e.j.move = (e.i.demandPosition - e.j.supplyPosition).magnitude
        if e.i.move.magnitude > (e.j.demandPosition - e.i.supplyPosition).magnitude {
            dq = ((e.j.demandPosition - e.i.supplyPosition).magnitude * siq * c(e.i.actor, q)) / sumQ
            dp = ((siq + sjq) / (sip + sjp)) * dq
            e.i.move = (e.j.demandPosition - e.i.supplyPosition).magnitude
            e.j.move = (dp * sumP) / (c(e.j.actor, p) * sjp)
        }
        if e.i.supplyPosition > e.j.demandPosition { e.i.move = -e.i.move }
        if e.j.supplyPosition > e.i.demandPosition { e.j.move = -e.j.move }
        e.i.y = e.i.supplyPosition + e.i.move
        e.j.y = e.j.supplyPosition + e.j.move
        e.gain = (dq * siq - dp * sip).magnitude
        e.valid = e.i.moveIsValid && e.j.moveIsValid && e.gain > Self.tiny
        guard e.valid else { return }
        capAtDemander(&e, supplierIsI: true)
        capAtDemander(&e, supplierIsI: false)
        e.valid = e.i.moveIsValid && e.j.moveIsValid
    }

    /// Decide's `check_nbs` for one supplier: if its move would carry the outcome on its supply
    /// issue past the other's position, it moves just far enough to bring the outcome there, and
    /// the other's move follows from equal gains.
    private func capAtDemander(_ e: inout Candidate, supplierIsI: Bool) {
        var x = supplierIsI ? e.i : e.j, other = supplierIsI ? e.j : e.i
        let target = other.demandPosition
        if outcomeStaysShortOfTarget(e, x, target.roughDouble) { return }
        let before = adjustedOutcome(e, x, at: x.supplyPosition), after = adjustedOutcome(e, x, at: x.y)
        guard !((target >= before && target >= after) || (target <= before && target <= after)) else { return }
        let delta = moveToOutcome(e, x, target).magnitude
        let shiftSupply = (delta * s(x.actor, x.supply) * c(x.actor, x.supply)) / numbers.denominators[x.supply]
        let shiftDemand = ((s(x.actor, x.supply) + s(other.actor, x.supply)) / (s(x.actor, x.demand) + s(other.actor, x.demand))) * shiftSupply
        other.move = ((shiftDemand * numbers.denominators[other.supply]) / (c(other.actor, other.supply) * s(other.actor, other.supply))).magnitude
        x.move = delta
        if other.supplyPosition > x.demandPosition { other.move = -other.move }
        if x.supplyPosition > other.demandPosition { x.move = -x.move }
        other.y = other.supplyPosition + other.move
        x.y = x.supplyPosition + x.move
        e.gain = (shiftDemand * s(other.actor, other.supply) - shiftSupply * s(other.actor, other.demand)).magnitude
        if supplierIsI { (e.i, e.j) = (x, other) } else { (e.j, e.i) = (x, other) }
    }

    /// Whether, in doubles and by a margin no rounding can cross, the target lies on one side
    /// of both the outcome before x's move and after it (so `check_nbs` changes nothing).
    private func outcomeStaysShortOfTarget(_ e: Candidate, _ x: Side, _ target: Double) -> Bool {
        let issue = x.supply
        let denominator = table.denominators[issue]
        guard denominator > 0 else { return false }
        var numerator = roughNumerators[issue]
        for update in e.updates where update.issue == issue && update.actor != x.actor {
            let cell = table.cell(update.actor, issue)
            numerator += (update.position.roughDouble - roughPositions[cell]) * table.salience[cell] * table.power[cell]
        }
        let cell = table.cell(x.actor, issue), weight = table.salience[cell] * table.power[cell]
        let before = (numerator + (x.supplyPosition.roughDouble - roughPositions[cell]) * weight) / denominator
        let after = (numerator + (x.y.roughDouble - roughPositions[cell]) * weight) / denominator
        let margin = 1e-9 * max(1, abs(target))
        return (target - before > margin && target - after > margin) || (before - target > margin && after - target > margin)
    }

    /// The outcome on x's supply issue with the round's starting positions, the positions this
    /// trade was told about, and x at `position` (Decide's `adjusted_nbs`).
    private func adjustedOutcome(_ e: Candidate, _ x: Side, at position: Number) -> Number {
        let issue = x.supply
        guard !numbers.denominators[issue].isZero else { return .zero }
        return numerator(e, issue, overriding: x.actor, with: position, updatesWin: false) / numbers.denominators[issue]
    }

    /// How far x must move from its supply position for the outcome to reach `target`
    /// (Decide's `adjusted_nbs_by_position`, where known updates override x's own position).
    private func moveToOutcome(_ e: Candidate, _ x: Side, _ target: Number) -> Number {
        let issue = x.supply
        let numerator = numerator(e, issue, overriding: x.actor, with: x.supplyPosition, updatesWin: true)
        return (target * numbers.denominators[issue] - numerator) / (s(x.actor, issue) * c(x.actor, issue))
    }

    /// Σ x·s·c over an issue's stances in file order, with `actor` at `position` and the trade's
    /// known updates applied (over `actor` too when `updatesWin`). Terms before the first
    /// changed stance are the round's running sum.
    private func numerator(_ e: Candidate, _ issue: Int, overriding actor: Int, with position: Number, updatesWin: Bool) -> Number {
        let actors = table.stancesOnIssue[issue]
        var first = place[table.cell(actor, issue)]
        for update in e.updates where update.issue == issue { first = min(first, place[table.cell(update.actor, issue)]) }
        var sum = partialSums[issue][first]
        for other in actors[first...] {
            let cell = table.cell(other, issue)
            var value: Number?
            if other == actor { value = position }
            if updatesWin || other != actor, let update = e.updates.last(where: { $0.issue == issue && $0.actor == other }) { value = update.position }
            sum = sum + (value.map { $0 * numbers.salience[cell] * numbers.power[cell] } ?? terms[cell])
        }
        return sum
    }

    /// Decide's `recalculate` after trade `done`: a trade whose actor moved on the same issue
    /// starts from the new position; one whose actor wanted the same issue moved learns the
    /// mover's new position; either is then computed again. Others keep their figures.
    /// Returns whether the trade was touched.
    func recalculate(_ e: inout Candidate, after done: Candidate) -> Bool {
        func moved(_ side: Side) -> Number? {
            if side.actor == done.i.actor && side.supply == done.i.supply { return done.i.y }
            if side.actor == done.j.actor && side.supply == done.j.supply { return done.j.y }
            return nil
        }
        let movedI = moved(e.i), movedJ = moved(e.j)
        if let movedI { e.i.supplyPosition = movedI }
        if let movedJ { e.j.supplyPosition = movedJ }
        // Decide appends the mover's move to the moved side and pops one from each side:
        // the moved side keeps its last move as an earlier one; the other's is replaced.
        var touched = movedI != nil || movedJ != nil
        if movedI != nil { e.i.keepMove() }
        if movedJ != nil { e.j.keepMove() }
        for (demander, mover) in [(done.j, done.i), (done.i, done.j)] {
            let wants = { (side: Side) in side.actor == demander.actor && side.demand == demander.demand }
            guard wants(e.j) || wants(e.i) else { continue }
            let issue = demander.demand
            if let index = e.updates.firstIndex(where: { $0.issue == issue && $0.actor == mover.actor }) {
                let known = e.updates[index].position
                e.updates[index].position = mover.start <= known ? min(known, mover.y) : max(known, mover.y)
            } else {
                e.updates.append((issue, mover.actor, mover.y))
            }
            touched = true
        }
        if touched { calculate(&e) }
        return touched
    }
}
