/// Makes text from a scenario, a file name or a network peer safe to show on a terminal.
///
/// Such text is written by other people: a name containing an escape sequence must not be
/// able to move the cursor, clear the screen or retitle the terminal, and a bidirectional
/// override or an invisible character must not reorder or hide the rest of the line. Every
/// such character is shown as a visible escape instead: `\n`, `\t`, `\u{1B}`, `\u{202E}`.
/// Everything Entente writes to a terminal passes through `escaped` (one field) or
/// `escapedLines` (a whole report), so this is the one place that decides.
public enum TerminalText {
    /// `text` with every unsafe character (see `isUnsafe`) replaced by a visible escape.
    public static func escaped(_ text: String) -> String {
        guard !isPrintableASCII(text, allowingLineBreaks: false), text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = ""
        for scalar in text.unicodeScalars { append(scalar, to: &result) }
        return result
    }

    /// A multi-line report made safe: each line escaped as by `escaped`, the line breaks
    /// between them kept. Text already escaped comes through unchanged.
    public static func escapedLines(_ text: String) -> String {
        guard !isPrintableASCII(text, allowingLineBreaks: true),
              text.unicodeScalars.contains(where: { $0 != "\n" && isUnsafe($0) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" { result.unicodeScalars.append(scalar) } else { append(scalar, to: &result) }
        }
        return result
    }

    /// True when every byte of `text` is printable ASCII (or a line break, if allowed):
    /// most of every report, checked a byte at a time before the scalar-by-scalar look.
    static func isPrintableASCII(_ text: String, allowingLineBreaks: Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            bytes.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || (allowingLineBreaks && $0 == 0x0A) }
        }
    }

    /// True for the characters a terminal must never receive from untrusted text: C0
    /// controls, DEL and C1 controls, the bidirectional embeddings, overrides, isolates and
    /// marks, zero-width spaces and joiners, the byte-order mark, and the Unicode line and
    /// paragraph separators.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || isInvisibleFormat(scalar)
    }

    /// C0 controls, DEL and C1 controls.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func isInvisibleFormat(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x180E, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF:
            return true
        default:
            return false
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to result: inout String) {
        switch scalar {
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        case "\r": result += "\\r"
        case _ where isUnsafe(scalar):
            result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default: result.unicodeScalars.append(scalar)
        }
    }
}
