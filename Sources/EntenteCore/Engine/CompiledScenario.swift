/// A scenario turned into flat tables, so that a package's gains are sums of table rows and
/// changing one issue is one row subtracted and one added.
///
/// Options of all issues are numbered consecutively ("flat options"): issue `i`'s option `o`
/// is flat option `optionOffset[i] + o`. Row `f` of `gainRows` holds, for every actor, the
/// salience-weighted change of utility against the status quo when flat option `f` is in force.
public struct CompiledScenario: Sendable {
    public let scenario: Scenario
    public let actorCount: Int
    public let issueCount: Int
    /// Words of an actor bit set.
    public let wordCount: Int
    public let optionCounts: [Int]
    public let optionOffset: [Int]
    public let statusQuo: [Int]
    /// `gainRows[f * actorCount + a]`: actor a's gain (fixed point) from flat option f.
    public let gainRows: [Int64]
    /// `redLineRows[f * wordCount + w]`: actors for whom flat option f is a red line.
    public let redLineRows: [UInt64]
    /// Flat options that are someone's red line.
    public let hasRedLine: [Bool]
    /// Each actor's margin in fixed point: it joins only with a gain strictly above this.
    public let margins: [Int64]
    /// Each actor's utility at the status quo, in points.
    public let baseline: [Double]
    public let capability: [Double]
    public let totalCapability: Double
    /// Openness of each flat option, fixed point.
    public let openness: [Int64]
    public let groupings: [ActorSet]
    public let rules: [CompiledRule]

    /// Compiles a valid scenario; `margin` is added to every actor's own `minGain`.
    public init(_ scenario: Scenario, margin: Double = 0) {
        self.scenario = scenario
        let actors = scenario.actors
        let issues = scenario.issues
        let n = actors.count
        actorCount = n
        issueCount = issues.count
        optionCounts = issues.map(\.options.count)
        var offsets: [Int] = []
        var total = 0
        for issue in issues {
            offsets.append(total)
            total += issue.options.count
        }
        optionOffset = offsets
        statusQuo = issues.map(\.statusQuoIndex)

        var rows = [Int64](repeating: 0, count: total * n)
        let words = ActorSet.wordCount(n)
        var red = [UInt64](repeating: 0, count: total * words)
        var baseline = [Double](repeating: 0, count: n)
        for (a, actor) in actors.enumerated() {
            let salience = actor.totalSalience
            for (i, issue) in issues.enumerated() {
                guard let interest = actor.interests[issue.id] else { continue }
                let weight = salience > 0 ? interest.salience / salience : 0
                let sq = interest.value(of: issue.options[issue.statusQuoIndex])
                baseline[a] += weight * sq
                for (o, option) in issue.options.enumerated() {
                    let f = offsets[i] + o
                    rows[f * n + a] = FixedPoint.from(weight * (interest.value(of: option) - sq))
                    if interest.redLines.contains(option.id) {
                        red[f * words + (a >> 6)] |= 1 << UInt64(a & 63)
                    }
                }
            }
        }
        wordCount = words
        gainRows = rows
        redLineRows = red
        hasRedLine = (0..<total).map { f in (0..<words).contains { red[f * words + $0] != 0 } }
        self.baseline = baseline
        margins = actors.map { actor in
            FixedPoint.from(margin + (actor.interests.values.compactMap(\.minGain).max() ?? 0))
        }
        capability = actors.map(\.capability)
        totalCapability = capability.reduce(0, +)
        openness = issues.flatMap { $0.options.map { FixedPoint.from($0.openness) } }

        let index = Dictionary(actors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        func set(_ ids: [String]) -> ActorSet { ActorSet(capacity: n, members: ids.compactMap { index[$0] }) }
        let groupingSets = scenario.groupings.map { set($0.members) }
        groupings = groupingSets
        let groupingIndex = Dictionary(scenario.groupings.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        rules = scenario.rules.map { rule in
            switch rule.kind {
            case .capabilityShare(let share): .capabilityShare(share)
            case .minMembers(let count): .minMembers(count)
            case .includeAll(let ids): .includeAll(set(ids))
            case .includeAny(let ids):
                .includeAny(ids.reduce(ActorSet(capacity: n)) { union, id in
                    union.union(groupingIndex[id].map { groupingSets[$0] } ?? set([id]))
                })
            }
        }
    }

    /// The number of packages when every issue in `issues` ranges over all its options.
    public func spaceSize(of issues: [Int]) -> Double {
        issues.reduce(1.0) { $0 * Double(optionCounts[$1]) }
    }
}

/// A viability rule resolved to actor sets.
public enum CompiledRule: Sendable {
    case capabilityShare(Double)
    case minMembers(Int)
    case includeAll(ActorSet)
    case includeAny(ActorSet)
}
