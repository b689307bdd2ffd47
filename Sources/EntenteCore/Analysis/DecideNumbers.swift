/// The figures of a data set as Decide holds them, in its decimal arithmetic: saliences,
/// powers, positions on 0…100 normalised as Decide normalises them, (x − low)·(100 / (high −
/// low)), and each issue's Σ s·c summed in file order.
struct DecideNumbers {
    typealias Number = Decimal28

    let salience: [Number]
    let power: [Number]
    let denominators: [Number]
    let initialPositions: [Number]
    private let stancesOnIssue: [[Int]]
    private let issueCount: Int

    init(_ data: ExchangeData, table: ExchangeTable) {
        issueCount = table.issueCount
        stancesOnIssue = table.stancesOnIssue
        var salience = [Number](repeating: .zero, count: table.actorCount * table.issueCount)
        var power = salience, positions = salience
        let steps = data.issues.map { issue -> (low: Number, step: Number) in
            let low = Number(issue.low), width = Number(issue.high) - low
            return (low, width.isZero ? .zero : Number(100) / width)
        }
        for stance in data.stances {
            let cell = table.cell(stance.actor, stance.issue)
            salience[cell] = Number(stance.salience)
            power[cell] = Number(stance.power)
            positions[cell] = (Number(stance.value) - steps[stance.issue].low) * steps[stance.issue].step
        }
        self.salience = salience
        self.power = power
        initialPositions = positions
        denominators = table.stancesOnIssue.enumerated().map { issue, actors in
            actors.reduce(Number.zero) { $0 + salience[$1 * table.issueCount + issue] * power[$1 * table.issueCount + issue] }
        }
    }

    /// Σ x·s·c / Σ s·c on one issue, terms in file order; 0 when no stance has weight.
    func outcome(_ issue: Int, _ positions: [Number]) -> Number {
        guard !denominators[issue].isZero else { return .zero }
        var numerator = Number.zero
        for actor in stancesOnIssue[issue] {
            let cell = actor * issueCount + issue
            numerator = numerator + positions[cell] * salience[cell] * power[cell]
        }
        return numerator / denominators[issue]
    }

    private static let salienceWeight = WideDecimal(exactly: 0.4)
    private static let fixedWeight = WideDecimal(exactly: 0.1)

    /// Decide's `new_start_position`: (1 − s)·0.4·y + 0.1·y + (1 − (1 − s)·0.4 − 0.1)·x, with
    /// 0.4 and 0.1 the exact values of those doubles, each step rounded as Decide rounds it.
    static func carriedOver(start x: Number, traded y: Number, salience s: Number) -> Number {
        let share = (Number(1) - s) * salienceWeight
        return share * y + y * fixedWeight + ((Number(1) - share) - fixedWeight) * x
    }
}
