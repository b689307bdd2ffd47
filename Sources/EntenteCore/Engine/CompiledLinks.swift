/// Every actor's links in the engine's terms, so that a package's link points are counted
/// once from scratch and then kept up to date by touching only the links that name the
/// issue that moved (docs/model.md, "Utility and gain"; docs/performance.md, "Links").
///
/// A link is numbered in actor order, then in the actor's own order. For each link the
/// engine keeps its *misses*: how many of its conditions the current package fails. The
/// link holds when it has none. Moving issue i from option o to o′ changes the misses of
/// a link that names i by accepts(o) − accepts(o′), and the owner's gain by the link's
/// points when the misses reach or leave zero.
public struct CompiledLinks: Sendable {
    /// Per link: the actor (lane) it belongs to.
    public let owner: [Int]
    /// Per link: its points in fixed point.
    public let points: [Int32]
    /// Per link: the entries (see below) of its conditions.
    let conditionEntries: [[Int]]
    /// Entries of issue i are `issueStart[i] ..< issueStart[i + 1]`: one per link condition
    /// naming the issue, in link order.
    let issueStart: [Int]
    /// Per entry: the issue, the link, and where its option flags start in `accepts`.
    let entryIssue: [Int]
    let entryLink: [Int]
    let entryBase: [Int]
    /// `accepts[entryBase[e] + o]`: 1 when option o of the entry's issue satisfies the entry.
    let accepts: [UInt8]
    /// Per lane: the fixed-point points of the actor's links that hold at the status quo,
    /// which every gain is measured against.
    let statusQuoPoints: [Int32]
    /// What the walk's steps do to the links: moving an issue from flat option f to f + 1
    /// changes the misses of link `stepLink[k]` by `stepChange[k]` (±1) for k in
    /// `stepStart[f] ..< stepStart[f + 1]`, and moving it back by the opposite; every other
    /// link keeps its misses. One list per flat option (empty for an issue's last option).
    let stepStart: [Int]
    let stepLink: [Int]
    let stepChange: [Int32]

    public var count: Int { owner.count }
    public var isEmpty: Bool { owner.isEmpty }

