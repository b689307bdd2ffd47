/// Finds the undominated points of a set (the skyline) by sort-filter-skyline.
///
/// Points are sorted by the sum of their coordinates, largest first. A point that dominates
/// another has a strictly larger sum, so it comes first; each point is then compared only
/// with the skyline found so far. Coordinates are fixed-point integers, so sums and
/// comparisons are exact.
enum Skyline {
    /// Indices of the points of `flat` (`dimensions` coordinates each) that no other point
    /// dominates. Equal points do not dominate each other and are all kept.
    static func undominated(_ flat: [Int32], dimensions: Int) -> [Int] {
        guard dimensions > 0 else { return [] }
        let count = flat.count / dimensions
        return flat.withUnsafeBufferPointer { points in
            var sums = [Int64](repeating: 0, count: count)
            for p in 0..<count {
                for d in 0..<dimensions { sums[p] += Int64(points[p * dimensions + d]) }
            }
            let order = (0..<count).sorted { sums[$0] != sums[$1] ? sums[$0] > sums[$1] : $0 < $1 }
            var skyline: [Int] = []
            for candidate in order {
                let dominated = skyline.contains { member in
                    sums[member] > sums[candidate]
                        && dominates(points, member, candidate, dimensions)
                }
                if !dominated { skyline.append(candidate) }
            }
            return skyline
        }
    }

    /// True when point a is at least as good as b everywhere (a strictly larger sum then
    /// makes it better somewhere).
    private static func dominates(_ points: UnsafeBufferPointer<Int32>, _ a: Int, _ b: Int, _ dimensions: Int) -> Bool {
        for d in 0..<dimensions where points[a * dimensions + d] < points[b * dimensions + d] { return false }
        return true
    }
}
