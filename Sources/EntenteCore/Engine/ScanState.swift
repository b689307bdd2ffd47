/// One worker's current package with its gains, red lines, openness and coalition, kept up
/// to date incrementally as single issues change.
///
/// All buffers are allocated once when the worker starts; moving an issue allocates nothing.
final class ScanState {
    let tables: ScanTables
    let choices: UnsafeMutablePointer<Int>
    let gains: UnsafeMutablePointer<Int64>
    /// How many red lines of each actor the current package contains.
    let redLineHits: UnsafeMutablePointer<Int32>
    /// Actors with at least one red line in the current package.
    let redLined: UnsafeMutablePointer<UInt64>
    /// Actors who gain more than their margin and hit no red line (after `updateCoalition`).
    let coalition: UnsafeMutablePointer<UInt64>
    private(set) var opennessUnits: Int64 = 0
    let issueCount: Int

    init(_ tables: ScanTables) {
        self.tables = tables
        issueCount = tables.compiled.issueCount
        choices = .allocate(capacity: max(1, issueCount))
        gains = .allocate(capacity: max(1, tables.actorCount))
        redLineHits = .allocate(capacity: max(1, tables.actorCount))
        redLined = .allocate(capacity: tables.wordCount)
        coalition = .allocate(capacity: tables.wordCount)
    }

    deinit {
        choices.deallocate()
        gains.deallocate()
        redLineHits.deallocate()
        redLined.deallocate()
        coalition.deallocate()
    }

    /// Sets every issue from scratch.
    func reset(to package: [Int]) {
        gains.update(repeating: 0, count: tables.actorCount)
        redLineHits.update(repeating: 0, count: tables.actorCount)
        redLined.update(repeating: 0, count: tables.wordCount)
        opennessUnits = 0
        for issue in 0..<issueCount {
            choices[issue] = package[issue]
            apply(flat: tables.optionOffset[issue] + package[issue], sign: 1)
        }
    }

    /// Changes one issue's option, updating gains, red lines and openness.
    @inline(__always)
    func move(issue: Int, to option: Int) {
        let offset = tables.optionOffset[issue]
        apply(flat: offset + choices[issue], sign: -1)
        apply(flat: offset + option, sign: 1)
        choices[issue] = option
    }

    @inline(__always)
    private func apply(flat: Int, sign: Int64) {
        let n = tables.actorCount
        let row = tables.gainRows.baseAddress! + flat * n
        if sign > 0 {
            for a in 0..<n { gains[a] &+= row[a] }
        } else {
            for a in 0..<n { gains[a] &-= row[a] }
        }
        opennessUnits &+= sign * tables.openness[flat]
        if tables.hasRedLine[flat] { applyRedLines(flat: flat, sign: Int32(sign)) }
    }

    private func applyRedLines(flat: Int, sign: Int32) {
        let words = tables.wordCount
        for w in 0..<words {
            var bits = tables.redLineRows[flat * words + w]
            while bits != 0 {
                let a = w << 6 | bits.trailingZeroBitCount
                redLineHits[a] += sign
                let bit: UInt64 = 1 << UInt64(a & 63)
                if redLineHits[a] > 0 { redLined[w] |= bit } else { redLined[w] &= ~bit }
                bits &= bits - 1
            }
        }
    }

    /// Recomputes the coalition: actors whose gain exceeds their margin and who hit no red line.
    /// Returns false when the coalition is empty.
    @inline(__always)
    func updateCoalition() -> Bool {
        let n = tables.actorCount
        let margins = tables.margins.baseAddress!
        var any: UInt64 = 0
        var w = 0
        var start = 0
        while start < n {
            let end = min(start + 64, n)
            var bits: UInt64 = 0
            for a in start..<end where gains[a] > margins[a] {
                bits |= 1 << UInt64(a - start)
            }
            bits &= ~redLined[w]
            coalition[w] = bits
            any |= bits
            w += 1
            start = end
        }
        return any != 0
    }

    /// The current package's choices as an array (allocates; for results only).
    var package: [Int] { Array(UnsafeBufferPointer(start: choices, count: issueCount)) }

    /// Compares the current package with `other` in package order.
    func precedes(_ other: [Int]) -> Bool {
        for issue in 0..<issueCount where choices[issue] != other[issue] {
            return choices[issue] < other[issue]
        }
        return false
    }
}
