/// The conditions a ranked search puts on a coalition before it scores a package: not
/// empty, the must-include actors in, the must-exclude actors out, enough members, rules.
struct CoalitionFilter: Sendable {
    let measures: CoalitionMeasures
    let include: [UInt64]
    let exclude: [UInt64]
    let minMembers: Int
    let applyRules: Bool

    /// Checks the coalition in `state`, which `updateCoalition` has already found non-empty.
    @inline(__always)
    func accepts(_ coalition: UnsafeMutablePointer<UInt64>) -> Bool {
        for w in 0..<include.count {
            if include[w] & ~coalition[w] != 0 || exclude[w] & coalition[w] != 0 { return false }
        }
        if minMembers > 1 && measures.memberCount(coalition) < minMembers { return false }
        return !applyRules || measures.allRulesHold(coalition)
    }
}
