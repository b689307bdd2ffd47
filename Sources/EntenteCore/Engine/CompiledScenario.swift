/// A scenario turned into flat tables, so that a package's gains are sums of table rows and
/// moving one issue to a neighbouring option is one row added.
///
/// Options of all issues are numbered consecutively ("flat options"): issue `i`'s option `o`
/// is flat option `optionOffset[i] + o`. Rows are `laneWidth` long: one entry per actor,
/// padded to a whole number of eight-lane vectors.
public struct CompiledScenario: Sendable {
    public let scenario: Scenario
    public let actorCount: Int
    public let issueCount: Int
    /// Words of an actor bit set.
    public let wordCount: Int
    /// Eight-lane vectors per row.
    public let chunkCount: Int
    /// Entries per row: `chunkCount * 8`.
    public let laneWidth: Int
    public let optionCounts: [Int]
    public let optionOffset: [Int]
    public let statusQuo: [Int]
    /// `gainRows[f * laneWidth + a]`: actor a's gain (fixed point) from flat option f.
    public let gainRows: [Int32]
    /// `stepRows[f * laneWidth + a]`: the change of actor a's gain when its issue moves from
    /// flat option f to f + 1 (zero for an issue's last option).
    public let stepRows: [Int32]
    /// `redLineRows[f * wordCount + w]`: actors for whom flat option f is a red line.
    public let redLineRows: [UInt64]
    /// Flat options that are someone's red line.
    public let hasRedLine: [Bool]
    /// Each actor's margin in fixed point, padded with `Int32.max` (padding never joins).
    public let margins: [Int32]
    /// Each actor's utility at the status quo, in points, links included.
    public let baseline: [Double]
    public let capability: [Double]
    public let totalCapability: Double
    /// Each actor's share of all capability in units of 2⁻⁴⁰.
    public let capabilityUnits: [Int64]
    public let totalCapabilityUnits: Int64
    /// Openness of each flat option, fixed point.
    public let openness: [Int64]
    public let groupings: [ActorSet]
    public let rules: [CompiledRule]
    /// Every actor's links; a gain is its issue rows' sum plus `links.gains`.
    public let links: CompiledLinks

    /// Compiles a valid scenario; `margin` is added to every actor's own `minGain`.
    public init(_ scenario: Scenario, margin: Double = 0) {
        self.scenario = scenario
        let actors = scenario.actors
        let issues = scenario.issues
        let n = actors.count
        actorCount = n
        issueCount = issues.count
        let words = ActorSet.wordCount(n)
        wordCount = words
        chunkCount = ActorLanes.chunks(n)
        let width = chunkCount * 8
        laneWidth = width
        optionCounts = issues.map(\.options.count)
        var offsets: [Int] = []
        var total = 0
        for issue in issues {
            offsets.append(total)
            total += issue.options.count
        }
        optionOffset = offsets
        statusQuo = issues.map(\.statusQuoIndex)

        var rows = [Int32](repeating: 0, count: total * width)
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
                    rows[f * width + a] = FixedPoint.from(weight * (interest.value(of: option) - sq))
                    if interest.redLines.contains(option.id) {
                        red[f * words + (a >> 6)] |= 1 << UInt64(a & 63)
                    }
                }
            }
        }
        var steps = [Int32](repeating: 0, count: total * width)
        for (i, issue) in issues.enumerated() {
            for o in 0..<max(0, issue.options.count - 1) {
                let f = offsets[i] + o
                for a in 0..<width { steps[f * width + a] = rows[(f + 1) * width + a] &- rows[f * width + a] }
            }
        }
        let links = CompiledLinks(actors: actors, issues: issues, statusQuo: statusQuo, laneWidth: width)
        for a in 0..<n { baseline[a] += FixedPoint.points(links.statusQuoPoints[a]) }
        self.links = links
        gainRows = rows
        stepRows = steps
        redLineRows = red
        hasRedLine = (0..<total).map { f in (0..<words).contains { red[f * words + $0] != 0 } }
        self.baseline = baseline
        margins = actors.map { actor in
            FixedPoint.from(margin + (actor.interests.values.compactMap(\.minGain).max() ?? 0))
        } + Array(repeating: Int32.max, count: width - n)
        capability = actors.map(\.capability)
        let capabilityTotal = capability.reduce(0, +)
        totalCapability = capabilityTotal
        capabilityUnits = capability.map { capabilityTotal > 0 ? Int64(($0 / capabilityTotal * FixedPoint.shareScale).rounded()) : 0 }
        totalCapabilityUnits = capabilityUnits.reduce(0, +)
        openness = issues.flatMap { $0.options.map { Int64(($0.openness * FixedPoint.scale).rounded()) } }

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

    /// Actor `actor`'s term of its gain from option `option` of issue `issue`, in points: the
    /// fixed-point value every gain is summed from, so a package's terms add up to its gain.
    public func gain(of actor: Int, issue: Int, option: Int) -> Double {
        FixedPoint.points(gainRows[(optionOffset[issue] + option) * laneWidth + actor])
    }

    /// The part of actor `actor`'s gain from `package` that its links make, in points: the
    /// points of its links that hold in the package less those that hold at the status quo.
    public func linkGain(of actor: Int, in package: Package) -> Double {
        FixedPoint.points(links.gains(choices: package.choices)[actor])
    }

    /// Actor `actor`'s margin in points: its own `minGain` plus the compiled extra margin.
    public func margin(of actor: Int) -> Double { FixedPoint.points(margins[actor]) }

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
