import CScanKernel

/// One worker's current package with its gains, red lines, openness and coalition, kept up
/// to date incrementally by the scanning kernel as single issues change.
///
/// All buffers are allocated once when the worker starts; moving an issue allocates nothing.
final class ScanState {
    let tables: ScanTables
    /// The kernel's view of this package; its pointers are the buffers below.
    let kernelPackage: UnsafeMutablePointer<EntentePackage>
    let kernel: EntenteScanKernel
    let choices: UnsafeMutablePointer<Int>
    /// Gains in fixed point, eight actors per vector, padding lanes zero.
    let gainLanes: UnsafeMutablePointer<Lanes>
    /// The same memory read actor by actor.
    let gains: UnsafeMutablePointer<Int32>
    /// How many red lines of each actor the current package contains.
    let redLineHits: UnsafeMutablePointer<Int32>
    /// Actors with at least one red line in the current package.
    let redLined: UnsafeMutablePointer<UInt64>
    /// Actors who gain more than their margin and hit no red line (after `updateCoalition`,
    /// and for every package a walk shows its worker).
    let coalition: UnsafeMutablePointer<UInt64>
    /// Per link, how many of its conditions the current package fails (it holds at 0).
    let linkMisses: UnsafeMutablePointer<Int32>
    var opennessUnits: Int64 { kernelPackage.pointee.opennessUnits }
    let issueCount: Int

    init(_ tables: ScanTables) {
        self.tables = tables
        kernel = tables.kernel.functions
        issueCount = tables.compiled.issueCount
        choices = .allocate(capacity: max(1, issueCount))
        gainLanes = .allocate(capacity: tables.chunkCount)
        gains = UnsafeMutableRawPointer(gainLanes).assumingMemoryBound(to: Int32.self)
        redLineHits = .allocate(capacity: max(1, tables.actorCount))
        redLined = .allocate(capacity: tables.wordCount)
        coalition = .allocate(capacity: tables.wordCount)
        linkMisses = .allocate(capacity: max(1, tables.linkCount))
        kernelPackage = .allocate(capacity: 1)
        kernelPackage.initialize(to: EntentePackage(
            gains: gains, redLineHits: redLineHits, redLined: redLined, coalition: coalition,
            choices: choices, linkMisses: linkMisses, opennessUnits: 0))
    }

    deinit {
        choices.deallocate()
        gainLanes.deallocate()
        redLineHits.deallocate()
        redLined.deallocate()
        coalition.deallocate()
        linkMisses.deallocate()
        kernelPackage.deallocate()
    }

    /// Sets every issue from scratch.
    func reset(to package: [Int]) {
        let chunks = tables.chunkCount
        gainLanes.update(repeating: Lanes(repeating: 0), count: chunks)
        redLineHits.update(repeating: 0, count: tables.actorCount)
        redLined.update(repeating: 0, count: tables.wordCount)
        var openness: Int64 = 0
        for issue in 0..<issueCount {
            choices[issue] = package[issue]
            let flat = tables.optionOffset[issue] + package[issue]
            let row = tables.gainRows + flat * chunks
            for c in 0..<chunks { gainLanes[c] &+= row[c] }
            openness &+= tables.openness[flat]
            if tables.hasRedLine[flat] { countRedLines(flat: flat) }
        }
        kernelPackage.pointee.opennessUnits = openness
        if tables.linkCount > 0 { resetLinks() }
    }

    /// Counts every link's misses from scratch and adds the link part of each gain: the
    /// points of the links that hold, less those that hold at the status quo.
    private func resetLinks() {
        let links = tables.compiled.links
        linkMisses.update(repeating: 0, count: tables.linkCount)
        for e in links.entryIssue.indices where links.accepts[links.entryBase[e] + choices[links.entryIssue[e]]] == 0 {
            linkMisses[links.entryLink[e]] += 1
        }
        for a in 0..<tables.compiled.laneWidth where links.statusQuoPoints[a] != 0 {
            gains[a] &-= links.statusQuoPoints[a]
        }
        for l in 0..<tables.linkCount where linkMisses[l] == 0 { gains[links.owner[l]] &+= links.points[l] }
    }

    /// Moves one issue to a neighbouring option (one up or one down), as Gray order does.
    @inline(__always)
    func step(issue: Int, to option: Int) {
        kernel.step(tables.kernelTables, kernelPackage, issue, option)
    }

    private func countRedLines(flat: Int) {
        let words = tables.wordCount
        for w in 0..<words {
            var bits = tables.redLineRows[flat * words + w]
            while bits != 0 {
                let a = w << 6 | bits.trailingZeroBitCount
                redLineHits[a] += 1
                redLined[w] |= 1 << UInt64(a & 63)
                bits &= bits - 1
            }
        }
    }

    /// Recomputes the coalition: actors whose gain exceeds their margin and who hit no red line.
    /// Returns false when the coalition is empty.
    func updateCoalition() -> Bool {
        kernel.coalition(tables.kernelTables, kernelPackage)
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
