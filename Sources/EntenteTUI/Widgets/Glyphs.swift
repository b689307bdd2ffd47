import Foundation

/// What the terminal can show, decided once when it starts: Unicode under a UTF-8 locale,
/// ASCII otherwise. Screens always write Unicode; a grid made for ASCII writes every
/// character in its ASCII form (`Glyphs.ascii`), so no screen chooses glyphs itself.
public enum Charset: Sendable {
    case unicode, ascii
}

/// The ASCII form of every glyph the workbench and its texts use. Each form takes the
/// columns its glyph takes, so a screen is laid out the same in both charsets.
enum Glyphs {
    static let forms: [Character: Character] = [
        // Signs and punctuation.
        "−": "-", "–": "-", "—": "-", "·": "-", "…": "~", "×": "x", "±": "~", "≤": "<", "≥": ">", "§": "S",
        "‘": "'", "’": "'", "“": "\"", "”": "\"",
        // Arrows and markers.
        "→": ">", "←": "<", "↑": "^", "↓": "v", "▸": ">", "▼": "v", "●": "*", "✓": "+", "✗": "x", "▏": "_",
        // Shades (the heat map's salience, the builder's bars) and the hidden stance.
        "░": ":", "▒": "=", "▓": "*", "█": "#", "╌": "_",
        // Box drawing.
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
    ]

    /// `character` as ASCII of the same width: its form above, or the letters it is
    /// built from (é is e, ² is 2), or `?` for each column when it has no ASCII form.
    static func ascii(_ character: Character, columns: Int) -> String {
        if character.isASCII { return String(character) }
        if let form = forms[character] { return String(form) }
        let letters = String(character).decomposedStringWithCompatibilityMapping.unicodeScalars.filter(\.isASCII)
        if letters.count == columns { return String(String.UnicodeScalarView(letters)) }
        return String(repeating: "?", count: columns)
    }
}
