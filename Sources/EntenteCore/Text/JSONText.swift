import Foundation

/// Encodes reports as JSON that is safe to print: pretty, with sorted keys (so the same
/// report gives the same bytes), and with every control or invisible formatting character
/// written as a `\u` escape.
///
/// Foundation's encoder escapes C0 controls but passes DEL, C1 controls, bidirectional
/// overrides and zero-width characters through; a terminal acts on some of them and others
/// reorder or hide text. Escaped, they decode to the same strings.
public enum JSONText {
    /// `value` as JSON text, without a final newline.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return escapingUnsafe(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// JSON text with every character `TerminalText.isUnsafe` names written as `\uXXXX`.
    /// Such characters can only stand inside strings, where the escape means the same.
    public static func escapingUnsafe(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { $0 != "\n" && TerminalText.isUnsafe($0) }) else { return json }
        var result = ""
        for scalar in json.unicodeScalars {
            if TerminalText.isUnsafe(scalar) && scalar != "\n" {
                result += String(format: "\\u%04X", scalar.value)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
