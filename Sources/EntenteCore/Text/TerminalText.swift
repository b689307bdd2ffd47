/// Makes text from a scenario safe to show on a terminal.
///
/// Scenario files are written by other people; a name containing an escape sequence must
/// not be able to move the cursor or recolour the screen. Control characters (C0, DEL and
/// C1) are shown as visible escapes instead: `\n`, `\t`, `\u{1B}`.
public enum TerminalText {
    /// `text` with every control character replaced by a visible escape.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where isControl(scalar):
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
