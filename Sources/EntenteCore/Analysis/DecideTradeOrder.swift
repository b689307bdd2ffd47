/// The order in which Decide takes a round's possible trades: before each trade it sorts the
/// remaining ones by gain, highest first, with a stable sort, and takes the first. So among
/// equal gains the one that came first in the previous sort wins, and so on back to the
/// order the trades were built in. This keeps that order without sorting: a tournament tree
/// whose comparison walks back through each trade's earlier gains only on an exact tie.
struct DecideTradeOrder {
    /// Per trade, its gains with the pick from which each held, oldest first.
    private var history: [[(since: Int, gain: Decimal28)]]
    /// Each trade's gain now, as a double: most comparisons are settled by it.
    private var rough: [Double]
    private var tree: [Int]
    private let leaves: Int

    init(gains: [Decimal28]) {
        history = gains.map { [(0, $0)] }
        rough = gains.map(\.roughDouble)
        var size = 1
        while size < max(1, gains.count) { size *= 2 }
        leaves = size
        tree = [Int](repeating: -1, count: 2 * size)
        for index in gains.indices { tree[size + index] = index }
        for node in stride(from: size - 1, through: 1, by: -1) { tree[node] = better(tree[2 * node], tree[2 * node + 1]) }
    }

    /// The trade Decide takes next, if any is left.
    var first: Int? { tree[1] >= 0 ? tree[1] : nil }

    /// The trade is gone: taken, or no longer valid.
    mutating func remove(_ index: Int) {
        tree[leaves + index] = -1
        climb(from: leaves + index)
    }

    /// The trade's gain from pick `pick` on.
    mutating func update(_ index: Int, gain: Decimal28, pick: Int) {
        history[index].append((pick, gain))
        rough[index] = gain.roughDouble
        climb(from: leaves + index)
    }

    private mutating func climb(from leaf: Int) {
        var node = leaf / 2
        while node >= 1 {
            tree[node] = better(tree[2 * node], tree[2 * node + 1])
            node /= 2
        }
    }

    private func better(_ a: Int, _ b: Int) -> Int {
        if a < 0 { return b }
        if b < 0 { return a }
        return precedes(a, b) ? a : b
    }

    /// Whether a comes before b in Decide's list: higher gain now, or on a tie higher gain at
    /// the latest pick where they differed, or else built first.
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        let (ra, rb) = (rough[a], rough[b])
        if abs(ra - rb) > 1e-12 * max(abs(ra), abs(rb)) { return ra > rb }
        var ia = history[a].count - 1, ib = history[b].count - 1
        while true {
            let ga = history[a][ia].gain, gb = history[b][ib].gain
            if ga != gb { return ga > gb }
            let boundary = max(history[a][ia].since, history[b][ib].since)
            if boundary == 0 { return a < b }
            if history[a][ia].since == boundary { ia -= 1 }
            if history[b][ib].since == boundary { ib -= 1 }
        }
    }
}
