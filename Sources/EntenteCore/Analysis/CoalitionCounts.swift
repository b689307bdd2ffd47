/// Exact counts of the losing coalitions of a weighted voting game: how many coalitions have
/// each total weight below the quota, and (for Shapley–Shubik) how many of each size.
///
/// The counts are the coefficients of the generating function Π_j (1 + y·x^{w_j}) below
/// x^quota, built once. A player's own factor is then divided out again (deconvolution):
/// the coalitions of the others are c_{−t}[k][v] = c[k][v] − c_{−t}[k − 1][v − w_t]. Counts
/// reach 2^n, so each is a fixed-width unsigned integer of `limbs` 64-bit words, enough for
/// every game's largest count; sums and differences are then exact, whatever the order.
struct CoalitionCounts {
    let weights: [Int]
    let quota: Int
    /// 64-bit words per count: counts are at most 2^(players below the quota).
    let limbs: Int

    init(weights: [Int], quota: Int) {
        self.weights = weights
        self.quota = quota
        limbs = weights.filter { $0 < quota }.count / 64 + 1
    }

    /// For a player of weight `weight`: the coalitions of the others whose weight is below
    /// the quota but reaches it with the player (its swings), by weight only.
    func swings(byWeight table: [UInt64], of weight: Int) -> [UInt64] {
        var others = table
        let low = max(0, quota - weight)
        if weight > 0 && weight < quota {
            others.withUnsafeMutableBufferPointer { cells in
                for v in weight..<quota { Multiword.subtract(cells.baseAddress! + v * limbs, cells.baseAddress! + (v - weight) * limbs, limbs) }
            }
        }
        var total = [UInt64](repeating: 0, count: limbs)
        guard weight > 0 else { return total }
        others.withUnsafeBufferPointer { cells in
            for v in low..<quota { Multiword.add(&total, cells.baseAddress! + v * limbs, limbs) }
        }
        return total
    }

    /// c[v] for v below the quota: coalitions of all players by weight.
    func byWeight() -> [UInt64] {
        var cells = [UInt64](repeating: 0, count: quota * limbs)
        cells[0] = 1
        cells.withUnsafeMutableBufferPointer { table in
            let base = table.baseAddress!
            var players = 0
            for w in weights where w < quota {
                players += 1
                // After j players every count is below 2^j: the higher words are still zero.
                let used = min(limbs, players / 64 + 1)
                if w == 0 {
                    for v in 0..<quota { Multiword.add(base + v * limbs, base + v * limbs, used) }
                    continue
                }
                for v in stride(from: quota - 1, through: w, by: -1) { Multiword.add(base + v * limbs, base + (v - w) * limbs, used) }
            }
        }
        return cells
    }
}

/// The coalitions below the quota by size and weight, each size k kept to the weights a
/// k-coalition can have (from the k lightest to the k heaviest players), for
/// Shapley–Shubik.
struct CoalitionTable {
    let counts: CoalitionCounts
    /// Sizes 0...maxSize can weigh less than the quota.
    let maxSize: Int
    let low: [Int]
    let high: [Int]
    /// Where row k starts in `cells`, in counts.
    let offsets: [Int]
    private(set) var cells: [UInt64]

    /// Words the table of `counts` would take, without building it.
    static func words(_ counts: CoalitionCounts) -> Int {
        let (low, high) = ranges(counts)
        return zip(low, high).reduce(0) { $0 + ($1.1 - $1.0 + 1) } * counts.limbs
    }

    private static func ranges(_ counts: CoalitionCounts) -> (low: [Int], high: [Int]) {
        let eligible = counts.weights.filter { $0 < counts.quota }.sorted()
        var low = [0], high = [0]
        for k in stride(from: 1, through: eligible.count, by: 1) {
            let lightest = low[k - 1] + eligible[k - 1]
            guard lightest < counts.quota else { break }
            low.append(lightest)
            high.append(min(counts.quota - 1, high[k - 1] + eligible[eligible.count - k]))
        }
        return (low, high)
    }

    init(_ counts: CoalitionCounts) {
        self.counts = counts
        (low, high) = Self.ranges(counts)
        maxSize = low.count - 1
        var offsets: [Int] = []
        var total = 0
        for k in 0...maxSize {
            offsets.append(total)
            total += high[k] - low[k] + 1
        }
        self.offsets = offsets
        let limbs = counts.limbs
        cells = [UInt64](repeating: 0, count: total * limbs)
        cells[0] = 1
        let (low, high, maxSize) = (self.low, self.high, self.maxSize)
        cells.withUnsafeMutableBufferPointer { table in
            let base = table.baseAddress!
            var players = 0
            for w in counts.weights where w < counts.quota {
                players += 1
                let used = min(limbs, players / 64 + 1)
                // Sizes from the top down, so row k − 1 still holds the counts without this player.
                for k in stride(from: min(players, maxSize), through: 1, by: -1) {
                    let from = max(low[k], low[k - 1] + w), to = min(high[k], high[k - 1] + w)
                    guard from <= to else { continue }
                    let row = base + (offsets[k] - low[k]) * limbs, previous = base + (offsets[k - 1] - low[k - 1]) * limbs
                    for v in from...to { Multiword.add(row + v * limbs, previous + (v - w) * limbs, used) }
                }
            }
        }
    }

