/// What branch and bound precomputes: the order in which issues are fixed, and for every
/// depth of that order how much each actor (and the openness) can still gain from the
/// issues not yet fixed.
final class BoundTables: @unchecked Sendable {
    /// Free issues, the most influential first: the sum over actors of the spread between
    /// an issue's best and worst option for them. Ties keep scenario order.
    let order: [Int]
    /// Depth at which the remaining issues are walked exhaustively in Gray order.
    let leafDepth: Int
    /// `slack + depth * chunkCount`: per actor, Σ over issues order[depth...] of
    /// (best option's gain − option 0's gain). Adding it to the gains of a package whose
    /// unfixed issues sit at option 0 gives each actor's best reachable gain.
    let slack: UnsafeMutablePointer<Lanes>
    /// The same for openness.
    let opennessSlack: [Int64]
    /// Packages below a node at each depth.
    let subtreeSize: [Double]
    /// Red lines of the issues that are not free (off the table or fixed): they always apply.
    let baseRedLined: [UInt64]
    /// Per depth: the issue fixed there, its option count and its first flat option.
    let depthIssue: UnsafeMutablePointer<Int>
    let depthOptions: UnsafeMutablePointer<Int>
    let depthOffset: UnsafeMutablePointer<Int>
    private let chunkCount: Int
    /// The links that some free issue can still change, as `LinkBounds` bounds them.
    let links: LinkBounds?

    /// Leaf walks of at most this many packages: a node's bound costs about as much as
    /// walking a few packages, and prunes far more of them.
    static let leafSize = 16.0

    /// The free issues, the most influential first.
    static func influenceOrder(_ compiled: CompiledScenario, free: [Int]) -> [Int] {
        func spread(_ issue: Int) -> Int64 {
            var total: Int64 = 0
            for a in 0..<compiled.actorCount {
                let values = (0..<compiled.optionCounts[issue]).map {
                    compiled.gainRows[(compiled.optionOffset[issue] + $0) * compiled.laneWidth + a]
                }
                total += Int64(values.max()! - values.min()!)
            }
            return total
        }
        let spreads = Dictionary(uniqueKeysWithValues: free.map { ($0, spread($0)) })
        return free.sorted { spreads[$0]! != spreads[$1]! ? spreads[$0]! > spreads[$1]! : $0 < $1 }
    }

    /// Tables for fixing the issues in `order`; leaf walks start no shallower than
    /// `minimumLeafDepth` (the depth at which the parallel chunks start).
    init(tables: ScanTables, base: [Int], order: [Int], minimumLeafDepth: Int) {
        let compiled = tables.compiled
        let chunks = compiled.chunkCount
        chunkCount = chunks
        func row(_ issue: Int, _ option: Int) -> UnsafeMutablePointer<Lanes> {
            tables.gainRows + (compiled.optionOffset[issue] + option) * chunks
        }
        self.order = order

        var leaf = order.count
        var size = 1.0
        while leaf > minimumLeafDepth, size * Double(compiled.optionCounts[order[leaf - 1]]) <= Self.leafSize {
            leaf -= 1
            size *= Double(compiled.optionCounts[order[leaf]])
        }
        leafDepth = leaf

        slack = .allocate(capacity: (order.count + 1) * chunks)
        slack.initialize(repeating: Lanes(repeating: 0), count: (order.count + 1) * chunks)
        var openness = [Int64](repeating: 0, count: order.count + 1)
        var sizes = [Double](repeating: 1, count: order.count + 1)
        for depth in stride(from: order.count - 1, through: 0, by: -1) {
            let issue = order[depth]
            let options = compiled.optionCounts[issue]
            for c in 0..<chunks {
                var best = row(issue, 0)[c]
                for o in 1..<options { best = pointwiseMax(best, row(issue, o)[c]) }
                slack[depth * chunks + c] = slack[(depth + 1) * chunks + c] &+ (best &- row(issue, 0)[c])
            }
            let offset = compiled.optionOffset[issue]
            let bestOpenness = (0..<options).map { compiled.openness[offset + $0] }.max()!
            openness[depth] = openness[depth + 1] + bestOpenness - compiled.openness[offset]
            sizes[depth] = sizes[depth + 1] * Double(options)
        }
        opennessSlack = openness
        subtreeSize = sizes

        let freeSet = Set(order)
        var red = [UInt64](repeating: 0, count: compiled.wordCount)
        for issue in 0..<compiled.issueCount where !freeSet.contains(issue) {
            let flat = compiled.optionOffset[issue] + base[issue]
            for w in 0..<compiled.wordCount { red[w] |= compiled.redLineRows[flat * compiled.wordCount + w] }
        }
        baseRedLined = red
        depthIssue = .allocate(capacity: max(1, order.count))
        depthIssue.initialize(from: order, count: order.count)
        depthOptions = .allocate(capacity: max(1, order.count))
        depthOptions.initialize(from: order.map { compiled.optionCounts[$0] }, count: order.count)
        depthOffset = .allocate(capacity: max(1, order.count))
        depthOffset.initialize(from: order.map { compiled.optionOffset[$0] }, count: order.count)
        links = compiled.links.isEmpty ? nil : LinkBounds(compiled.links, order: order)
    }

    deinit {
        slack.deallocate()
        depthIssue.deallocate()
        depthOptions.deallocate()
        depthOffset.deallocate()
    }

    func slack(at depth: Int) -> UnsafeMutablePointer<Lanes> { slack + depth * chunkCount }
}
