/// How much a package's coalition depends on the numbers behind it: seeded Monte Carlo
/// perturbation of values and saliences, the exact worst case when every value may move
/// within ±δ, and the single input whose change breaks the coalition soonest.
public struct RobustnessAnalysis: Sendable {
    public let scenario: Scenario

    public init(_ scenario: Scenario) { self.scenario = scenario }

    /// - Parameters:
    ///   - draws: Monte Carlo draws.
    ///   - spread: each value moves uniformly within ±spread·100 points (kept in 0…100) and
    ///     each salience is multiplied by a uniform factor in 1 ± spread.
    ///   - delta: the value range of the worst case, in points.
    ///   - margin: added to every actor's own margin, as a search's `--margin` is: the members
    ///     are the coalition's under that margin, and stay while they exceed it.
    ///   - cancellation: stops the draws early; the figures are then over the draws made,
    ///     which `draws` in the result reports.
    public func analyse(_ package: Package, draws: Int = 10_000, spread: Double = 0.1, delta: Double = 5, seed: UInt64 = 1,
                        margin: Double = 0, cancellation: CancellationFlag? = nil) -> Robustness {
        let compiled = CompiledScenario(scenario, margin: margin)
        let evaluator = PackageEvaluator(compiled)
        let current = evaluator.evaluate(package)
        let members = current.coalition.members
        let stances = scenario.actors.map { actor in
            scenario.issues.enumerated().compactMap { index, issue -> Stance? in
                guard let interest = actor.interests[issue.id] else { return nil }
                return Stance(
                    issue: index, salience: interest.salience,
                    proposed: interest.value(of: issue.options[package.choices[index]]),
                    statusQuo: interest.value(of: issue.options[issue.statusQuoIndex]),
                    changed: package.choices[index] != issue.statusQuoIndex)
            }
        }
        let margins = scenario.actors.indices.map(compiled.margin)
        // Links are not perturbed: each actor's link part of the gain is the same in every draw.
        let linkGains = scenario.actors.indices.map { compiled.linkGain(of: $0, in: package) }
        let measures = CoalitionMeasures(tables: evaluator.tables)

        var random = SplitMix64(seed: seed)
        var stays = [Int](repeating: 0, count: scenario.actors.count)
        var viable = 0
        var staying = [StayingCount](repeating: StayingCount(draws: 0, viable: 0), count: members.count + 1)
        var coalition = [UInt64](repeating: 0, count: compiled.wordCount)
        var made = 0
        for draw in 0..<max(0, draws) {
            if draw & 63 == 0, cancellation?.isCancelled == true { break }
            made += 1
            for w in coalition.indices { coalition[w] = 0 }
            for a in scenario.actors.indices {
                var weighted = 0.0
                var total = 0.0
                for stance in stances[a] {
                    let salience = stance.salience * Double.random(in: (1 - spread)...(1 + spread), using: &random)
                    total += salience
                    guard stance.changed else { continue }
                    let proposed = min(100, max(0, stance.proposed + Double.random(in: -spread * 100...spread * 100, using: &random)))
                    let statusQuo = min(100, max(0, stance.statusQuo + Double.random(in: -spread * 100...spread * 100, using: &random)))
                    weighted += salience * (proposed - statusQuo)
                }
                let gain = (total > 0 ? weighted / total : 0) + linkGains[a]
                if gain > margins[a] && !current.redLined.contains(a) {
                    coalition[a >> 6] |= 1 << UInt64(a & 63)
                    stays[a] += 1
                }
            }
            let holds = coalition.withUnsafeMutableBufferPointer { words in
                words.contains { $0 != 0 } && measures.allRulesHold(words.baseAddress!)
            }
            if holds { viable += 1 }
            let stayed = members.reduce(0) { $0 + Int(coalition[$1 >> 6] >> UInt64($1 & 63) & 1) }
            staying[stayed].draws += 1
            if holds { staying[stayed].viable += 1 }
        }
        let share = { (count: Int) in made > 0 ? Double(count) / Double(made) : 0 }
        return Robustness(
            draws: made, spread: spread, delta: delta, seed: seed,
            stayProbability: members.map { MemberFigure(actor: $0, value: share(stays[$0])) },
            viableProbability: share(viable),
            staying: staying,
            worstCaseGain: members.map { a in MemberFigure(actor: a, value: worstGain(stances[a], delta: delta) + linkGains[a]) },
            mostFragile: members.compactMap { fragile(actor: $0, stances[$0], margin: margins[$0] - linkGains[$0]) }
                .min { $0.relativeChange < $1.relativeChange })
    }

