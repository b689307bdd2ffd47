import Dispatch
import Synchronization

/// Finds the undominated points of a set (the skyline): divide and conquer on two cores,
/// sort-filter-skyline over a lattice of regions within each half.
///
/// Within a half, points are sorted by the sum of their coordinates, largest first. A point
/// that dominates another has a strictly larger sum, so it comes first; each point is then
/// compared only with the skyline found so far. Coordinates are fixed-point integers, so
/// sums and comparisons are exact. The two halves' skylines are then filtered against each
/// other, again on both cores: a point of one half survives when no point of the other
/// half's skyline dominates it.
enum Skyline {
    /// Indices of the points of `flat` (`dimensions` coordinates each) that no other point
    /// dominates, in increasing order. Equal points do not dominate each other and are all kept.
    static func undominated(_ flat: [Int32], dimensions: Int) -> [Int] {
        guard dimensions > 0 else { return [] }
        let points = Points(flat, dimensions: dimensions)
        let count = points.count
        let all = Array(0..<count)
        guard count >= 4096 else { return Lattice(points, room: all).insertUndominated(all).sorted() }
        let halves = [Array(0..<count / 2), Array(count / 2..<count)]
        let skylines = Mutex([[Int]](repeating: [], count: 2))
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let skyline = Lattice(points, room: halves[half]).insertUndominated(halves[half])
            skylines.withLock { $0[half] = skyline }
        }
        let kept = Mutex([[Int]](repeating: [], count: 2))
        let found = skylines.withLock { $0 }
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let other = Lattice(points, room: found[1 - half])
            other.insert(found[1 - half])
            let survivors = found[half].filter { !other.dominates($0) }
            kept.withLock { $0[half] = survivors }
        }
        return kept.withLock { ($0[0] + $0[1]).sorted() }
    }

    /// The points padded to whole eight-lane vectors (padding lanes zero on every point, so
    /// they never decide a comparison), with their sums, in buffers read without checks.
    final class Points: @unchecked Sendable {
        let count: Int
        let vectors: Int
        let lanes: UnsafeMutablePointer<SIMD8<Int32>>
        let sums: UnsafeMutablePointer<Int64>
        /// The median of each of the first eight coordinates, from a sample: the lattice's pivot.
        let pivot: [Int32]

        init(_ flat: [Int32], dimensions: Int) {
            let count = flat.count / dimensions
            let vectors = (dimensions + 7) / 8
            lanes = .allocate(capacity: max(1, count * vectors))
            lanes.initialize(repeating: .zero, count: max(1, count * vectors))
            sums = .allocate(capacity: max(1, count))
            sums.initialize(repeating: 0, count: max(1, count))
            for p in 0..<count {
                for d in 0..<dimensions {
                    let value = flat[p * dimensions + d]
                    lanes[p * vectors + d / 8][d % 8] = value
                    sums[p] += Int64(value)
                }
            }
            let stride = max(1, count / 4096)
            pivot = (0..<min(8, dimensions)).map { d in
                let sample = Swift.stride(from: 0, to: count, by: stride).map { flat[$0 * dimensions + d] }.sorted()
                return sample.isEmpty ? 0 : sample[sample.count / 2]
            }
            self.count = count
            self.vectors = vectors
        }

        deinit {
            lanes.deallocate()
            sums.deallocate()
        }

        /// True when point a is at least as good as b everywhere and has the larger sum, so
        /// is better somewhere.
        @inline(__always)
        func dominates(_ a: Int, _ b: Int) -> Bool {
            guard sums[a] > sums[b] else { return false }
            for v in 0..<vectors where any(lanes[a * vectors + v] .< lanes[b * vectors + v]) { return false }
            return true
        }

        /// The lattice region of a point: bit d is set when it reaches the pivot in coordinate d.
        @inline(__always)
        func region(_ p: Int) -> Int {
            var region = 0
            for d in 0..<pivot.count where lanes[p * vectors + d / 8][d % 8] >= pivot[d] { region |= 1 << d }
            return region
        }
    }

    /// Points kept in regions of a lattice. A point that dominates another reaches the pivot
    /// wherever the other does, so its region holds every bit of the other's: a point is
    /// compared only with the members of its own region and the regions above it.
    ///
    /// Each region's members are copied side by side (their lanes and sums), in insertion
    /// order, so a region is read straight through memory.
    final class Lattice {
        let points: Points
        private let full: Int
        /// Region r's members fill the slots `start[r] ..< start[r] + filled[r]`; it has room
        /// for every point that may join it.
        private let start: UnsafeMutablePointer<Int>
        private let filled: UnsafeMutablePointer<Int>
        private let slotLanes: UnsafeMutablePointer<SIMD8<Int32>>
        private let slotSums: UnsafeMutablePointer<Int64>
        /// The slot of the member that dominated the last dominated point: points that follow
        /// one another in sum order are often dominated by the same member, so it is tried first.
        private var lastDominator = -1

        /// An empty lattice with room for `candidates`, the points that may become members.
        init(_ points: Points, room candidates: [Int]) {
            self.points = points
            full = (1 << points.pivot.count) - 1
            start = .allocate(capacity: full + 2)
            start.initialize(repeating: 0, count: full + 2)
            filled = .allocate(capacity: full + 1)
            filled.initialize(repeating: 0, count: full + 1)
            for candidate in candidates { start[points.region(candidate) + 1] += 1 }
            for region in 0...full { start[region + 1] += start[region] }
            slotLanes = .allocate(capacity: max(1, candidates.count * points.vectors))
            slotSums = .allocate(capacity: max(1, candidates.count))
        }

        deinit {
            start.deallocate()
            filled.deallocate()
            slotLanes.deallocate()
            slotSums.deallocate()
        }

        func insert(_ members: [Int]) {
            for member in members { append(member, region: points.region(member)) }
        }

        /// Sort-filter-skyline: inserts, largest sum first, each of `candidates` (all within
        /// the lattice's room) that no member dominates; returns them.
        func insertUndominated(_ candidates: [Int]) -> [Int] {
            let sums = points.sums
            let order = candidates.sorted { sums[$0] != sums[$1] ? sums[$0] > sums[$1] : $0 < $1 }
            var kept: [Int] = []
            for candidate in order {
                let region = points.region(candidate)
                if !dominates(candidate, region: region) {
                    append(candidate, region: region)
                    kept.append(candidate)
                }
            }
            return kept
        }

        /// True when a member dominates point `p`.
        func dominates(_ p: Int) -> Bool { dominates(p, region: points.region(p)) }

        /// Visits the regions above `region` from the top down: points in the highest
        /// regions are the likeliest to dominate.
        private func dominates(_ p: Int, region: Int) -> Bool {
            let vectors = points.vectors
            let lanes = points.lanes + p * vectors
            let sum = points.sums[p]
            @inline(__always) func slotDominates(_ slot: Int) -> Bool {
                guard slotSums[slot] > sum else { return false }
                for v in 0..<vectors where any(slotLanes[slot * vectors + v] .< lanes[v]) { return false }
                return true
            }
            if lastDominator >= 0 && slotDominates(lastDominator) { return true }
            let free = full & ~region
            var extra = free
            while true {
                let above = region | extra
                let first = start[above]
                for slot in first ..< first + filled[above] where slotDominates(slot) {
                    lastDominator = slot
                    return true
                }
                if extra == 0 { return false }
                extra = (extra - 1) & free
            }
        }

        private func append(_ member: Int, region: Int) {
            let slot = start[region] + filled[region]
            precondition(slot < start[region + 1], "a lattice member beyond the room it was made for")
            filled[region] += 1
            (slotLanes + slot * points.vectors).initialize(from: points.lanes + member * points.vectors, count: points.vectors)
            slotSums[slot] = points.sums[member]
        }
    }
}
