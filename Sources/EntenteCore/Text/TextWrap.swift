/// Wraps prose to a width in terminal columns, so briefs read well at 72 columns whatever
/// the script (wide characters count two).
public enum TextWrap {
    /// `text` as lines of at most `width` columns; the first line starts with `first`, the
    /// others with `rest` (for bullets and indents). Words longer than a line are cut.
    public static func wrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init) {
            let indent = lines.isEmpty ? first : rest
            let candidate = lineHasWord ? line + " " + word : line + word
            if DisplayWidth.of(candidate) <= width || !lineHasWord && DisplayWidth.of(indent + word) <= width {
                line = candidate
                lineHasWord = true
                continue
            }
            if lineHasWord {
                lines.append(line)
                line = rest
                lineHasWord = false
            }
            var remaining = word
            while DisplayWidth.of(line + remaining) > width {
                let room = max(1, width - DisplayWidth.of(line))
                let head = prefix(remaining, columns: room)
                lines.append(line + head)
                remaining = String(remaining.dropFirst(head.count))
                line = rest
            }
            line += remaining
            lineHasWord = !remaining.isEmpty
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The longest prefix of `text` that fits in `columns` (at least one character).
    private static func prefix(_ text: String, columns: Int) -> String {
        var result = ""
        for character in text {
            if !result.isEmpty && DisplayWidth.of(result + String(character)) > columns { break }
            result.append(character)
        }
        return result
    }
}