    /// For a player of weight `weight`: its swings by the size of the coalition of others
    /// it joins, N[k] = #{S ∌ player : |S| = k, quota − weight ≤ w(S) < quota}.
    func swingsBySize(of weight: Int) -> [[UInt64]] {
        let limbs = counts.limbs, quota = counts.quota
        var result = [[UInt64]](repeating: [UInt64](repeating: 0, count: limbs), count: maxSize + 1)
        guard weight > 0 else { return result }
        let deconvolve = weight < quota
        // The others' counts of the previous size and of this one, each over its row's weights.
        let widest = (0...maxSize).map { high[$0] - low[$0] + 1 }.max()!
        var previous = [UInt64](repeating: 0, count: widest * limbs)
        var current = [UInt64](repeating: 0, count: widest * limbs)
        cells.withUnsafeBufferPointer { table in
            for k in 0...maxSize {
                let source = table.baseAddress! + offsets[k] * limbs
                let width = high[k] - low[k] + 1
                current.withUnsafeMutableBufferPointer { row in
                    let out = row.baseAddress!
                    out.update(from: source, count: width * limbs)
                    if deconvolve && k > 0 {
                        // c_{−t}[k][v] = c[k][v] − c_{−t}[k − 1][v − w], where row k − 1 has v − w.
                        let from = max(low[k], low[k - 1] + weight), to = min(high[k], high[k - 1] + weight)
                        if from <= to {
                            previous.withUnsafeBufferPointer { prior in
                                for v in from...to {
                                    Multiword.subtract(out + (v - low[k]) * limbs, prior.baseAddress! + (v - weight - low[k - 1]) * limbs, limbs)
                                }
                            }
                        }
                    }
                    let window = max(low[k], quota - weight)
                    if window <= high[k] {
                        for v in window...high[k] { Multiword.add(&result[k], out + (v - low[k]) * limbs, limbs) }
                    }
                }
                swap(&previous, &current)
            }
        }
        return result
    }
}

/// Unsigned integers of a fixed number of 64-bit words, least significant first.
enum Multiword {
    /// `target += addend`, both `limbs` words; the caller guarantees the sum fits.
    @inline(__always)
    static func add(_ target: UnsafeMutablePointer<UInt64>, _ addend: UnsafePointer<UInt64>, _ limbs: Int) {
        var carry: UInt64 = 0
        for i in 0..<limbs {
            let (partial, overflow1) = target[i].addingReportingOverflow(addend[i])
            let (sum, overflow2) = partial.addingReportingOverflow(carry)
            target[i] = sum
            carry = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
        }
    }

    static func add(_ target: UnsafeMutablePointer<UInt64>, _ addend: UnsafeMutablePointer<UInt64>, _ limbs: Int) {
        add(target, UnsafePointer(addend), limbs)
    }

    static func add(_ target: inout [UInt64], _ addend: UnsafePointer<UInt64>, _ limbs: Int) {
        target.withUnsafeMutableBufferPointer { add($0.baseAddress!, addend, limbs) }
    }

    static func add(_ target: inout [UInt64], _ addend: UnsafeMutablePointer<UInt64>, _ limbs: Int) {
        add(&target, UnsafePointer(addend), limbs)
    }

    /// `target −= subtrahend`; the caller guarantees the result is not negative.
    @inline(__always)
    static func subtract(_ target: UnsafeMutablePointer<UInt64>, _ subtrahend: UnsafePointer<UInt64>, _ limbs: Int) {
        var borrow: UInt64 = 0
        for i in 0..<limbs {
            let (partial, overflow1) = target[i].subtractingReportingOverflow(subtrahend[i])
            let (difference, overflow2) = partial.subtractingReportingOverflow(borrow)
            target[i] = difference
            borrow = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
        }
    }

    static func subtract(_ target: UnsafeMutablePointer<UInt64>, _ subtrahend: UnsafeMutablePointer<UInt64>, _ limbs: Int) {
        subtract(target, UnsafePointer(subtrahend), limbs)
    }

    /// The number as m · 2^e with 1 ≤ m < 2^64 taken from its top 128 bits (0 for zero), so
    /// numbers beyond a double's range keep their double-precision digits.
    static func split(_ words: [UInt64]) -> (mantissa: Double, exponent: Int) {
        guard let top = words.lastIndex(where: { $0 != 0 }) else { return (0, 0) }
        let low = top > 0 ? Double(words[top - 1]) / 18_446_744_073_709_551_616.0 : 0
        return (Double(words[top]) + low, 64 * top)
    }

    /// The number's binary logarithm (−∞ for zero).
    static func log2(_ words: [UInt64]) -> Double {
        let (mantissa, exponent) = split(words)
        return Foundation.log2(mantissa) + Double(exponent)
    }

    /// a / b for b > 0, to double precision.
    static func ratio(_ a: [UInt64], _ b: [UInt64]) -> Double {
        let (ma, ea) = split(a), (mb, eb) = split(b)
        return ma / mb * Foundation.pow(2, Double(ea - eb))
    }

    /// The sum of `numbers`, each of fewer than `limbs` words, in `limbs` words.
    static func sum(_ numbers: [[UInt64]], limbs: Int) -> [UInt64] {
        var total = [UInt64](repeating: 0, count: limbs)
        for number in numbers {
            let padded = number + [UInt64](repeating: 0, count: limbs - number.count)
            padded.withUnsafeBufferPointer { add(&total, $0.baseAddress!, limbs) }
        }
        return total
    }
}

import Foundation
