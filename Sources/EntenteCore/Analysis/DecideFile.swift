import Foundation

/// Reads Decide files, every dialect Decide's own reader accepts (see `DecideRecords`): the
/// first field a tag, `#A id name` an actor, `#P id name` an issue, `#M issue value label` a
/// point on the issue's scale, `#D actor issue position salience power` a stance, `#O` the
/// title, `#/` a comment; fields past those are ignored, as Decide ignores them. Rows may come
/// in any order. Ranges (docs/cli.md): scale values within ±10⁹, positions on their issue's
/// scale, salience 0…1, power 0…100; every issue needs a stance.
public enum DecideFile {
    /// Largest magnitude of a `#M` scale value.
    public static let scaleLimit = 1e9
    /// Largest power (Decide's own bound).
    public static let powerLimit = 100.0

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
        let lines = DecideRecords(text)
        var diagnostics = lines.problems.map { Diagnostic(SourceLocation(file: file, line: $0.line, column: $0.column), $0.message) }
        func report(_ line: Int, _ column: Int, _ message: String) {
            diagnostics.append(Diagnostic(SourceLocation(file: file, line: line, column: column), message))
        }
        var title: String?
        var actors: [String] = []
        var issues: [(id: String, name: String, line: Int, column: Int)] = []
        var scales: [(record: DecideRecords.Record, value: Double)] = []
        var rows: [DecideRecords.Record] = []
        var stanceRecords = 0
        for record in lines.records {
            let fields = record.fields
            func field(_ position: Int, _ what: String) -> DecideRecords.Field? {
                if position < fields.count, !fields[position].text.isEmpty { return fields[position] }
                let column = position < fields.count ? fields[position].column : fields[fields.count - 1].end
                report(record.line, column, "missing \(what); expected \(expected(record.tag))")
                return nil
            }
            switch record.tag {
            case "#O": if title == nil { title = fields.dropFirst().first { !$0.text.isEmpty }?.text }
            case "#A":
                guard let id = field(1, "actor id") else { continue }
                if actors.contains(id.text) {
                    report(record.line, id.column, "duplicate actor '\(TerminalText.escaped(id.text))'")
                } else {
                    actors.append(id.text)
                }
            case "#P":
                guard let id = field(1, "issue id") else { continue }
                if issues.contains(where: { $0.id == id.text }) {
                    report(record.line, id.column, "duplicate issue '\(TerminalText.escaped(id.text))'")
                } else {
                    let name = fields.count > 2 && !fields[2].text.isEmpty ? fields[2].text : id.text
                    issues.append((id.text, name, record.line, id.column))
                }
            case "#M":
                guard field(1, "issue id") != nil, let value = field(2, "scale value") else { continue }
                guard let number = number(value, "the scale value", within: -scaleLimit...scaleLimit, report: { report(record.line, $0, $1) }) else { continue }
                scales.append((record, number))
            case "#D":
                stanceRecords += 1
                if fields.count < 6 {
                    report(record.line, fields[fields.count - 1].end, "missing \(["", "actor", "issue", "position", "salience", "power"][fields.count]); expected \(expected("#D"))")
                } else {
                    rows.append(record)
                }
            case "#/": continue
            default:
                report(record.line, fields[0].column, "unknown record '\(TerminalText.escaped(fields[0].text))'; expected #A, #P, #M, #D, #O or #/")
            }
        }
        var bounds = [(low: Double, high: Double)?](repeating: nil, count: issues.count)
        for (record, value) in scales {
            guard let issue = issues.firstIndex(where: { $0.id == record.fields[1].text }) else {
                report(record.line, record.fields[1].column, "unknown issue '\(TerminalText.escaped(record.fields[1].text))'; declare it with #P")
                continue
            }
            bounds[issue] = (min(bounds[issue]?.low ?? value, value), max(bounds[issue]?.high ?? value, value))
        }
        let issueList = issues.enumerated().map { index, issue in
            ExchangeData.Issue(id: issue.id, name: issue.name, low: bounds[index]?.low ?? 0, high: bounds[index]?.high ?? 100)
        }
        var stances: [ExchangeData.Stance] = []
        var seen = Set<Int>()
        for record in rows {
            let fields = record.fields
            let actor = actors.firstIndex(of: fields[1].text)
            if actor == nil { report(record.line, fields[1].column, "unknown actor '\(TerminalText.escaped(fields[1].text))'; declare it with #A") }
            let issue = issueList.firstIndex { $0.id == fields[2].text }
            if issue == nil { report(record.line, fields[2].column, "unknown issue '\(TerminalText.escaped(fields[2].text))'; declare it with #P") }
            let at = { (column: Int, message: String) in report(record.line, column, message) }
            let scale = issue.map { issueList[$0] }
            let position = number(fields[3], "the position", within: scale.map { $0.low...$0.high } ?? -scaleLimit...scaleLimit,
                                  of: scale.map { " (the scale of '\(TerminalText.escaped($0.id))')" } ?? "", report: at)
            let salience = number(fields[4], "the salience", within: 0...1, report: at)
            let power = number(fields[5], "the power", within: 0...powerLimit, report: at)
            guard let actor, let issue, let position, let salience, let power else { continue }
            guard seen.insert(actor * issueList.count + issue).inserted else {
                report(record.line, fields[1].column, "a second stance of '\(TerminalText.escaped(actors[actor]))' on '\(TerminalText.escaped(issueList[issue].id))'")
                continue
            }
            stances.append(ExchangeData.Stance(actor: actor, issue: issue, value: position, position: issueList[issue].toModel(position), salience: salience, power: power))
        }
        if actors.isEmpty { report(lines.end.line, lines.end.column, "no actors; expected #A rows") }
        if issues.isEmpty { report(lines.end.line, lines.end.column, "no issues; expected #P rows") }
        if stanceRecords == 0 { report(lines.end.line, lines.end.column, "no stances; expected #D rows (is the file cut short?)") }
        if diagnostics.isEmpty {
            for (index, issue) in issues.enumerated() where !stances.contains(where: { $0.issue == index }) {
                report(issue.line, issue.column, "issue '\(TerminalText.escaped(issue.id))' has no #D rows; every issue needs a stance")
            }
        }
        guard diagnostics.isEmpty else {
            throw .invalid(diagnostics.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) })
        }
        return ExchangeData(title: title ?? "", actors: actors, issues: issueList, stances: stances)
    }

    /// A finite decimal number (`-12`, `0.5`, `1e3`) within `range`, or a located error.
    private static func number(_ field: DecideRecords.Field, _ what: String, within range: ClosedRange<Double>, of scale: String = "",
                               report: (Int, String) -> Void) -> Double? {
        guard isDecimal(field.text), let value = Double(field.text), value.isFinite else {
            report(field.column, "expected \(what) as a decimal number, found '\(TerminalText.escaped(field.text))'")
            return nil
        }
        guard range.contains(value) else {
            let bounds = String(format: "%g to %g", range.lowerBound, range.upperBound)
            report(field.column, "\(what) \(TerminalText.escaped(field.text)) is out of range; expected \(bounds)\(scale)")
            return nil
        }
        return value
    }

    /// `[+-]digits[.digits][e[+-]digits]`, or with digits only after the point.
    private static func isDecimal(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        let whole = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(whole.count)
        var fraction = Substring()
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(fraction.count)
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return false }
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
            let power = rest.prefix { $0.isASCII && $0.isNumber }
            guard !power.isEmpty else { return false }
            rest = rest.dropFirst(power.count)
        }
        return rest.isEmpty
    }

    private static func expected(_ tag: String) -> String {
        switch tag {
        case "#A": "#A id name"
        case "#P": "#P id name"
        case "#M": "#M issue value label"
        default: "#D actor issue position salience power"
        }
    }
}
