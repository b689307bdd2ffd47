/// What a link can still add to its owner's gain below a branch-and-bound node, so that
/// the bound on every actor's reachable gain counts links exactly (docs/model.md, "How the
/// space is searched").
///
/// At the node of depth d, the issues order[..<d] and the issues that are not free are
/// fixed. A link whose named issues are all fixed is decided: it holds or not as it does in
/// the node's package. Otherwise it *can* still hold when every fixed issue it names is at
/// an option it lists, and it *must* hold when, besides, every free issue it names lists
/// all its options. The best a link can add is its points when they are positive and it can
/// hold, or when they are negative and it must hold; 0 otherwise.
struct LinkBounds {
    /// Links some free issue names, the latest decided first.
    private let undecided: [Int]
    /// Per link: the depth from which every issue it names is fixed.
    private let decidedAt: [Int]
    /// Per link: its entries' positions in `CompiledLinks` (see `conditionStart`).
    private let conditionStart: [Int]
    /// Per condition: its entry, the depth at which its issue is fixed (-1 when the issue is
    /// not free, always fixed), and whether every option of its issue satisfies it.
    private let conditionEntry: [Int]
    private let conditionDepth: [Int]
    private let conditionAcceptsAll: [Bool]
    private let links: CompiledLinks

    init(_ links: CompiledLinks, order: [Int]) {
        self.links = links
        var depthOf = [Int: Int]()
        for (depth, issue) in order.enumerated() { depthOf[issue] = depth }
        var start = [0]
        var entries: [Int] = []
        var depths: [Int] = []
        var acceptsAll: [Bool] = []
        var decided: [Int] = []
        for l in 0..<links.count {
            var last = 0
            for e in links.conditionEntries[l] {
                let depth = depthOf[links.entryIssue[e]] ?? -1
                last = max(last, depth + 1)
                entries.append(e)
                depths.append(depth)
                let base = links.entryBase[e]
                let end = e + 1 < links.entryBase.count ? links.entryBase[e + 1] : links.accepts.count
                acceptsAll.append(links.accepts[base..<end].allSatisfy { $0 != 0 })
            }
            start.append(entries.count)
            decided.append(last)
        }
        decidedAt = decided
        conditionStart = start
        conditionEntry = entries
        conditionDepth = depths
        conditionAcceptsAll = acceptsAll
        undecided = (0..<links.count).filter { decided[$0] > 0 }.sorted { decided[$0] != decided[$1] ? decided[$0] > decided[$1] : $0 < $1 }
    }

    /// Adds to each owner's `slack` (fixed point, per lane) the most its undecided links can
    /// add below the node at `depth` beyond what they add in `state`'s package.
    func addSlack(_ state: ScanState, depth: Int, to slack: UnsafeMutablePointer<Int32>) {
        for l in undecided {
            if decidedAt[l] <= depth { break }
            var canHold = true
            var mustHold = true
            for c in conditionStart[l]..<conditionStart[l + 1] {
                let entry = conditionEntry[c]
                if conditionDepth[c] < depth {
                    if links.accepts[links.entryBase[entry] + state.choices[links.entryIssue[entry]]] == 0 {
                        canHold = false
                        break
                    }
                } else if !conditionAcceptsAll[c] {
                    mustHold = false
                }
            }
            let points = links.points[l]
            let best: Int32 = points > 0 ? (canHold ? points : 0) : (canHold && mustHold ? points : 0)
            let current: Int32 = state.linkMisses[l] == 0 ? points : 0
            slack[links.owner[l]] &+= best &- current
        }
    }
}
