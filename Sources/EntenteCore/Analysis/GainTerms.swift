/// One term of an actor's gain from a package: an issue the package moves off its status
/// quo, or one of the actor's links whose holding the package changes.
public struct GainTerm: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// The issue (its index), at the package's option.
        case issue(Int)
        /// The actor's link (its index among the actor's links), which the package makes
        /// hold (`holds`) or stop holding.
        case link(Int, holds: Bool)
    }

    public let source: Source
    /// In utility points; the terms of a package add up to the actor's gain.
    public let points: Double

    public init(source: Source, points: Double) {
        self.source = source
        self.points = points
    }
}

extension CompiledScenario {
    /// Actor `actor`'s gain from `package`, term by term, as the engine holds it (model.md,
    /// "Utility and gain"): (s/S)·(v(P_i) − v(SQ_i)) for each issue the package moves, and
    /// ±p for each link that holds in the package and not at the status quo (or the other
    /// way round). Zero terms are left out; the rest add up to the gain exactly.
    ///
    /// ```swift
    /// let compiled = CompiledScenario(scenario)
    /// let terms = compiled.terms(of: india, in: package)   // the issues that cost India most have the lowest points
    /// ```
    public func terms(of actor: Int, in package: Package) -> [GainTerm] {
        let statusQuo = scenario.statusQuo
        var terms = package.differences(from: statusQuo).compactMap { issue -> GainTerm? in
            let points = gain(of: actor, issue: issue, option: package.choices[issue])
            return points == 0 ? nil : GainTerm(source: .issue(issue), points: points)
        }
        for (index, link) in scenario.actors[actor].links.enumerated() where link.points != 0 {
            let now = link.holds(in: package, of: scenario), before = link.holds(in: statusQuo, of: scenario)
            if now != before { terms.append(GainTerm(source: .link(index, holds: now), points: now ? link.points : -link.points)) }
        }
        return terms
    }
}

/// Why an actor is in or out of a package's coalition: the red lines of its that the
/// package crosses, its gain against its margin (joining needs more than the margin), and
/// the terms of the gain, what costs it most first. The builder and the finder show it for
/// any actor a seat may see ("why is India out?").
public struct Shortfall: Sendable, Equatable {
    public let actor: Int
    public let gain: Double
    public let margin: Double
    /// The issues (indices) where the package's option is one of the actor's red lines.
    public let redLines: [Int]
    /// The terms of the gain, lowest (most costly) first, ties in issue and link order.
    public let terms: [GainTerm]

    /// The actor's standing under `package` in `compiled`'s scenario.
    public init(actor: Int, package: Package, compiled: CompiledScenario) {
        let scenario = compiled.scenario
        self.actor = actor
        let terms = compiled.terms(of: actor, in: package)
        gain = FixedPoint.points(terms.reduce(Int64(0)) { $0 + Int64(FixedPoint.from($1.points)) })
        margin = compiled.margin(of: actor)
        redLines = scenario.issues.indices.filter { issue in
            scenario.actors[actor].interests[scenario.issues[issue].id]?.redLines.contains(scenario.issues[issue].options[package.choices[issue]].id) == true
        }
        self.terms = terms.enumerated().sorted { $0.element.points != $1.element.points ? $0.element.points < $1.element.points : $0.offset < $1.offset }
            .map(\.element)
    }

    /// True when the actor joins: it gains more than its margin and no red line is crossed.
    public var joins: Bool { redLines.isEmpty && gain > margin }
    /// How many points the gain is below the margin (0 when it is above or at it: at the
    /// margin exactly an actor still does not join, since joining needs more).
    public var short: Double { max(0, margin - gain) }
}