    /// The issues' part of the gain when every proposed value falls by δ and every
    /// status-quo value rises by δ (within 0…100): the worst that moving values within ±δ can do.
    private func worstGain(_ stances: [Stance], delta: Double) -> Double {
        let total = stances.reduce(0) { $0 + $1.salience }
        guard total > 0 else { return 0 }
        return stances.filter(\.changed).reduce(0) { sum, stance in
            sum + stance.salience * (max(0, stance.proposed - delta) - min(100, stance.statusQuo + delta))
        } / total
    }

    /// The smallest single change to one of the actor's values or saliences that brings its
    /// gain down to its margin, measured relative to the input (a value against the 0…100
    /// scale, a salience against itself). `margin` is what the issues' part of the gain must
    /// exceed: the actor's margin less its link gain.
    private func fragile(actor: Int, _ stances: [Stance], margin: Double) -> FragileInput? {
        let total = stances.reduce(0) { $0 + $1.salience }
        guard total > 0 else { return nil }
        let weighted = stances.reduce(0) { $0 + $1.salience * ($1.proposed - $1.statusQuo) }
        let gain = weighted / total
        var candidates: [FragileInput] = []
        for stance in stances {
            let weight = stance.salience / total
            if stance.changed && weight > 0 {
                let needed = (gain - margin) / weight
                if needed <= stance.proposed {
                    candidates.append(FragileInput(actor: actor, issue: stance.issue, input: .proposedValue,
                                                   from: stance.proposed, to: stance.proposed - needed, relativeChange: needed / 100))
                }
                if needed <= 100 - stance.statusQuo {
                    candidates.append(FragileInput(actor: actor, issue: stance.issue, input: .statusQuoValue,
                                                   from: stance.statusQuo, to: stance.statusQuo + needed, relativeChange: needed / 100))
                }
            }
            // Salience x on this issue: gain(x) = (weighted + x·d) / (total + x) with d the
            // issue's value change; it equals the margin at x = (margin·total − weighted) / (d − margin).
            let change = stance.proposed - stance.statusQuo
            guard change != margin, stance.salience > 0 else { continue }
            let x = (margin * total - weighted) / (change - margin)
            let salience = stance.salience + x
            if salience >= 0 {
                candidates.append(FragileInput(actor: actor, issue: stance.issue, input: .salience,
                                               from: stance.salience, to: salience, relativeChange: abs(x) / stance.salience))
            }
        }
        return candidates.min { $0.relativeChange < $1.relativeChange }
    }

    private struct Stance {
        let issue: Int
        let salience: Double
        let proposed: Double
        let statusQuo: Double
        let changed: Bool
    }
}

/// The robustness of a package's coalition.
public struct Robustness: Sendable {
    public let draws: Int
    public let spread: Double
    public let delta: Double
    public let seed: UInt64
    /// For each member, the share of draws in which it stays a member.
    public let stayProbability: [MemberFigure]
    /// The share of draws in which the package's coalition (whoever is a member in that
    /// draw) is non-empty and meets the rules.
    public let viableProbability: Double
    /// The distribution the two figures above come from: `staying[k]` counts the draws in
    /// which exactly k of the members stay, and how many of those draws are viable. The
    /// draws add up to `draws`, the viable ones to `viableProbability · draws`.
    public let staying: [StayingCount]
    /// For each member, its gain when every value moves by δ against it.
    public let worstCaseGain: [MemberFigure]
    /// The input whose smallest change drops a member, if any can.
    public let mostFragile: FragileInput?
}

/// The draws of a robustness analysis in which a given number of members stay.
public struct StayingCount: Sendable, Equatable {
    public var draws: Int
    /// Those of the draws in which the coalition (whoever joins in the draw) is viable.
    public var viable: Int

    public init(draws: Int, viable: Int) {
        self.draws = draws
        self.viable = viable
    }
}

/// One number per coalition member.
public struct MemberFigure: Sendable, Equatable {
    public let actor: Int
    public let value: Double

    public init(actor: Int, value: Double) {
        self.actor = actor
        self.value = value
    }
}

/// A single input of the scenario and the change to it that drops a member.
public struct FragileInput: Sendable, Equatable {
    public enum Input: String, Sendable {
        /// The member's value for the package's option on the issue.
        case proposedValue = "value of the proposed option"
        /// The member's value for the issue's status quo.
        case statusQuoValue = "value of the status quo"
        /// The member's salience for the issue.
        case salience
    }

    public let actor: Int
    public let issue: Int
    public let input: Input
    public let from: Double
    public let to: Double
    /// The change as a share of the input's scale: value changes over 100, salience
    /// changes over the salience itself.
    public let relativeChange: Double
}
