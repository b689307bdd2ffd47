import Foundation

/// An exchange-model data set: actors with a position, salience and power on issues
/// measured on their own scales. Read from the `#A/#P/#M/#D` files of the Decide
/// exchange-model tool, so analysts can bring data they already have.
public struct ExchangeData: Sendable, Equatable {
    public struct Issue: Sendable, Equatable {
        public let id: String
        public let name: String
        /// The issue's own scale, from its `#M` rows (0…100 when it has none).
        public let low: Double
        public let high: Double

        /// A position on the issue's scale as 0…100.
        public func toModel(_ value: Double) -> Double { high > low ? (value - low) / (high - low) * 100 : 0 }

        /// A 0…100 position back on the issue's scale.
        public func toScale(_ value: Double) -> Double { low + value / 100 * (high - low) }
    }

    /// One actor's stance on one issue, position on 0…100.
    public struct Stance: Sendable, Equatable {
        public let actor: Int
        public let issue: Int
        public let position: Double
        public let salience: Double
        public let power: Double
    }

    public let title: String
    public let actors: [String]
    public let issues: [Issue]
    public let stances: [Stance]
}

/// Reads Decide files: one record a line, fields separated by tabs (or semicolons),
/// the first field a tag: `#A id name` an actor, `#P id name` an issue, `#M issue value
/// label` a point on the issue's scale, `#D actor issue position salience power` a stance;
/// `#O` gives the title, `#/` lines and untagged lines are comments.
public enum DecideFile {
    public static func load(path: String) throws(ScenarioLoadError) -> ExchangeData {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
            throw .invalid([Diagnostic(SourceLocation(file: path, line: 1, column: 1), "the file is not text")])
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(ScenarioLoadError) -> ExchangeData {
        var diagnostics: [Diagnostic] = []
        var title = ""
        var actors: [String] = []
        var issues: [(id: String, name: String)] = []
        var scales: [String: [Double]] = [:]
        var rows: [(line: Int, fields: [(text: String, column: Int)])] = []
        func report(_ line: Int, _ column: Int, _ message: String) {
            diagnostics.append(Diagnostic(SourceLocation(file: file, line: line, column: column), message))
        }
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let fields = split(line)
            guard let tag = fields.first?.text, tag.hasPrefix("#") else { continue }
            let number = index + 1
            func field(_ position: Int, _ what: String) -> String? {
                if position < fields.count, !fields[position].text.isEmpty { return fields[position].text }
                report(number, (fields.last?.column ?? 1) + (fields.last?.text.count ?? 0), "missing \(what); expected \(expected(tag))")
                return nil
            }
            switch tag.uppercased() {
            case "#O": title = fields.dropFirst().map(\.text).first { !$0.isEmpty } ?? ""
            case "#A":
                guard let id = field(1, "actor id") else { continue }
                if actors.contains(id) { report(number, fields[1].column, "duplicate actor '\(TerminalText.escaped(id))'") } else { actors.append(id) }
            case "#P":
                guard let id = field(1, "issue id") else { continue }
                if issues.contains(where: { $0.id == id }) {
                    report(number, fields[1].column, "duplicate issue '\(TerminalText.escaped(id))'")
                } else {
                    issues.append((id, fields.count > 2 && !fields[2].text.isEmpty ? fields[2].text : id))
                }
            case "#M":
                guard let id = field(1, "issue id"), let value = field(2, "scale value") else { continue }
                guard issues.contains(where: { $0.id == id }) else {
                    report(number, fields[1].column, "unknown issue '\(TerminalText.escaped(id))'; declare it with #P first")
                    continue
                }
                guard let number = Double(value) else {
                    report(number, fields[2].column, "expected the scale value as a number, found '\(TerminalText.escaped(value))'")
                    continue
                }
                scales[id, default: []].append(number)
            case "#D": rows.append((number, fields))
            case "#/": continue
            default: report(number, 1, "unknown record '\(TerminalText.escaped(tag))'; expected #A, #P, #M, #D, #O or #/")
            }
        }
        let issueList = issues.map { issue in
            let scale = scales[issue.id] ?? [0, 100]
            return ExchangeData.Issue(id: issue.id, name: issue.name, low: scale.min()!, high: scale.max()!)
        }
        var stances: [ExchangeData.Stance] = []
        for (line, fields) in rows {
            guard fields.count >= 6 else {
                report(line, (fields.last?.column ?? 1) + (fields.last?.text.count ?? 0), "expected #D actor issue position salience power")
                continue
            }
            guard let actor = actors.firstIndex(of: fields[1].text) else {
                report(line, fields[1].column, "unknown actor '\(TerminalText.escaped(fields[1].text))'; declare it with #A")
                continue
            }
            guard let issue = issueList.firstIndex(where: { $0.id == fields[2].text }) else {
                report(line, fields[2].column, "unknown issue '\(TerminalText.escaped(fields[2].text))'; declare it with #P")
                continue
            }
            var numbers: [Double] = []
            for (position, what) in [(3, "position"), (4, "salience"), (5, "power")] {
                if let value = Double(fields[position].text), value.isFinite {
                    numbers.append(value)
                } else {
                    report(line, fields[position].column, "expected \(what) as a number, found '\(TerminalText.escaped(fields[position].text))'")
                }
            }
            guard numbers.count == 3 else { continue }
            let scale = issueList[issue]
            if numbers[0] < scale.low || numbers[0] > scale.high {
                report(line, fields[3].column, "position \(fields[3].text) is outside the scale of '\(scale.id)' (\(scale.low) to \(scale.high))")
            } else if !(0...1).contains(numbers[1]) {
                report(line, fields[4].column, "salience \(fields[4].text) is out of range; expected 0 to 1")
            } else if numbers[2] < 0 {
                report(line, fields[5].column, "power \(fields[5].text) is out of range; expected at least 0")
            } else if stances.contains(where: { $0.actor == actor && $0.issue == issue }) {
                report(line, fields[1].column, "a second stance of '\(actors[actor])' on '\(scale.id)'")
            } else {
                stances.append(ExchangeData.Stance(actor: actor, issue: issue, position: scale.toModel(numbers[0]),
                                                   salience: numbers[1], power: numbers[2]))
            }
        }
        if actors.isEmpty { report(1, 1, "no actors; expected #A rows") }
        if issues.isEmpty { report(1, 1, "no issues; expected #P rows") }
        guard diagnostics.isEmpty else {
            throw .invalid(diagnostics.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) })
        }
        return ExchangeData(title: title, actors: actors, issues: issueList, stances: stances)
    }

    /// Fields with their 1-based columns; tabs separate, or semicolons when a line has no tab.
    private static func split(_ line: Substring) -> [(text: String, column: Int)] {
        let separator: Character = line.contains("\t") ? "\t" : ";"
        var result: [(String, Int)] = []
        var column = 1
        for part in line.split(separator: separator, omittingEmptySubsequences: false) {
            result.append((part.trimmingCharacters(in: .whitespaces), column))
            column += part.count + 1
        }
        return result
    }

    private static func expected(_ tag: String) -> String {
        switch tag.uppercased() {
        case "#A": "#A id name"
        case "#P": "#P id name"
        case "#M": "#M issue value label"
        default: "#D actor issue position salience power"
        }
    }
}
