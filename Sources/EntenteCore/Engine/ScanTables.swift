/// The compiled tables copied into raw buffers once per search, so that the scanning loop
/// reads them without bounds checks, reference counting or allocation.
///
/// Shared read-only by all workers of a search; freed with the last reference.
final class ScanTables: @unchecked Sendable {
    let compiled: CompiledScenario
    let actorCount: Int
    let wordCount: Int
    let gainRows: UnsafeMutableBufferPointer<Int64>
    let redLineRows: UnsafeMutableBufferPointer<UInt64>
    let hasRedLine: UnsafeMutableBufferPointer<Bool>
    let margins: UnsafeMutableBufferPointer<Int64>
    let capability: UnsafeMutableBufferPointer<Double>
    let openness: UnsafeMutableBufferPointer<Int64>
    let optionOffset: UnsafeMutableBufferPointer<Int>
    /// Grouping g's members are words `g * wordCount ..< (g + 1) * wordCount`.
    let groupingWords: UnsafeMutableBufferPointer<UInt64>
    let groupingSizes: UnsafeMutableBufferPointer<Int>
    let groupingCount: Int

    init(_ compiled: CompiledScenario) {
        self.compiled = compiled
        actorCount = compiled.actorCount
        wordCount = compiled.wordCount
        gainRows = Self.copy(compiled.gainRows)
        redLineRows = Self.copy(compiled.redLineRows)
        hasRedLine = Self.copy(compiled.hasRedLine)
        margins = Self.copy(compiled.margins)
        capability = Self.copy(compiled.capability)
        openness = Self.copy(compiled.openness)
        optionOffset = Self.copy(compiled.optionOffset)
        groupingWords = Self.copy(compiled.groupings.flatMap(\.words))
        groupingSizes = Self.copy(compiled.groupings.map(\.count))
        groupingCount = compiled.groupings.count
    }

    deinit {
        gainRows.deallocate()
        redLineRows.deallocate()
        hasRedLine.deallocate()
        margins.deallocate()
        capability.deallocate()
        openness.deallocate()
        optionOffset.deallocate()
        groupingWords.deallocate()
        groupingSizes.deallocate()
    }

    private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
        _ = buffer.initialize(from: array)
        return buffer
    }
}
