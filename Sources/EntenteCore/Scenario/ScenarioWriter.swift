import Foundation

/// Writes a scenario as readable YAML in the format `ScenarioLoader` reads, so that saving
/// and loading give back the same scenario.
///
/// Text is written plain where YAML would read it back unchanged, and double-quoted with
/// escapes otherwise. Stances follow the scenario's issue order, values its option order, and a
/// future's entries the scenario's actor, issue and option order. A scenario with links or
/// futures is written as version 2, any other as version 1.
public enum ScenarioWriter {
    public static func yaml(_ scenario: Scenario) -> String {
        var lines = ["entente: \(ScenarioDecoder.formatVersion(for: scenario))", "title: \(text(scenario.title))"]
        if !scenario.source.isEmpty { lines.append("source: \(text(scenario.source))") }
        lines.append("")
        lines.append("issues:")
        for issue in scenario.issues { lines += self.issue(issue) }
        lines.append("")
        lines.append("actors:")
        for actor in scenario.actors { lines += self.actor(actor, issues: scenario.issues) }
        if !scenario.groupings.isEmpty {
            lines.append("")
            lines.append("groupings:")
            for grouping in scenario.groupings {
                lines.append("  - { id: \(text(grouping.id)), name: \(text(grouping.name)), members: \(list(grouping.members)) }")
            }
        }
        if !scenario.rules.isEmpty {
            lines.append("")
            lines.append("rules:")
            for rule in scenario.rules { lines.append("  - " + self.rule(rule)) }
        }
        if !scenario.futures.isEmpty {
            lines.append("")
            lines.append("futures:")
            for future in scenario.futures { lines += FutureWriter(scenario: scenario).lines(future) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func issue(_ issue: Issue) -> [String] {
        var lines = ["  - id: \(text(issue.id))", "    name: \(text(issue.name))", "    lever: \(issue.lever.rawValue)"]
        if let parent = issue.parent { lines.append("    parent: \(text(parent))") }
        lines.append("    statusQuo: \(text(issue.statusQuo))")
        lines.append("    options:")
        for option in issue.options {
            var fields = ["id: \(text(option.id))", "name: \(text(option.name))"]
            if let position = option.position { fields.append("position: \(number(position))") }
            if option.openness != 0 { fields.append("openness: \(number(option.openness))") }
            if !option.description.isEmpty { fields.append("description: \(text(option.description))") }
            lines.append("      - { " + fields.joined(separator: ", ") + " }")
        }
        return lines
    }

    private static func actor(_ actor: Actor, issues: [Issue]) -> [String] {
        var lines = [
            "  - id: \(text(actor.id))", "    name: \(text(actor.name))",
            "    kind: \(actor.kind.rawValue)", "    capability: \(number(actor.capability))",
        ]
        if !actor.brief.isEmpty { lines += block("brief", actor.brief, indent: "    ") }
        let stances = issues.compactMap { issue in actor.interests[issue.id].map { (issue, $0) } }
        if !stances.isEmpty { lines.append("    interests:") }
        for (issue, interest) in stances {
            lines.append("      \(text(issue.id)):")
            lines.append("        salience: \(number(interest.salience))")
            switch interest.valuation {
            case .values(let values):
                let pairs = issue.options.map { "\(text($0.id)): \(number(values[$0.id] ?? 0))" }
                lines.append("        values: { " + pairs.joined(separator: ", ") + " }")
            case .position(let ideal):
                lines.append("        position: \(number(ideal))")
            }
            if !interest.redLines.isEmpty { lines.append("        redLines: \(list(interest.redLines))") }
            if let minGain = interest.minGain { lines.append("        minGain: \(number(minGain))") }
            if !interest.note.isEmpty { lines.append("        note: \(text(interest.note))") }
        }
        if !actor.links.isEmpty {
            lines.append("    links:")
            for link in actor.links { lines.append("      - " + self.link(link)) }
        }
        return lines
    }

    /// A link on one line: `{ when: { a: [x], b: [y, z] }, points: 6, note: ... }`.
    static func link(_ link: Link) -> String {
        let when = link.when.map { "\(text($0.issue)): \(list($0.options))" }.joined(separator: ", ")
        var fields = ["when: { \(when) }", "points: \(number(link.points))"]
        if !link.note.isEmpty { fields.append("note: \(text(link.note))") }
        return "{ " + fields.joined(separator: ", ") + " }"
    }

    static func rule(_ rule: Rule) -> String {
        let head = "{ id: \(text(rule.id)), kind: \(rule.kind.name), "
        switch rule.kind {
        case .capabilityShare(let share): return head + "atLeast: \(number(share)) }"
        case .minMembers(let count): return head + "count: \(count) }"
        case .includeAll(let ids), .includeAny(let ids): return head + "actors: \(list(ids)) }"
        }
    }

    /// A long text as a literal block (`key: |-` and the lines indented) when YAML reads that
    /// back unchanged, else as one quoted line. A block keeps line breaks readable in a file
    /// a trainer edits by hand.
    static func block(_ key: String, _ value: String, indent: String) -> [String] {
        let body = value.hasSuffix("\n") ? String(value.dropLast()) : value
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let safe = !body.isEmpty && !body.hasSuffix("\n") && lines.first.map { !$0.isEmpty && !$0.hasPrefix(" ") } == true
            && lines.allSatisfy { line in
                !line.hasSuffix(" ") && !line.unicodeScalars.contains { TerminalText.isControl($0) || "\t\u{2028}\u{2029}\u{FEFF}".unicodeScalars.contains($0) }
            }
        guard safe else { return ["\(indent)\(key): \(text(value))"] }
        let chomping = value.hasSuffix("\n") ? "|" : "|-"
        return ["\(indent)\(key): \(chomping)"] + lines.map { $0.isEmpty ? "" : "\(indent)  \($0)" }
    }

    static func list(_ ids: [String]) -> String { "[" + ids.map(text).joined(separator: ", ") + "]" }

    /// The shortest decimal that reads back as the same Double; whole numbers without ".0".
    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    /// Text as a plain scalar when that reads back unchanged, else double-quoted.
    static func text(_ value: String) -> String {
        isPlainSafe(value) ? value : quoted(value)
    }

    private static let reserved: Set<String> = ["null", "true", "false", "yes", "no", "on", "off", "y", "n", "~"]

    private static func isPlainSafe(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return false }
        if reserved.contains(value.lowercased()) || Double(value) != nil { return false }
        if first == " " || last == " " || "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if value.contains(": ") || value.contains(" #") || value.hasSuffix(":") { return false }
        return !value.unicodeScalars.contains { TerminalText.isControl($0) || ",[]{}\u{2028}\u{2029}\u{FEFF}".unicodeScalars.contains($0) }
    }

    private static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where TerminalText.isControl(scalar) || scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029:
                result += "\\u" + String(format: "%04X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
