/// The conditions a ranked search puts on a coalition: not empty, the must-include actors
/// in, the must-exclude actors out, enough members (cheap, checked by the walk's kernel
/// before scoring) and the scenario's rules (checked only for packages whose score could
/// enter the ranking).
struct CoalitionFilter: Sendable {
    let measures: CoalitionMeasures
    let include: [UInt64]
    let exclude: [UInt64]
    let minMembers: Int
    let applyRules: Bool
    /// False when there is no include, exclude or size condition.
    let hasConditions: Bool

    init(measures: CoalitionMeasures, include: [UInt64], exclude: [UInt64], minMembers: Int, applyRules: Bool) {
        self.measures = measures
        self.include = include
        self.exclude = exclude
        self.minMembers = minMembers
        self.applyRules = applyRules
        hasConditions = include.contains { $0 != 0 } || exclude.contains { $0 != 0 } || minMembers > 1
    }

    /// The scenario's rules, unless the request switched them off.
    func rulesHold(_ coalition: UnsafeMutablePointer<UInt64>) -> Bool {
        !applyRules || measures.allRulesHold(coalition)
    }
}
