import Foundation

/// Writes a `RoleBrief` as plain text wrapped at 72 columns or as Markdown, laid out as
/// package briefs are: the trainer's text first, then the actor's numbers. Text from the
/// scenario is escaped.
public enum RoleBriefRenderer {
    public static func render(_ role: RoleBrief, markdown: Bool) -> String {
        var writer = BriefWriter(markdown: markdown)
        writer.write(role)
        return writer.output
    }
}

extension BriefWriter {
    mutating func write(_ role: RoleBrief) {
        title("Role brief: \(role.name)")
        paragraph("\(role.kind.rawValue.capitalized); capability \(Figures.fixed(role.capability, 1)), "
            + "\(Figures.percent(role.capabilityShare)) of all capability. You join a package only if you gain more than "
            + "\(Figures.fixed(role.margin)) points and it holds none of your red lines.")
        if role.text.isEmpty {
            paragraph("The scenario gives no brief for this delegation; its numbers follow.")
        }
        for block in Self.blocks(of: role.text) {
            guard block.first?.hasPrefix("- ") == true else {
                paragraph(block.joined(separator: " "))
                continue
            }
            // A list: each "- " starts an item, other lines continue the one before.
            var items: [String] = []
            for line in block {
                if line.hasPrefix("- ") { items.append(String(line.dropFirst(2))) } else { items[items.count - 1] += " " + line }
            }
            separate()
            for item in items { bullet(item) }
            lines.append("")
        }

        heading("Your interests, heaviest first")
        paragraph("Weight: the issue's share of your salience. Gain alone: your gain in points if that option "
            + "replaced the status quo and nothing else changed (weight × the change in value). "
            + "A package's gain is the sum over its issues, plus your links.")
        for interest in role.interests {
            subheading("\(interest.name) (\(interest.issue)): weight \(Figures.percent(interest.weight)), salience \(Figures.fixed(interest.salience))")
            if !markdown { lines.append("") }
            table(
                header: ["Option", "Value", "Gain alone", "Red line"],
                rows: interest.options.map { option in
                    [option.name + (option.isStatusQuo ? " (status quo)" : ""), Figures.fixed(option.value, 0),
                     option.isStatusQuo ? "" : Figures.signed(option.gainAlone), option.isRedLine ? "yes" : ""]
                },
                rightAligned: [1, 2])
        }
        if role.interests.isEmpty { paragraph("You have no stance on any issue.") }

        heading("Your red lines")
        let redLines = role.interests.flatMap { interest in
            interest.options.filter(\.isRedLine).map { "\(interest.name): \($0.name)" }
        }
        if redLines.isEmpty { paragraph("None: you can accept any option if the package pays.") }
        for line in redLines { bullet(line) }

        heading("Your links")
        if role.links.isEmpty { paragraph("None: your gain is the sum of your issues.") }
        for link in role.links {
            bullet("\(Figures.signed(link.points)) points when " + link.conditions.joined(separator: "; and ") + "."
                + (link.holdsAtStatusQuo ? " It holds at the status quo already." : ""))
        }
        while lines.last == "" { lines.removeLast() }
    }

    /// The trainer's text as blocks separated by blank lines, each a list of its lines.
    private static func blocks(of text: String) -> [[String]] {
        var blocks: [[String]] = [], current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !current.isEmpty { blocks.append(current) }
                current = []
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }
}
