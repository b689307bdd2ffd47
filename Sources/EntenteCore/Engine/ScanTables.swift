import CScanKernel

/// The compiled tables copied into raw, vector-aligned buffers once per search, so that the
/// scanning kernel reads them without bounds checks, reference counting or allocation.
///
/// Shared read-only by all workers of a search; freed with the last reference.
final class ScanTables: @unchecked Sendable {
    let compiled: CompiledScenario
    let actorCount: Int
    let wordCount: Int
    let chunkCount: Int
    /// Row f is vectors `f * chunkCount ..< (f + 1) * chunkCount`.
    let gainRows: UnsafeMutablePointer<Lanes>
    let stepRows: UnsafeMutablePointer<Lanes>
    let margins: UnsafeMutablePointer<Lanes>
    let redLineRows: UnsafeMutableBufferPointer<UInt64>
    let hasRedLine: UnsafeMutableBufferPointer<Bool>
    let openness: UnsafeMutableBufferPointer<Int64>
    let optionOffset: UnsafeMutableBufferPointer<Int>
    /// `capabilityTable[byte * 256 + value]`: the capability units of the actors whose bits
    /// are set in `value`, the byte-th byte of a coalition.
    let capabilityTable: UnsafeMutableBufferPointer<Int64>
    let byteCount: Int
    /// Grouping g's members are words `g * wordCount ..< (g + 1) * wordCount`.
    let groupingWords: UnsafeMutableBufferPointer<UInt64>
    let groupingSizes: UnsafeMutableBufferPointer<Int>
    let groupingCount: Int
    /// The scenario's rules folded into one test (`CoalitionMeasures.allRulesHold`): the
    /// largest member count and capability share any rule asks for, the actors some rule
    /// requires, and, `wordCount` words per rule, each include-any rule's candidates.
    let ruleMembers: Int
    let ruleShare: Double
    let ruleRequired: UnsafeMutableBufferPointer<UInt64>
    let ruleAnyOf: UnsafeMutableBufferPointer<UInt64>
    let ruleAnyCount: Int
    /// The links' tables (see `CompiledLinks` and the kernel's `EntenteTables`).
    let linkStepStart: UnsafeMutableBufferPointer<Int>
    let linkStepLink: UnsafeMutableBufferPointer<Int>
    let linkStepChange: UnsafeMutableBufferPointer<Int32>
    let linkOwner: UnsafeMutableBufferPointer<Int>
    let linkPoints: UnsafeMutableBufferPointer<Int32>
    let linkCount: Int
    /// The kernel's view of these tables.
    let kernelTables: UnsafeMutablePointer<EntenteTables>
    /// The instruction set the scans of these tables run on.
    let kernel: ScanKernel

    init(_ compiled: CompiledScenario, kernel: ScanKernel = .best) {
        self.compiled = compiled
        self.kernel = kernel
        actorCount = compiled.actorCount
        wordCount = compiled.wordCount
        chunkCount = compiled.chunkCount
        gainRows = Self.lanes(compiled.gainRows)
        stepRows = Self.lanes(compiled.stepRows)
        margins = Self.lanes(compiled.margins)
        redLineRows = Self.copy(compiled.redLineRows)
        hasRedLine = Self.copy(compiled.hasRedLine)
        openness = Self.copy(compiled.openness)
        optionOffset = Self.copy(compiled.optionOffset)
        // One byte per eight-lane vector, so that the kernel's loops share one count.
        byteCount = compiled.chunkCount
        var table = [Int64](repeating: 0, count: byteCount * 256)
        for byte in 0..<byteCount {
            for value in 1..<256 {
                var sum: Int64 = 0
                for bit in 0..<8 where value & (1 << bit) != 0 && byte * 8 + bit < compiled.actorCount {
                    sum += compiled.capabilityUnits[byte * 8 + bit]
                }
                table[byte * 256 + value] = sum
            }
        }
        capabilityTable = Self.copy(table)
        groupingWords = Self.copy(compiled.groupings.flatMap(\.words))
        groupingSizes = Self.copy(compiled.groupings.map(\.count))
        groupingCount = compiled.groupings.count
        var members = 0
        var share = -Double.infinity
        var required = [UInt64](repeating: 0, count: compiled.wordCount)
        var anyOf: [UInt64] = []
        for rule in compiled.rules {
            switch rule {
            case .minMembers(let count): members = max(members, count)
            case .capabilityShare(let atLeast): share = max(share, atLeast)
            case .includeAll(let actors): for w in 0..<compiled.wordCount { required[w] |= actors.words[w] }
            case .includeAny(let actors): anyOf += actors.words
            }
        }
        ruleMembers = members
        ruleShare = share
        ruleRequired = Self.copy(required)
        ruleAnyOf = Self.copy(anyOf)
        ruleAnyCount = anyOf.count / compiled.wordCount
        let links = compiled.links
        linkStepStart = Self.copy(links.stepStart)
        linkStepLink = Self.copy(links.stepLink)
        linkStepChange = Self.copy(links.stepChange)
        linkOwner = Self.copy(links.owner)
        linkPoints = Self.copy(links.points)
        linkCount = links.count
        kernelTables = .allocate(capacity: 1)
        kernelTables.initialize(to: EntenteTables(
            stepRows: UnsafeRawPointer(stepRows).assumingMemoryBound(to: Int32.self),
            margins: UnsafeRawPointer(margins).assumingMemoryBound(to: Int32.self),
            redLineRows: redLineRows.baseAddress!, hasRedLine: hasRedLine.baseAddress!,
            openness: openness.baseAddress!, capabilityTable: capabilityTable.baseAddress!,
            optionOffset: optionOffset.baseAddress!, chunkCount: chunkCount, wordCount: wordCount,
            issueCount: compiled.issueCount,
            linkStepStart: linkStepStart.baseAddress!, linkStepLink: linkStepLink.baseAddress!,
            linkStepChange: linkStepChange.baseAddress!,
            linkOwner: linkOwner.baseAddress!, linkPoints: linkPoints.baseAddress!, linkCount: linkCount))
    }

    deinit {
        gainRows.deallocate()
        stepRows.deallocate()
        margins.deallocate()
        redLineRows.deallocate()
        hasRedLine.deallocate()
        openness.deallocate()
        optionOffset.deallocate()
        capabilityTable.deallocate()
        groupingWords.deallocate()
        groupingSizes.deallocate()
        ruleRequired.deallocate()
        ruleAnyOf.deallocate()
        linkStepStart.deallocate()
        linkStepLink.deallocate()
        linkStepChange.deallocate()
        linkOwner.deallocate()
        linkPoints.deallocate()
        kernelTables.deallocate()
    }

    private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
        _ = buffer.initialize(from: array)
        return buffer
    }

    /// Rows of eight-lane vectors from a flat array whose length is a multiple of eight.
    private static func lanes(_ values: [Int32]) -> UnsafeMutablePointer<Lanes> {
        let count = max(1, values.count / 8)
        let buffer = UnsafeMutablePointer<Lanes>.allocate(capacity: count)
        buffer.initialize(repeating: Lanes(repeating: 0), count: count)
        for chunk in 0..<(values.count / 8) {
            var vector = Lanes()
            for lane in 0..<8 { vector[lane] = values[chunk * 8 + lane] }
            buffer[chunk] = vector
        }
        return buffer
    }
}
