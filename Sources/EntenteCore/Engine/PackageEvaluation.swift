/// Everything the engine says about one package: each actor's gain and utility, the
/// coalition, which rules hold and every objective.
public struct PackageEvaluation: Sendable, Equatable {
    public let package: Package
    /// Gain over the status quo of every actor, in utility points, in actor order.
    public let gains: [Double]
    /// Utility of every actor under the package (0...100), in actor order.
    public let utilities: [Double]
    /// Actors who gain more than their margin and hit none of their red lines.
    public let coalition: ActorSet
    /// Actors whose red lines the package contains.
    public let redLined: ActorSet
    /// Each scenario rule with whether the coalition meets it, in scenario order.
    public let rules: [RuleCheck]
    /// True when the coalition is not empty and every rule holds.
    public let viable: Bool
    public let objectives: [Objective: Double]

    public func objective(_ objective: Objective) -> Double { objectives[objective] ?? 0 }
}

/// Whether one rule holds for a coalition.
public struct RuleCheck: Sendable, Equatable {
    public let id: String
    public let holds: Bool

    public init(id: String, holds: Bool) {
        self.id = id
        self.holds = holds
    }
}

/// Evaluates single packages from scratch: the reference the scans are tested against,
/// and the source of every figure shown to users.
public struct PackageEvaluator: Sendable {
    let tables: ScanTables

    public init(_ compiled: CompiledScenario) { tables = ScanTables(compiled) }

    init(tables: ScanTables) { self.tables = tables }

    public var compiled: CompiledScenario { tables.compiled }

    /// True when every scenario rule holds for this set of actors as the coalition.
    public func rulesHold(for coalition: ActorSet) -> Bool {
        var words = coalition.words
        let measures = CoalitionMeasures(tables: tables)
        return words.withUnsafeMutableBufferPointer { buffer in
            tables.compiled.rules.allSatisfy { measures.ruleHolds($0, buffer.baseAddress!) }
        }
    }

    public func evaluate(_ package: Package) -> PackageEvaluation {
        let state = ScanState(tables)
        state.reset(to: package.choices)
        let nonEmpty = state.updateCoalition()
        let measures = CoalitionMeasures(tables: tables)
        let compiled = tables.compiled
        let n = compiled.actorCount
        let words = Array(UnsafeBufferPointer(start: state.coalition, count: compiled.wordCount))
        let redWords = Array(UnsafeBufferPointer(start: state.redLined, count: compiled.wordCount))
        let gains = (0..<n).map { FixedPoint.points(state.gains[$0]) }
        let rules = zip(compiled.scenario.rules, compiled.rules).map { rule, compiledRule in
            RuleCheck(id: rule.id, holds: measures.ruleHolds(compiledRule, state.coalition))
        }
        var objectives: [Objective: Double] = [:]
        for objective in Objective.allCases {
            objectives[objective] = measures.score(
                objective, coalition: state.coalition, gains: state.gains, opennessUnits: state.opennessUnits)
        }
        return PackageEvaluation(
            package: package,
            gains: gains,
            utilities: (0..<n).map { compiled.baseline[$0] + gains[$0] },
            coalition: ActorSet(words: words),
            redLined: ActorSet(words: redWords),
            rules: rules,
            viable: nonEmpty && rules.allSatisfy(\.holds),
            objectives: objectives)
    }
}
