import Foundation

/// The figures of a coalition (its size, capability, rule checks and every objective),
/// computed the same way by the scanning loop and by the reference evaluation.
///
/// Members are visited in actor order, so floating-point sums are reproducible.
struct CoalitionMeasures {
    let tables: ScanTables

    func memberCount(_ coalition: UnsafeMutablePointer<UInt64>) -> Int {
        var count = 0
        for w in 0..<tables.wordCount { count += coalition[w].nonzeroBitCount }
        return count
    }

    /// The coalition's capability in units of 2⁻⁴⁰ of the total: one table look-up per
    /// eight actors, an exact integer sum.
    @inline(__always)
    func capabilityUnits(_ coalition: UnsafeMutablePointer<UInt64>) -> Int64 {
        let table = tables.capabilityTable.baseAddress!
        var sum: Int64 = 0
        for byte in 0..<tables.byteCount {
            let value = Int(truncatingIfNeeded: coalition[byte >> 3] >> UInt64((byte & 7) << 3)) & 0xFF
            sum &+= table[byte << 8 | value]
        }
        return sum
    }

    @inline(__always)
    func capabilityShare(_ coalition: UnsafeMutablePointer<UInt64>) -> Double {
        let total = tables.compiled.totalCapabilityUnits
        return total > 0 ? Double(capabilityUnits(coalition)) / Double(total) : 0
    }

    /// Whether each rule holds. A capability-share threshold counts as met within 10⁻⁹ of
    /// it, so that shares such as 0.1 + 0.2 meet a threshold of 0.3.
    func ruleHolds(_ rule: CompiledRule, _ coalition: UnsafeMutablePointer<UInt64>) -> Bool {
        switch rule {
        case .capabilityShare(let atLeast):
            return capabilityShare(coalition) >= atLeast - 1e-9
        case .minMembers(let count):
            return memberCount(coalition) >= count
        case .includeAll(let required):
            return (0..<tables.wordCount).allSatisfy { required.words[$0] & ~coalition[$0] == 0 }
        case .includeAny(let candidates):
            return (0..<tables.wordCount).contains { candidates.words[$0] & coalition[$0] != 0 }
        }
    }

    /// Whether every rule holds, from the rules folded together in `ScanTables` (one test
    /// per kind: a coalition meets every share and size rule when it meets the largest).
    func allRulesHold(_ coalition: UnsafeMutablePointer<UInt64>) -> Bool {
        let words = tables.wordCount
        for w in 0..<words where tables.ruleRequired[w] & ~coalition[w] != 0 { return false }
        for rule in 0..<tables.ruleAnyCount {
            var meets = false
            for w in 0..<words where tables.ruleAnyOf[rule * words + w] & coalition[w] != 0 {
                meets = true
                break
            }
            if !meets { return false }
        }
        if tables.ruleMembers > 0 && memberCount(coalition) < tables.ruleMembers { return false }
        return tables.ruleShare == -.infinity || capabilityShare(coalition) >= tables.ruleShare - 1e-9
    }

    /// A number that orders packages exactly as `score` does, cheaper where it can be: for
    /// capability the share's integer numerator (the division by the total is monotone and,
    /// with 53-bit doubles over 40-bit units, never merges two different shares).
    @inline(__always)
    func rankKey(
        _ objective: Objective, coalition: UnsafeMutablePointer<UInt64>,
        gains: UnsafeMutablePointer<Int32>, opennessUnits: Int64
    ) -> Double {
        if objective == .capability { return Double(capabilityUnits(coalition)) }
        return score(objective, coalition: coalition, gains: gains, opennessUnits: opennessUnits)
    }

    /// An upper bound on the rank key that is cheaper than the key itself, where there is one:
    /// for Nash, members × ln(largest member gain) avoids a logarithm per member.
    @inline(__always)
    func quickBound(_ objective: Objective, coalition: UnsafeMutablePointer<UInt64>, gains: UnsafeMutablePointer<Int32>) -> Double {
        guard objective == .nash else { return .infinity }
        var count = 0
        var highest = Int32.min
        forEachMember(coalition) {
            count += 1
            highest = max(highest, gains[$0])
        }
        return Double(count) * log(FixedPoint.points(highest)) + 1e-9
    }

    @inline(__always)
    func score(
        _ objective: Objective, coalition: UnsafeMutablePointer<UInt64>,
        gains: UnsafeMutablePointer<Int32>, opennessUnits: Int64
    ) -> Double {
        switch objective {
        case .capability:
            return capabilityShare(coalition)
        case .members:
            return Double(memberCount(coalition))
        case .totalGain:
            var sum: Int64 = 0
            forEachMember(coalition) { sum += Int64(gains[$0]) }
            return FixedPoint.points(sum)
        case .minGain:
            var lowest = Int32.max
            forEachMember(coalition) { lowest = min(lowest, gains[$0]) }
            return lowest == .max ? 0 : FixedPoint.points(lowest)
        case .nash:
            var sum = 0.0
            forEachMember(coalition) { sum += log(FixedPoint.points(gains[$0])) }
            return sum
        case .novelty:
            return novelty(coalition)
        case .openness:
            return FixedPoint.points(opennessUnits)
        }
    }

    /// 1 − max over groupings of |C ∩ G| / |C ∪ G|; 1 when there are no groupings.
    /// The largest ratio is kept as a fraction and compared by cross-multiplying, so one
    /// division is made per coalition instead of one per grouping.
    func novelty(_ coalition: UnsafeMutablePointer<UInt64>) -> Double {
        let size = memberCount(coalition), words = tables.wordCount
        let groupingWords = tables.groupingWords.baseAddress!, groupingSizes = tables.groupingSizes.baseAddress!
        var bestCommon = 0, bestUnion = 1
        for g in 0..<tables.groupingCount {
            var common = 0
            for w in 0..<words { common += (coalition[w] & groupingWords[g * words + w]).nonzeroBitCount }
            let union = size + groupingSizes[g] - common
            if union > 0, common * bestUnion > bestCommon * union { (bestCommon, bestUnion) = (common, union) }
        }
        return 1 - Double(bestCommon) / Double(bestUnion)
    }

    @inline(__always)
    func forEachMember(_ coalition: UnsafeMutablePointer<UInt64>, _ body: (Int) -> Void) {
        for w in 0..<tables.wordCount {
            var bits = coalition[w]
            while bits != 0 {
                body(w << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
    }
}
