/// A command line that a reader can paste into a POSIX shell: arguments quoted where they
/// need it, and lines broken only between arguments, so the continuation backslashes join
/// it back into the same command.
///
///     ShellWords.join(["entente", "brief", "my file.yaml"])   // entente brief 'my file.yaml'
public enum ShellWords {
    /// `argument` as the shell reads it back: unchanged when it holds only safe characters,
    /// otherwise in single quotes (a single quote inside becomes '\'').
    public static func quote(_ argument: String) -> String {
        let safe = !argument.isEmpty && argument.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_./=,:@%+".unicodeScalars.contains(scalar))
        }
        return safe ? argument : "'" + argument.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// The arguments quoted and joined by single spaces.
    public static func join(_ arguments: [String]) -> String { arguments.map(quote).joined(separator: " ") }

    /// The arguments of a command `join` wrote: split at the spaces outside single quotes.
    public static func split(_ command: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quoted = false
        for character in command {
            if character == "'" { quoted.toggle() }
            if character == " " && !quoted {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// `command` as lines of at most `width` columns (an argument longer than a line gets a
    /// line of its own), each but the last ending in " \". An option stays on the line of
    /// the value after it. The first line starts with `first`, the others with `rest`.
    public static func wrap(_ command: String, width: Int, first: String, rest: String) -> [String] {
        var units: [String] = []
        for word in split(command) {
            if let last = units.last, last.hasPrefix("--"), !last.contains(" "), !word.hasPrefix("--") {
                units[units.count - 1] += " " + word
            } else {
                units.append(word)
            }
        }
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        for unit in units {
            let candidate = lineHasWord ? line + " " + unit : line + unit
            // Room for the " \" that ends every line but the last.
            if !lineHasWord || DisplayWidth.of(candidate) + 2 <= width {
                line = candidate
                lineHasWord = true
            } else {
                lines.append(line)
                line = rest + unit
            }
        }
        lines.append(line)
        return lines.enumerated().map { $0.offset < lines.count - 1 ? $0.element + " \\" : $0.element }
    }
}
