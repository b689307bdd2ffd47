/// The lines of a Decide file cut into fields, the way Decide's reader (Python's `csv`
/// module with a sniffed dialect) cuts them, with each field's line and column kept for
/// error messages.
///
/// One separator serves the whole file: a tab, semicolon or comma, whichever follows the
/// tag of the first record (`#A;us;United States` is semicolon-separated). A field may be
/// quoted in single or double quotes, which then may hold the separator; a quote inside is
/// doubled (`'it''s'`). Line ends are LF, CRLF or CR; blank lines, and lines whose first
/// field does not start with `#`, hold no record.
struct DecideRecords {
    struct Field: Equatable {
        let text: String
        /// 1-based column of the field's first character (its opening quote when quoted).
        let column: Int
        /// 1-based column just past the field's last character.
        let end: Int
    }

    struct Record {
        let line: Int
        let fields: [Field]
        /// The first field, upper-cased: `#A`, `#P`, `#M`, `#D`, `#O`, `#/` or unknown.
        var tag: String { fields[0].text.uppercased() }
    }

    static let separators: [Unicode.Scalar] = ["\t", ";", ","]

    private(set) var records: [Record] = []
    private(set) var problems: [(line: Int, column: Int, message: String)] = []
    /// The last line's number and the column after its last character: where a missing
    /// record is reported.
    private(set) var end = (line: 1, column: 1)

    init(_ text: String) {
        let lines = Self.lines(text)
        end = (lines.count, (lines.last?.count ?? 0) + 1)
        var separator: Unicode.Scalar?
        for (index, line) in lines.enumerated() {
            guard let start = line.firstIndex(where: { $0 != " " }), Self.isRecord(line[start...]) else { continue }
            let afterTag = Self.tagEnd(line[start...])
            if separator == nil { separator = line[afterTag...].first { $0 != " " }.flatMap { Self.separators.contains($0) ? $0 : nil } }
            guard let separator else {
                // Until a separator is known only a lone tag makes sense.
                if line[afterTag...].contains(where: { $0 != " " }) {
                    problems.append((index + 1, afterTag + 1, "expected a tab, semicolon or comma after the record's tag"))
                } else {
                    // A lone tag can still be broken (an unterminated quote): report it, never
                    // keep a record without fields.
                    let (fields, problem) = Self.split(line, by: "\t")
                    if let problem {
                        problems.append((index + 1, problem.column, problem.message))
                    } else if !fields.isEmpty {
                        records.append(Record(line: index + 1, fields: fields))
                    }
                }
                continue
            }
            let (fields, problem) = Self.split(line, by: separator)
            if let problem {
                problems.append((index + 1, problem.column, problem.message))
            } else if !fields.isEmpty {
                records.append(Record(line: index + 1, fields: fields))
            }
        }
    }

    /// The file's lines as Unicode scalars, split at LF, CRLF or CR, without a byte-order mark.
    private static func lines(_ text: String) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = [[]]
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append([])
            } else {
                lines[lines.count - 1].append(scalar)
            }
        }
        if lines.first?.first == "\u{FEFF}" { lines[0].removeFirst() }
        if lines.count > 1, lines.last!.isEmpty { lines.removeLast() }
        return lines
    }

    /// A line holds a record when its first field starts with `#`, quoted or not.
    private static func isRecord(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = line.first else { return false }
        if first == "#" { return true }
        return (first == "'" || first == "\"") && line.dropFirst().first == "#"
    }

    /// The index just past a record's tag (and its closing quote, when quoted).
    private static func tagEnd(_ line: ArraySlice<Unicode.Scalar>) -> Int {
        if let quote = line.first, quote == "'" || quote == "\"" {
            return line.dropFirst().firstIndex(of: quote).map { $0 + 1 } ?? line.endIndex
        }
        return line.firstIndex { separators.contains($0) || $0 == " " } ?? line.endIndex
    }

    /// Fields of one line: unquoted fields are trimmed of spaces; a quoted field runs to its
    /// closing quote, and only spaces may follow before the next separator.
    static func split(_ line: [Unicode.Scalar], by separator: Unicode.Scalar) -> (fields: [Field], problem: (column: Int, message: String)?) {
        var fields: [Field] = []
        var index = 0
        while true {
            while index < line.count, line[index] == " " { index += 1 }
            let start = index
            var text = String.UnicodeScalarView()
            if index < line.count, line[index] == "'" || line[index] == "\"" {
                let quote = line[index]
                index += 1
                var closed = false
                while index < line.count {
                    if line[index] == quote {
                        if index + 1 < line.count, line[index + 1] == quote {
                            text.append(quote)
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    text.append(line[index])
                    index += 1
                }
                guard closed else { return (fields, (start + 1, "unterminated quote; expected a closing \(quote)")) }
                let end = index
                while index < line.count, line[index] == " " { index += 1 }
                if index < line.count, line[index] != separator {
                    return (fields, (index + 1, "expected a separator after the closing quote"))
                }
                fields.append(Field(text: String(text), column: start + 1, end: end + 1))
            } else {
                while index < line.count, line[index] != separator {
                    text.append(line[index])
                    index += 1
                }
                var end = index
                while end > start, line[end - 1] == " " || line[end - 1] == "\t" {
                    end -= 1
                    text.removeLast()
                }
                fields.append(Field(text: String(text), column: start + 1, end: end + 1))
            }
            guard index < line.count else { return (fields, nil) }
            index += 1
        }
    }
}
