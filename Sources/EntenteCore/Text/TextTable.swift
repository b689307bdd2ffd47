import Foundation

/// A plain-text table with aligned columns, measured in display columns so that wide
/// characters line up. Cells are escaped for the terminal.
///
/// ```swift
/// var table = TextTable(header: ["id", "name"], rightAligned: [])
/// table.append(["us", "United States"])
/// print(table.render())
/// ```
public struct TextTable: Sendable {
    public let header: [String]
    public let rightAligned: Set<Int>
    public private(set) var rows: [[String]] = []

    public init(header: [String], rightAligned: Set<Int> = []) {
        self.header = header
        self.rightAligned = rightAligned
    }

    public mutating func append(_ row: [String]) { rows.append(row.map(TerminalText.escaped)) }

    /// The table as lines joined by newlines, columns separated by two spaces, the header
    /// underlined; trailing spaces are trimmed. Written as bytes, with each cell measured
    /// once, since a report can hold tens of thousands of rows.
    public func render() -> String {
        let all = [header] + rows
        let cellWidths = all.map { $0.map(DisplayWidth.of) }
        let widths = header.indices.map { column in
            cellWidths.map { column < $0.count ? $0[column] : 0 }.max() ?? 0
        }
        let alignRight = widths.indices.map(rightAligned.contains)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(all.reduce(0) { $0 + $1.reduce(widths.count * 2) { $0 + $1.utf8.count } } + widths.reduce(0, +) * 3)
        func appendSpaces(_ count: Int) {
            if count > 0 { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }
        }
        func appendLine(_ cells: [String], _ measured: [Int]) {
            let lineStart = bytes.count
            for column in widths.indices {
                if column > 0 { appendSpaces(2) }
                let cell = column < cells.count ? cells[column] : ""
                let padding = widths[column] - (column < measured.count ? measured[column] : 0)
                if alignRight[column] { appendSpaces(padding) }
                bytes.append(contentsOf: cell.utf8)
                if !alignRight[column] { appendSpaces(padding) }
            }
            while bytes.count > lineStart, bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
        }
        appendLine(header, cellWidths[0])
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ").utf8)
        for (row, measured) in zip(rows, cellWidths.dropFirst()) {
            bytes.append(UInt8(ascii: "\n"))
            appendLine(row, measured)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The table within `width` display columns where it can be: the widest columns are
    /// narrowed, each to no fewer than `minimum` columns nor its header's width (headers do
    /// not wrap), and their cells wrapped onto the lines below, the row's other cells left
    /// blank there. A table that fits is `render()`'s.
    public func render(fitting width: Int, minimum: Int) -> String {
        let natural = header.indices.map { column in ([header] + rows).map { column < $0.count ? DisplayWidth.of($0[column]) : 0 }.max() ?? 0 }
        let floors = header.map { max(minimum, DisplayWidth.of($0)) }
        let gaps = 2 * max(0, natural.count - 1)
        var widths = natural
        while widths.reduce(0, +) + gaps > width,
              let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) {
            widths[widest] = max(floors[widest], widths[widest] - (widths.reduce(0, +) + gaps - width))
        }
        guard widths != natural else { return render() }
        var wrapped = TextTable(header: header, rightAligned: rightAligned)
        for row in rows {
            let pieces = row.indices.map { column in
                column < widths.count && DisplayWidth.of(row[column]) > widths[column] ? TextWrap.wrap(row[column], width: widths[column]) : [row[column]]
            }
            for line in 0 ..< (pieces.map(\.count).max() ?? 0) {
                wrapped.rows.append(pieces.map { line < $0.count ? $0[line] : "" })
            }
        }
        return wrapped.render()
    }
}

/// Number formats shared by every report, so a figure reads the same everywhere.
public enum Figures {
    /// A value with a fixed number of decimals, "-0.00" shown as "0.00".
    public static func fixed(_ value: Double, _ decimals: Int = 2) -> String {
        let text = printf(value, decimals: decimals)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// `value` as C's `%.Nf` writes it (what `String(format:)` gives): the exact binary
    /// value rounded to N decimals, ties to even. Done in integers for up to three decimals
    /// and magnitudes below 10⁹, since reports print tens of thousands of such figures;
    /// anything else goes to `String(format:)`.
    static func printf(_ value: Double, decimals: Int) -> String {
        guard value.isFinite, (0...3).contains(decimals), value.magnitude < 1e9 else {
            return String(format: "%.\(decimals)f", value)
        }
        let scale: UInt64 = [1, 10, 100, 1000][decimals]
        let normal = value.exponentBitPattern != 0
        let significand = value.significandBitPattern | (normal ? 1 << 52 : 0)
        let shift = normal ? 1075 - Int(value.exponentBitPattern) : 1074
        // value = significand / 2^shift exactly; round significand × scale / 2^shift.
        let product = significand * scale  // below 2^63: significand < 2^53, scale ≤ 1000
        var rounded: UInt64 = 0
        if shift < 64 {  // shift ≥ 1: the value is below 2^52
            rounded = product >> UInt64(shift)
            let rest = product & ((1 << UInt64(shift)) - 1), half: UInt64 = 1 << UInt64(shift - 1)
            if rest > half || (rest == half && rounded & 1 == 1) { rounded += 1 }
        }  // else: value × scale < 2^63 / 2^64, below one half: rounds to 0
        let whole = String(rounded / scale)
        var text = value.sign == .minus ? "-" + whole : whole
        if decimals > 0 {
            let fraction = String(rounded % scale)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    /// A gain with its sign: "+3.20", "−1.05", "0.00"; a tiny gain keeps its sign
    /// ("+0.00", "−0.00"), so a member never looks as if it gained nothing.
    public static func signed(_ value: Double, _ decimals: Int = 2) -> String {
        let magnitude = fixed(abs(value), decimals)
        return value < 0 ? "−" + magnitude : value > 0 ? "+" + magnitude : magnitude
    }

    /// A share as a percentage: "62.5%".
    public static func percent(_ share: Double) -> String { fixed(share * 100, 1) + "%" }
}

extension Figures {
    /// A large count in a readable form: "4096", "1.68e7".
    public static func count(_ value: Double) -> String {
        value < 1e6 ? String(Int(value)) : String(format: "%.3g", value)
    }
}
