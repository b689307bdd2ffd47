import EntenteCore

/// A link written as the `:link` command writes it, `POINTS ISSUE=OPTION[,OPTION…] ISSUE=… [NOTE]`,
/// so the Interests screen shows a link in the very words that edit it, and the edit key
/// can begin the command with the link as it stands.
public enum LinkWords {
    /// The link as command words: `6 dida=d10-core,open-accession semis=partner-pool why…`.
    public static func words(_ link: Link) -> String {
        ([link.points.limitText] + link.when.map(condition) + (link.note.isEmpty ? [] : [link.note])).joined(separator: " ")
    }

    /// The link for a status line: `+6 when dida=d10-core,open-accession and semis=partner-pool`.
    public static func summary(_ link: Link) -> String {
        (link.points >= 0 ? "+" : "") + link.points.limitText + " when " + link.when.map(condition).joined(separator: " and ")
    }

    private static func condition(_ condition: LinkCondition) -> String {
        condition.issue + "=" + condition.options.joined(separator: ",")
    }

    /// Reads a link from command words: the points, then every `ISSUE=OPTION[,OPTION…]`,
    /// then the note (the remaining words). Ids are checked when the edit is applied.
    public static func parse(_ words: ArraySlice<String>) throws(LinkWordsError) -> Link {
        let form = "a link is POINTS ISSUE=OPTION[,OPTION…] ISSUE=OPTION… [NOTE]"
        guard let first = words.first, let points = Double(first), points.isFinite else { throw LinkWordsError(form) }
        var conditions: [LinkCondition] = []
        var rest = words.dropFirst()
        while let word = rest.first, let equals = word.firstIndex(of: "=") {
            let options = word[word.index(after: equals)...].split(separator: ",").map(String.init)
            conditions.append(LinkCondition(issue: String(word[..<equals]), options: options))
            rest = rest.dropFirst()
        }
        guard !conditions.isEmpty else { throw LinkWordsError(form) }
        return Link(when: conditions, points: points, note: rest.joined(separator: " "))
    }
}

/// Command words that are not a link, and the form a link takes.
public struct LinkWordsError: Error, Equatable, Sendable {
    public let message: String

    init(_ message: String) { self.message = message }
}
