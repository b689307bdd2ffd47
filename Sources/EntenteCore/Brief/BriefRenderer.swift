import Foundation

/// The formats a brief can be written in.
public enum BriefFormat: String, Sendable, CaseIterable {
    case text, md, json

    /// The format a file's extension asks for: `.md` Markdown, `.json` JSON, else text.
    public static func forFile(_ path: String) -> BriefFormat {
        switch (path as NSString).pathExtension.lowercased() {
        case "md", "markdown": .md
        case "json": .json
        default: .text
        }
    }
}

/// Writes a `Brief` as plain text wrapped at 72 columns, as Markdown, or as JSON. Text
/// from the scenario is escaped, so a brief never carries control characters.
public enum BriefRenderer {
    public static let width = 72

    public static func render(_ brief: Brief, as format: BriefFormat) -> String {
        switch format {
        case .json:
            return ((try? JSONText.encode(brief)) ?? "{}") + "\n"
        case .text, .md:
            var writer = BriefWriter(markdown: format == .md)
            writer.write(brief)
            return writer.output
        }
    }
}

/// Lays out the sections of a brief (a package brief, or a role brief) in text or Markdown.
struct BriefWriter {
    let markdown: Bool
    var lines: [String] = []

    init(markdown: Bool) { self.markdown = markdown }

    var output: String { lines.joined(separator: "\n") + "\n" }

