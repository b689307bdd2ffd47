/// Finds the comments in YAML text, whole-line and trailing alike (`capability: 3 # source:
/// SIPRI`), so that a save that cannot keep them can say which it would drop.
///
/// A `#` starts a comment at the start of a line or after a space or tab, outside quoted
/// scalars; a quote opens a quoted scalar only where a scalar can begin (after `: `, `- `,
/// `[`, `{`, `,` or at the start of a line), so `O'Brien # note` is a name and a comment.
/// Inside a block scalar (`|`, `>`) a `#` counts as a comment too: a false warning costs a
/// `:save!`, a missed comment would be lost.
public enum YAMLComments {
    /// The comments, by line (1-based), with their text from the `#`.
    public static func find(in text: String) -> [(line: Int, text: String)] {
        var found: [(line: Int, text: String)] = []
        var quote: Character?
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var previous: Character = " "
            var lastSignificant: Character?
            var escaped = false
            var index = line.startIndex
            while index < line.endIndex {
                let character = line[index]
                if let open = quote {
                    if open == "\"" && escaped {
                        escaped = false
                    } else if open == "\"" && character == "\\" {
                        escaped = true
                    } else if character == open {
                        let next = line.index(after: index)
                        if open == "'" && next < line.endIndex && line[next] == "'" {
                            index = next
                        } else {
                            quote = nil
                        }
                    }
                } else if character == "#" && (previous == " " || previous == "\t") {
                    found.append((number + 1, String(line[index...])))
                    break
                } else if (character == "'" || character == "\"") && opensScalar(after: lastSignificant, previous: previous) {
                    quote = character
                }
                if character != " " && character != "\t" { lastSignificant = character }
                previous = character
                index = line.index(after: index)
            }
        }
        return found
    }

    private static func opensScalar(after significant: Character?, previous: Character) -> Bool {
        guard let significant else { return true }
        switch significant {
        case "[", "{", ",": return true
        case ":", "-", "?": return previous == " " || previous == "\t"
        default: return false
        }
    }
}