    /// Compiles the links of `actors`; `issues` gives option ids by issue index, `issueIndex`
    /// finds an issue by id. A link naming an issue or option that does not exist never holds
    /// (validation rejects such files; the engine only has to stay safe).
    init(actors: [Actor], issues: [Issue], statusQuo: [Int], laneWidth: Int) {
        let issueIndex = Dictionary(issues.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var owner: [Int] = []
        var points: [Int32] = []
        var conditions: [[(issue: Int, accepts: [UInt8])]] = []
        for (a, actor) in actors.enumerated() {
            for link in actor.links {
                var compiled: [(issue: Int, accepts: [UInt8])] = []
                for condition in link.when {
                    guard let i = issueIndex[condition.issue] else {
                        compiled = []
                        break
                    }
                    compiled.append((i, issues[i].options.map { condition.options.contains($0.id) ? 1 : 0 }))
                }
                // A link with an unknown issue or with nothing it could hold on contributes nothing.
                guard !compiled.isEmpty, compiled.allSatisfy({ $0.accepts.contains(1) }) else { continue }
                owner.append(a)
                points.append(FixedPoint.from(link.points))
                conditions.append(compiled)
            }
        }
        var perIssue = [[(link: Int, accepts: ArraySlice<UInt8>)]](repeating: [], count: issues.count)
        for (l, linkConditions) in conditions.enumerated() {
            for condition in linkConditions { perIssue[condition.issue].append((l, condition.accepts[...])) }
        }
        self.init(owner: owner, points: points, perIssue: perIssue, optionCounts: issues.map(\.options.count),
                  baseline: .measuredAt(statusQuo, laneWidth: laneWidth))
    }

    /// The parts' links side by side, each part's owners moved to its first lane.
    init(stacking parts: [CompiledLinks], firstLanes: [Int], laneWidth: Int, optionCounts: [Int]) {
        var owner: [Int] = []
        var points: [Int32] = []
        var perIssue = [[(link: Int, accepts: ArraySlice<UInt8>)]](repeating: [], count: max(0, (parts.first?.issueStart.count ?? 1) - 1))
        var baseline = [Int32](repeating: 0, count: laneWidth)
        for (part, first) in zip(parts, firstLanes) {
            let shift = owner.count
            owner += part.owner.map { $0 + first }
            points += part.points
            for e in part.entryIssue.indices {
                let base = part.entryBase[e]
                let width = (e + 1 < part.entryBase.count ? part.entryBase[e + 1] : part.accepts.count) - base
                perIssue[part.entryIssue[e]].append((part.entryLink[e] + shift, part.accepts[base ..< base + width]))
            }
            for (lane, value) in part.statusQuoPoints.enumerated() where value != 0 { baseline[first + lane] = value }
        }
        self.init(owner: owner, points: points, perIssue: perIssue.map { $0.sorted { $0.link < $1.link } },
                  optionCounts: optionCounts, baseline: .given(baseline))
    }

    /// The status quo's link points per lane: measured from the links, or already known.
    private enum Baseline {
        case measuredAt(_ statusQuo: [Int], laneWidth: Int)
        case given([Int32])
    }

    /// Lays the links out entry by entry, issue by issue; `perIssue` holds each issue's
    /// conditions in link order.
    private init(owner: [Int], points: [Int32], perIssue: [[(link: Int, accepts: ArraySlice<UInt8>)]],
                 optionCounts: [Int], baseline: Baseline) {
        var start = [0]
        var entryIssue: [Int] = []
        var entryLink: [Int] = []
        var entryBase: [Int] = []
        var accepts: [UInt8] = []
        var entriesOfLink = [[Int]](repeating: [], count: owner.count)
        for (i, entries) in perIssue.enumerated() {
            for entry in entries {
                entriesOfLink[entry.link].append(entryIssue.count)
                entryIssue.append(i)
                entryLink.append(entry.link)
                entryBase.append(accepts.count)
                accepts += entry.accepts
            }
            start.append(entryIssue.count)
        }
        self.owner = owner
        self.points = points
        conditionEntries = entriesOfLink
        issueStart = start
        self.entryIssue = entryIssue
        self.entryLink = entryLink
        self.entryBase = entryBase
        self.accepts = accepts
        switch baseline {
        case .given(let points):
            statusQuoPoints = points
        case .measuredAt(let statusQuo, let laneWidth):
            var measured = [Int32](repeating: 0, count: laneWidth)
            var statusQuoMisses = [Int](repeating: 0, count: owner.count)
            for e in entryIssue.indices where accepts[entryBase[e] + statusQuo[entryIssue[e]]] == 0 {
                statusQuoMisses[entryLink[e]] += 1
            }
            for l in owner.indices where statusQuoMisses[l] == 0 { measured[owner[l]] &+= points[l] }
            statusQuoPoints = measured
        }
        let steps = Self.steps(
            optionCounts: optionCounts, issueStart: start, entryLink: entryLink, entryBase: entryBase, accepts: accepts)
        stepStart = steps.start
        stepLink = steps.link
        stepChange = steps.change
    }

    /// The step lists (see `stepStart`) of entries laid out by issue, `optionCounts` options each.
    static func steps(optionCounts: [Int], issueStart: [Int], entryLink: [Int], entryBase: [Int], accepts: [UInt8])
        -> (start: [Int], link: [Int], change: [Int32]) {
        var start = [0]
        var link: [Int] = []
        var change: [Int32] = []
        for (i, options) in optionCounts.enumerated() {
            for o in 0..<options {
                if o + 1 < options {
                    for e in issueStart[i]..<issueStart[i + 1] {
                        let now = accepts[entryBase[e] + o], next = accepts[entryBase[e] + o + 1]
                        if now != next {
                            link.append(entryLink[e])
                            change.append(Int32(now) - Int32(next))
                        }
                    }
                }
                start.append(link.count)
            }
        }
        return (start, link, change)
    }

    /// Whether link `link` holds when every issue i is at option `choices[i]`.
    func holds(_ link: Int, choices: (Int) -> Int) -> Bool {
        conditionEntries[link].allSatisfy { accepts[entryBase[$0] + choices(entryIssue[$0])] != 0 }
    }

    /// Each lane's link part of its gain under `choices`, fixed point: the points of its
    /// links that hold, less those that hold at the status quo.
    func gains(choices: [Int]) -> [Int32] {
        var result = statusQuoPoints.map { 0 &- $0 }
        for l in owner.indices where holds(l, choices: { choices[$0] }) { result[owner[l]] &+= points[l] }
        return result
    }
}