    mutating func write(_ brief: Brief) {
        title(brief.title)
        paragraph("\(brief.date). Scenario: \(brief.scenario).")
        if !brief.source.isEmpty { paragraph("Source: \(brief.source).") }

        heading("The package")
        if brief.package.isEmpty { paragraph("Every issue stays at its status quo.") }
        for line in brief.package {
            let openness = line.opennessChange == 0 ? "" : " Openness change against the status quo \(Figures.signed(line.opennessChange, 1))."
            bullet("\(line.issue): \(line.option), replacing \(line.replaces)."
                + (line.description.isEmpty ? "" : " \(line.description)") + openness)
        }
        if !brief.unchanged.isEmpty { paragraph("Unchanged: \(brief.unchanged.joined(separator: "; ")).") }
        paragraph("Openness of the whole package (its options' own openness added up): \(Figures.signed(brief.openness, 1)), against \(Figures.signed(brief.statusQuoOpenness, 1)) for the status quo.")

        if let coalition = brief.coalition {
            heading("The coalition")
            let rules = coalition.rules.map { "\($0.id) \($0.holds ? "holds" : "fails")" }.joined(separator: ", ")
            paragraph(coalition.members.isEmpty ? "Nobody gains from this package."
                : "\(coalition.members.count) members holding \(Figures.percent(coalition.capabilityShare)) of capability: "
                    + "\(coalition.members.joined(separator: ", ")). "
                    + (rules.isEmpty ? "" : "Rules: \(rules). ") + (coalition.viable ? "The coalition is viable." : "The coalition is not viable."))
        }

        heading(brief.audience == nil ? "Why each member gains" : "Your case")
        if let standing = brief.standing {
            paragraph(standing == "member" ? "You would join: you gain more than your margin and none of your red lines is in the package."
                : standing == "out: a red line" ? "You stay out: the package contains one of your red lines."
                : "You stay out: you gain too little to join.")
            paragraph("Who else joins, and whether the package is viable, is not in this brief: it rests on the other delegations' margins and red lines, which you learn at the table.")
        }
        if brief.members.isEmpty { paragraph("Nobody gains from this package.") }
        for member in brief.members {
            subheading("\(member.name): \(Figures.signed(member.gain)) points")
            for term in member.gainsFrom {
                bullet("Gains \(Figures.signed(term.points)) from \(term.issue) (\(term.option))." + reasons(term))
            }
            for term in member.concedes {
                bullet("Concedes \(Figures.signed(term.points)) on \(term.issue) (\(term.option))." + reasons(term))
            }
            if let stays = member.stays {
                bullet("Stays in the coalition in \(Figures.percent(stays)) of draws when the numbers are perturbed.")
            }
        }

        if let bridging = brief.bridging {
            heading("Novelty: blocs bridged")
            if bridging.isEmpty { paragraph("The scenario names no existing groupings.") }
            for bloc in bridging {
                bullet("\(bloc.grouping): \(bloc.membersIn) of \(bloc.size) members in; distance \(Figures.fixed(bloc.novelty, 2)).")
            }
        }

        if let futures = brief.futures { write(futures, forDelegation: brief.audience != nil) }

        if let holdouts = brief.holdouts {
            heading("Holdouts and sweeteners")
            if holdouts.isEmpty { paragraph("Every actor is in.") }
            for holdout in holdouts {
                let why = holdout.redLines.isEmpty ? "lacks \(Figures.fixed(holdout.lacking)) points"
                    : "meets a red line (\(holdout.redLines.joined(separator: ", ")))" + (holdout.lacking > 0 ? " and lacks \(Figures.fixed(holdout.lacking)) points" : "")
                bullet("\(holdout.actor): \(why).")
                if holdout.sweeteners.isEmpty { bullet("No change of up to three issues brings it in without losing a member.", level: 1) }
                for sweetener in holdout.sweeteners {
                    let paid = sweetener.paidBy.isEmpty ? "no member loses" : "paid by " + sweetener.paidBy.joined(separator: ", ")
                    bullet("Sweetener: \(sweetener.changes.joined(separator: "; ")). \(holdout.actor) \(Figures.signed(sweetener.holdoutGain)); \(paid).", level: 1)
                }
            }
        }

        if let stability = brief.stability {
            heading("Stability")
            if stability.stable {
                paragraph("No viable coalition prefers another package" + (stability.proven ? "." : " among those searched."))
            } else {
                paragraph("Not stable: \(stability.blockers.joined(separator: ", ")) (\(Figures.percent(stability.blockerCapability)) of capability) would all do better with "
                    + stability.theyPrefer.joined(separator: "; ") + ".")
            }
        }

        if let robustness = brief.robustness {
            heading("Robustness")
            paragraph("With values moved by up to ±\(Figures.fixed(robustness.spread * 100, 0)) points and saliences by ±\(Figures.percent(robustness.spread)), "
                + "the coalition stays viable in \(Figures.percent(robustness.viableProbability)) of \(robustness.draws) draws (seed \(robustness.seed)).")
            if let fragile = robustness.mostFragile { paragraph("Most fragile assumption: \(fragile).") }
        }

        if let bargaining = brief.bargaining {
            heading("Bargaining points compared")
            for line in bargaining {
                bullet(line.isThisPackage ? "\(line.solution): this package is one of its best."
                    : "\(line.solution): best \(Figures.fixed(line.bestValue, 3)), this package \(Figures.fixed(line.thisValue, 3)).")
            }
        }

        heading(brief.audience == nil ? "Talking points" : "Your talking points")
        for member in brief.members {
            if brief.audience == nil { subheading("For \(member.name)") }
            for point in member.talkingPoints { bullet(point) }
        }

        heading("Annex: method and assumptions")
        for line in brief.annex.method { bullet(line) }
        for line in brief.annex.assumptions { bullet(line) }
        if !brief.annex.command.isEmpty {
            paragraph("To reproduce these figures:")
            if markdown {
                lines.append("```")
                lines.append(TerminalText.escaped(brief.annex.command))
                lines.append("```")
                lines.append("")
            } else {
                // Broken between arguments with shell line continuations, so it pastes as one command.
                lines += ShellWords.wrap(TerminalText.escaped(brief.annex.command), width: BriefRenderer.width, first: "    ", rest: "      ")
                lines.append("")
            }
        }
        while lines.last == "" { lines.removeLast() }
    }

