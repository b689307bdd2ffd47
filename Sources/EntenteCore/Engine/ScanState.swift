/// One worker's current package with its gains, red lines, openness and coalition, kept up
/// to date incrementally as single issues change.
///
/// All buffers are allocated once when the worker starts; moving an issue allocates nothing.
final class ScanState {
    let tables: ScanTables
    let choices: UnsafeMutablePointer<Int>
    /// Gains in fixed point, eight actors per vector, padding lanes zero.
    let gainLanes: UnsafeMutablePointer<Lanes>
    /// The same memory read actor by actor.
    let gains: UnsafeMutablePointer<Int32>
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
        gainLanes = .allocate(capacity: tables.chunkCount)
        gains = UnsafeMutableRawPointer(gainLanes).assumingMemoryBound(to: Int32.self)
        redLineHits = .allocate(capacity: max(1, tables.actorCount))
        redLined = .allocate(capacity: tables.wordCount)
        coalition = .allocate(capacity: tables.wordCount)
    }

    deinit {
        choices.deallocate()
        gainLanes.deallocate()
        redLineHits.deallocate()
        redLined.deallocate()
        coalition.deallocate()
    }

    /// Sets every issue from scratch.
    func reset(to package: [Int]) {
        let chunks = tables.chunkCount
        gainLanes.update(repeating: Lanes(repeating: 0), count: chunks)
        redLineHits.update(repeating: 0, count: tables.actorCount)
        redLined.update(repeating: 0, count: tables.wordCount)
        opennessUnits = 0
        for issue in 0..<issueCount {
            choices[issue] = package[issue]
            let flat = tables.optionOffset[issue] + package[issue]
            let row = tables.gainRows + flat * chunks
            for c in 0..<chunks { gainLanes[c] &+= row[c] }
            opennessUnits &+= tables.openness[flat]
            if tables.hasRedLine[flat] { applyRedLines(flat: flat, sign: 1) }
        }
    }

    /// Moves one issue to a neighbouring option (one up or one down), as Gray order does.
    @inline(__always)
    func step(issue: Int, to option: Int) {
        let offset = tables.optionOffset[issue]
        let from = choices[issue]
        let chunks = tables.chunkCount
        if option > from {
            let row = tables.stepRows + (offset + from) * chunks
            for c in 0..<chunks { gainLanes[c] &+= row[c] }
        } else {
            let row = tables.stepRows + (offset + option) * chunks
            for c in 0..<chunks { gainLanes[c] &-= row[c] }
        }
        opennessUnits &+= tables.openness[offset + option] &- tables.openness[offset + from]
        if tables.hasRedLine[offset + from] { applyRedLines(flat: offset + from, sign: -1) }
        if tables.hasRedLine[offset + option] { applyRedLines(flat: offset + option, sign: 1) }
        choices[issue] = option
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
        let redLined = self.redLined
        let gains = gainLanes
        return ActorLanes.above(
            { gains[$0] }, margins: tables.margins, chunks: tables.chunkCount,
            excluding: { redLined[$0] }, into: coalition) != 0
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
