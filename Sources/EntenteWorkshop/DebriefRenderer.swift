import EntenteCore
import Foundation

/// The debrief written out: plain text for a terminal, Markdown for a report, JSON for
/// other tools (keys sorted, so the same log gives the same bytes).
public enum DebriefFormat: String, CaseIterable, Sendable {
    case text, md, json
}

extension Debrief {
    public func rendered(_ format: DebriefFormat) throws -> String {
        switch format {
        case .text: DebriefDocument(self).text
        case .md: DebriefDocument(self).markdown
        case .json: String(decoding: try WireJSON.encodePretty(self), as: UTF8.self) + "\n"
        }
    }
}

/// The debrief as headings, lines and tables, which the text and Markdown renderers each
/// write in their own way, so that the two never say different things.
struct DebriefDocument {
    enum Block {
        case heading(Int, String)
        case line(String)
        case table([String], [[String]], rightAligned: Set<Int>)
    }

    var blocks: [Block] = []

    init(_ debrief: Debrief) {
        let whose = debrief.seat.map { " — for \($0)" + (debrief.full ? " (revealed)" : "") } ?? ""
        blocks.append(.heading(1, "Debrief: \(debrief.title), \(debrief.table)\(whose)"))
        if !debrief.full {
            blocks.append(.line("Only what this seat may see: the other delegations' figures stay hidden until the facilitator reveals."))
        }
        blocks.append(.heading(2, "Timeline"))
        for round in debrief.rounds {
            blocks.append(.heading(3, round.round == 0 ? "Before the first round" : "Round \(round.round)"))
            blocks.append(.table(["time", "event"], round.lines.map { ["+" + TimelineText.clock($0.seconds), $0.text] }, rightAligned: [0]))
        }
        blocks.append(.heading(2, "Agreements"))
        if debrief.agreements.isEmpty { blocks.append(.line("No agreement was reached.")) }
        for report in debrief.agreements { agreement(report) }
        blocks.append(.heading(2, "Near misses"))
        if debrief.nearMisses.isEmpty { blocks.append(.line("No proposal was one acceptance short.")) }
        for miss in debrief.nearMisses {
            blocks.append(.line("#\(miss.proposal) from \(miss.author) (\(miss.package.text)): accepted by \(miss.accepted.joined(separator: ", ")); "
                + "any one of \(miss.oneMore.joined(separator: ", ")) accepting too would have made it an agreement"))
        }
        if let possible = debrief.possible {
            blocks.append(.heading(2, "What was possible"))
            blocks.append(.line("The engine's best packages under the same rules (largest capability share first):"))
            packages(possible)
        }
    }

    private mutating func agreement(_ report: AgreementReport) {
        blocks.append(.heading(3, "Agreement \(report.agreement): proposal #\(report.proposal), round \(report.round)"))
        blocks.append(.line("Package: \(report.package.text)"))
        blocks.append(.line("Members: \(report.members.joined(separator: ", "))"))
        blocks.append(.table(["actor", "gain", "member", "would join"],
                             report.gains.map { [$0.actor, Figures.signed($0.gain), $0.member ? "yes" : "no", $0.joins ? "yes" : "no"] },
                             rightAligned: [1]))
        blocks.append(.line(report.worseOff.isEmpty ? "No member was left worse off." : "Left worse off though they accepted: \(report.worseOff.joined(separator: ", "))."))
        guard let analysis = report.analysis else { return }
        if let improvement = analysis.improvement {
            blocks.append(.line("Not Pareto-efficient for its members: \(improvement.package.text) gives each at least as much and one more."))
        } else {
            blocks.append(.line("Pareto-efficient for its members: no package they would all join gives each at least as much and one more."))
        }
        for (name, point) in [("Nash", analysis.nash), ("Kalai–Smorodinsky", analysis.kalaiSmorodinsky)] {
            if let point {
                blocks.append(.line("\(name) point: \(point.package.text); members' gains \(point.gains.map { Figures.signed($0) }.joined(separator: ", ")); distance \(Figures.fixed(point.distance))"))
            } else {
                blocks.append(.line("\(name) point: none (no package gives every member more than its margin)"))
            }
        }
        if analysis.largerCoalitions.isEmpty {
            blocks.append(.line("No larger coalition holding every member was possible."))
        } else {
            blocks.append(.line("Larger coalitions that were possible:"))
            packages(analysis.largerCoalitions)
        }
        if !analysis.holdouts.isEmpty {
            blocks.append(.table(["holdout", "gain", "lacking", "red lines", "would come in with"], analysis.holdouts.map {
                [$0.actor, Figures.signed($0.gain), Figures.fixed($0.lacking), $0.redLines.isEmpty ? "none" : $0.redLines.joined(separator: ", "), $0.sweetener?.text ?? "no nearby package"]
            }, rightAligned: [1, 2]))
        }
    }

    private mutating func packages(_ packages: [PossiblePackage]) {
        blocks.append(.table(["package", "coalition", "viable"], packages.map {
            [$0.package.text, $0.coalition.joined(separator: ", "), $0.viable ? "yes" : "no"]
        }, rightAligned: []))
    }

    /// The text debrief's width: it is read in a terminal (the facilitator's Table screen)
    /// as often as printed, so its tables wrap their long cells (packages, coalitions) to
    /// stay within it where their headers allow.
    static let textWidth = 100

    var text: String {
        var lines: [String] = []
        for block in blocks {
            switch block {
            case .heading(let level, let title):
                if !lines.isEmpty { lines.append("") }
                lines.append(level == 1 ? title.uppercased() : level == 2 ? title : "  " + title)
                if level == 2 { lines.append(String(repeating: "-", count: DisplayWidth.of(title))) }
            case .line(let line):
                lines += TextWrap.wrap(line, width: Self.textWidth, first: "    ", rest: "    ")
            case .table(let header, let rows, let right):
                var table = TextTable(header: header, rightAligned: right)
                rows.forEach { table.append($0) }
                lines += table.render(fitting: Self.textWidth - 4, minimum: 24).split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
            }
        }
        return lines.map { $0.trailingSpacesRemoved }.joined(separator: "\n") + "\n"
    }

    var markdown: String {
        var parts: [String] = []
        for block in blocks {
            switch block {
            case .heading(let level, let title): parts.append(String(repeating: "#", count: level) + " " + title)
            case .line(let line): parts.append(Self.escaped(line))
            case .table(let header, let rows, let right):
                let align = header.indices.map { right.contains($0) ? "---:" : "---" }
                parts.append(([header, align] + rows).map { "| " + $0.map(Self.escaped).joined(separator: " | ") + " |" }.joined(separator: "\n"))
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// Text safe in a Markdown paragraph or cell: pipes and the characters that start
    /// emphasis or markup are escaped, and line breaks become spaces.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|", "*", "_", "`", "<", ">", "[", "]", "#", "\\": result += "\\\(character)"
            case "\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}

extension String {
    fileprivate var trailingSpacesRemoved: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
