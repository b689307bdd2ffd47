/// How many terminal columns text occupies, independent of the locale.
///
/// East Asian wide and fullwidth characters take two columns, combining marks and other
/// zero-width characters none, everything else one. Tables and wrapped text use this so
/// that names such as "中国" or "Côte d'Ivoire" line up.
public enum DisplayWidth {
    /// Columns taken by one scalar: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        if isZeroWidth(scalar) { return 0 }
        if isWide(value) { return 2 }
        return 1
    }

    /// Columns taken by a string.
    public static func of(_ text: String) -> Int {
        // Printable ASCII, most of every report, takes one column a byte.
        if TerminalText.isPrintableASCII(text, allowingLineBreaks: false) { return text.utf8.count }
        return text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// The longest prefix of `text` that fits in `columns`, with "…" when it was cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        var result = ""
        var used = 0
        for scalar in text.unicodeScalars {
            let width = of(scalar)
            if used + width > columns - 1 { break }
            result.unicodeScalars.append(scalar)
            used += width
        }
        return result + "…"
    }

    /// `text` padded with spaces on the right (or left) to exactly `columns`, truncated if longer.
    public static func pad(_ text: String, to columns: Int, alignRight: Bool = false) -> String {
        let fitted = truncate(text, to: columns)
        let padding = String(repeating: " ", count: max(0, columns - of(fitted)))
        return alignRight ? padding + fitted : fitted + padding
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return (0x1160...0x11FF).contains(scalar.value) || scalar.value == 0x200B
        }
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