    /// The package today and in each future: a table, then what changed where.
    private mutating func write(_ futures: [Brief.FutureLine], forDelegation: Bool) {
        heading("In each future")
        let header = forDelegation ? ["Future", "You", "Your gain"] : ["Future", "Viable", "Members", "Capability", "Rules failing"]
        let rows = futures.map { line in
            forDelegation ? [line.id, line.standing ?? "", line.gain.map { Figures.signed($0) } ?? ""]
                : [line.id, line.viable == true ? "yes" : "no", line.memberCount.map(String.init) ?? "",
                   line.capabilityShare.map(Figures.percent) ?? "", (line.failedRules ?? []).isEmpty ? "none" : (line.failedRules ?? []).joined(separator: ", ")]
        }
        table(header: header, rows: rows, rightAligned: forDelegation ? [2] : [2, 3])
        for line in futures where line.id != Future.todayID {
            var changes: [String] = []
            if let left = line.left, !left.isEmpty { changes.append("\(left.joined(separator: ", ")) leave\(left.count == 1 ? "s" : "")") }
            if let joined = line.joined, !joined.isEmpty { changes.append("\(joined.joined(separator: ", ")) join\(joined.count == 1 ? "s" : "")") }
            let description = line.description.isEmpty ? "" : " " + line.description + (line.description.hasSuffix(".") ? "" : ".")
            bullet("\(line.id): \(line.name).\(description)" + (changes.isEmpty ? "" : " Against today, " + changes.joined(separator: "; ") + "."))
        }
    }

    /// A table: Markdown's, or aligned columns in text; then a blank line.
    mutating func table(header: [String], rows: [[String]], rightAligned: Set<Int>) {
        if markdown {
            func cells(_ row: [String]) -> String {
                "| " + row.map { TerminalText.escaped($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
            }
            lines.append(cells(header))
            lines.append("|" + header.indices.map { rightAligned.contains($0) ? " ---: |" : " --- |" }.joined())
            lines += rows.map(cells)
        } else {
            var table = TextTable(header: header, rightAligned: rightAligned)
            for row in rows { table.append(row) }
            lines += table.render().split(separator: "\n").map(String.init)
        }
        lines.append("")
    }

    mutating func title(_ text: String) {
        let clean = TerminalText.escaped(text)
        if markdown {
            lines += ["# \(clean)", ""]
        } else {
            let wrapped = TextWrap.wrap(clean, width: BriefRenderer.width)
            lines += wrapped
            lines.append(String(repeating: "=", count: min(BriefRenderer.width, wrapped.map { DisplayWidth.of($0) }.max() ?? 0)))
            lines.append("")
        }
    }

    /// Starts a block after a blank line.
    mutating func separate() {
        if let last = lines.last, !last.isEmpty { lines.append("") }
    }

    mutating func heading(_ text: String) {
        separate()
        if markdown {
            lines += ["## \(text)", ""]
        } else {
            lines += [text, String(repeating: "-", count: DisplayWidth.of(text)), ""]
        }
    }

    mutating func subheading(_ text: String) {
        separate()
        let clean = TerminalText.escaped(text)
        if markdown { lines += ["### \(clean)", ""] } else { lines += TextWrap.wrap(clean, width: BriefRenderer.width) }
    }

    mutating func paragraph(_ text: String) {
        separate()
        let clean = TerminalText.escaped(text)
        lines += markdown ? [clean] : TextWrap.wrap(clean, width: BriefRenderer.width)
        lines.append("")
    }

    /// A term's reasons: what the member's values say now (capitalised, as its own
    /// sentence), then the author's note.
    private func reasons(_ term: Brief.Contribution) -> String {
        (term.stance.isEmpty ? "" : " " + term.stance.prefix(1).uppercased() + term.stance.dropFirst() + ".")
            + (term.note.isEmpty ? "" : " Note: \(term.note)")
    }

    mutating func bullet(_ text: String, level: Int = 0) {
        let clean = TerminalText.escaped(text)
        let indent = String(repeating: "  ", count: level)
        lines += markdown ? ["\(indent)- \(clean)"] : TextWrap.wrap(clean, width: BriefRenderer.width, first: indent + "- ", rest: indent + "  ")
    }
}
