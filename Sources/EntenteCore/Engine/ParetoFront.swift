/// Builds a group's Pareto set one block of issues at a time, without visiting the space.
///
/// A package's gains are the base package's plus one term per block (the change its block's
/// options make), because an actor's gain is a sum of per-issue terms and a link's points
/// depend only on the issues it names, which share a block. So if a package's options on
/// the first k blocks are dominated by another choice for those blocks, every completion
/// of it is dominated by the same completion of the other: only the skyline of the first k
/// blocks needs extending by block k + 1. A partial package that cannot reach every
/// member's margin even with each later block's best gain for that member is dropped too;
/// it could never dominate a candidate (whatever dominates a candidate is one). After the
/// last block, the survivors are exactly the candidates no candidate dominates.
/// docs/model.md, "Pareto set", gives the argument in full.
///
/// Every gain comes from the engine's own evaluation of whole packages, so the set's gains
/// are those `PackageEvaluator` reports, to the last unit.
struct ParetoFront {
    let tables: ScanTables
    let group: [Int]
    let base: [Int]
    /// The free issues in blocks, in order of their first issue.
    let blocks: [[Int]]

    /// The free issues grouped so that the issues one link of a group member names (both
    /// free) share a block; without links, every free issue is a block of its own.
    static func blocks(of free: [Int], linkedFor group: [Int], in scenario: Scenario) -> [[Int]] {
        var root = Dictionary(uniqueKeysWithValues: free.map { ($0, $0) })
        func find(_ issue: Int) -> Int {
            var issue = issue
            while root[issue]! != issue { issue = root[issue]! }
            return issue
        }
        for actor in group {
            for link in scenario.actors[actor].links {
                let issues = link.when.compactMap { scenario.issueIndex($0.issue) }.filter { root[$0] != nil }
                for issue in issues.dropFirst() {
                    let (a, b) = (find(issues[0]), find(issue))
                    root[max(a, b)] = min(a, b)
                }
            }
        }
        return Dictionary(grouping: free, by: find).values.sorted { $0[0] < $1[0] }
    }

    /// The Pareto set: each package with the group's gains (`group.count` per package, in
    /// package order); nil when `stop` stopped the search first.
    func undominated(stop: StopCondition) -> (packages: [Package], gains: [Int32])? {
        let dimensions = group.count
        let state = ScanState(tables)
        state.reset(to: base)
        let baseGains = group.map { state.gains[$0] }
        let groupWords = ActorSet(capacity: tables.compiled.actorCount, members: group).words
        let compiled = tables.compiled
        func redLinesMember(_ issue: Int, _ option: Int) -> Bool {
            let row = (compiled.optionOffset[issue] + option) * compiled.wordCount
            return groupWords.indices.contains { compiled.redLineRows[row + $0] & groupWords[$0] != 0 }
        }
        let free = Set(blocks.joined())
        if base.indices.contains(where: { !free.contains($0) && redLinesMember($0, base[$0]) }) { return ([], []) }
        let terms = blocks.map { blockTerms($0, state: state, baseGains: baseGains, excluding: redLinesMember) }
        // best[k][d]: the most member d can still gain from blocks k and later.
        var best = [[Int64]](repeating: Array(repeating: 0, count: dimensions), count: blocks.count + 1)
        for k in stride(from: blocks.count - 1, through: 0, by: -1) {
            for d in 0..<dimensions {
                let most = terms[k].map { Int64($0.gains[d]) }.max() ?? Int64(Int32.min)
                best[k][d] = best[k + 1][d] + most
            }
        }
        let margins = group.map { Int64(tables.compiled.margins[$0]) }
        func reachable(_ gains: ArraySlice<Int32>, after k: Int) -> Bool {
            for d in 0..<dimensions where Int64(gains[gains.startIndex + d]) + best[k][d] <= margins[d] { return false }
            return true
        }

        let width = base.count
        var choices = base.map { UInt8($0) }
        var gains = baseGains
        if !reachable(gains[...], after: 0) { return ([], []) }
        for (k, block) in blocks.enumerated() {
            if stop.check() { return nil }
            var nextChoices: [UInt8] = []
            var nextGains: [Int32] = []
            let count = gains.count / max(1, dimensions)
            nextChoices.reserveCapacity(count * terms[k].count * width)
            nextGains.reserveCapacity(count * terms[k].count * dimensions)
            var extended = [Int32](repeating: 0, count: dimensions)
            for p in 0..<count {
                for term in terms[k] {
                    for d in 0..<dimensions { extended[d] = gains[p * dimensions + d] &+ term.gains[d] }
                    guard reachable(extended[...], after: k + 1) else { continue }
                    let start = nextChoices.count
                    nextChoices.append(contentsOf: choices[p * width ..< (p + 1) * width])
                    for (position, issue) in block.enumerated() { nextChoices[start + issue] = term.options[position] }
                    nextGains.append(contentsOf: extended)
                }
            }
            let kept = Skyline.undominated(nextGains, dimensions: dimensions)
            choices = kept.flatMap { nextChoices[$0 * width ..< ($0 + 1) * width] }
            gains = kept.flatMap { nextGains[$0 * dimensions ..< ($0 + 1) * dimensions] }
        }
        let count = gains.count / max(1, dimensions)
        let packages = (0..<count).map { p in Package(choices: choices[p * width ..< (p + 1) * width].map { Int($0) }) }
        let order = packages.indices.sorted { packages[$0] < packages[$1] }
        return (order.map { packages[$0] }, order.flatMap { gains[$0 * dimensions ..< ($0 + 1) * dimensions] })
    }

    /// A block's option combinations in which no option is a member's red line, each with
    /// the change of the group's gains it makes against the base package.
    private func blockTerms(
        _ block: [Int], state: ScanState, baseGains: [Int32], excluding redLined: (Int, Int) -> Bool
    ) -> [(options: [UInt8], gains: [Int32])] {
        let radices = block.map { tables.compiled.optionCounts[$0] }
        var digits = [Int](repeating: 0, count: block.count)
        var package = base
        var terms: [(options: [UInt8], gains: [Int32])] = []
        while true {
            if !block.indices.contains(where: { redLined(block[$0], digits[$0]) }) {
                for (position, issue) in block.enumerated() { package[issue] = digits[position] }
                state.reset(to: package)
                terms.append((digits.map { UInt8($0) }, group.indices.map { state.gains[group[$0]] &- baseGains[$0] }))
            }
            var position = 0
            while position < block.count {
                digits[position] += 1
                if digits[position] < radices[position] { break }
                digits[position] = 0
                position += 1
            }
            if position == block.count { return terms }
        }
    }
}
