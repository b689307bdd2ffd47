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
            // A word longer than the line is cut into pieces that fill each line (at least
            // one character a line), in one pass over the word.
            var lineWidth = DisplayWidth.of(line)
            var piece = ""
            var pieceWidth = 0
            for character in word {
                let columns = DisplayWidth.of(String(character))
                if !piece.isEmpty && lineWidth + pieceWidth + columns > width {
                    lines.append(line + piece)
                    line = rest
                    lineWidth = DisplayWidth.of(rest)
                    piece = ""
                    pieceWidth = 0
                }
                piece.append(character)
                pieceWidth += columns
            }
            line += piece
            lineHasWord = !piece.isEmpty
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }
}
