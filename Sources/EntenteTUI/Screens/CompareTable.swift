import EntenteCore
import EntenteSession

/// The pinned packages side by side, as rows with one cell per pin: the issues (where the
/// pins differ marked), each package's coalition figures and members, and every actor's
/// gain (a delegation's seat: its own only). Compare draws it; `:compare FILE` writes it as
/// text or Markdown, so what is exported is what is shown.
struct CompareTable {
    enum Kind: Equatable {
        /// A section heading ("Issues", "Coalition", "Gains").
        case heading
        /// An issue: `differs` when the pins choose different options; `atStatusQuo` per cell.
        case issue(differs: Bool, atStatusQuo: [Bool])
        case figure
        /// An actor's gains: `members` per cell, whether it joins that package's coalition;
        /// `points`, the gain Compare's chart draws (nil where a red line keeps it out).
        case gain(members: [Bool], points: [Double?])
    }

    struct Row {
        let label: String
        let cells: [String]
        let kind: Kind
    }

    /// The pins' titles and notes, in pin order.
    let titles: [String]
    let notes: [String]
    let rows: [Row]

    init(_ state: AppState) {
        let scenario = state.scenario
        let pinned = state.view.pinned
        titles = pinned.indices.map { pinned[$0].title($0) }
        notes = pinned.map(\.note)
        var rows: [Row] = [Row(label: "Issues", cells: [], kind: .heading)]
        for (issue, item) in scenario.issues.enumerated() {
            let choices = pinned.map { $0.package.choices[issue] }
            rows.append(Row(label: item.name, cells: choices.map { item.options[$0].name },
                            kind: .issue(differs: Set(choices).count > 1, atStatusQuo: choices.map { $0 == item.statusQuoIndex })))
        }
        let evaluations = state.view.pinEvaluations
        if let viewer = state.viewerIndex {
            rows.append(Row(label: "Your gain", cells: [], kind: .heading))
            let own = evaluations.map { $0.standing(of: viewer) }
            rows.append(Row(label: scenario.actors[viewer].name,
                            cells: own.map { $0.map { "\(Figures.signed($0.gain)) (\($0.joins ? "joins" : $0.redLined ? "red line" : "stays out"))" } ?? "" },
                            kind: .gain(members: own.map { $0?.joins == true }, points: own.map { $0?.redLined == false ? $0?.gain : nil })))
            self.rows = rows
            return
        }
        let full = evaluations.compactMap(\.full)
        rows.append(Row(label: "Coalition", cells: [], kind: .heading))
        let figures: [(String, (PackageEvaluation) -> String)] = [
            ("Members", { "\($0.coalition.count)\($0.viable ? "" : " (not viable)")" }),
            ("Who", { $0.coalition.isEmpty ? "nobody" : $0.coalition.members.map { scenario.actors[$0].id }.joined(separator: ", ") }),
            ("Capability", { Figures.percent($0.objective(.capability)) }),
            ("Total gain", { Figures.signed($0.objective(.totalGain)) }),
            ("Min gain", { Figures.signed($0.objective(.minGain)) }),
            ("Nash", { Figures.fixed($0.objective(.nash), 2) }),
            ("Novelty", { Figures.fixed($0.objective(.novelty), 2) }),
            ("Openness", { Figures.signed($0.objective(.openness), 1) }),
        ]
        rows += figures.map { label, value in Row(label: label, cells: full.map(value), kind: .figure) }
        rows.append(Row(label: "Gains (points)", cells: [], kind: .heading))
        for actor in scenario.actors.indices {
            rows.append(Row(label: scenario.actors[actor].name,
                            cells: full.map { $0.redLined.contains(actor) ? "red line" : Figures.signed($0.gains[actor]) },
                            kind: .gain(members: full.map { $0.coalition.contains(actor) },
                                        points: full.map { $0.redLined.contains(actor) ? nil : $0.gains[actor] })))
        }
        self.rows = rows
    }

    /// The comparison as aligned plain text: a title, the notes, and one table (members
    /// of a package's coalition marked `*`).
    func text(title: String) -> String {
        var lines = ["Comparison: " + TerminalText.escaped(title), ""]
        lines += notes.enumerated().filter { !$0.element.isEmpty }.map { "\(TerminalText.escaped(titles[$0.offset])): \(TerminalText.escaped($0.element))" }
        if notes.contains(where: { !$0.isEmpty }) { lines.append("") }
        var table = TextTable(header: [""] + titles)
        for row in rows { table.append([row.kind == .heading ? row.label.uppercased() : row.label] + marked(row)) }
        return (lines + [table.render(), "", "* a member of that package's coalition"]).joined(separator: "\n") + "\n"
    }

    /// The comparison as Markdown: one table, section headings in bold, members marked `*`.
    func markdown(title: String) -> String {
        let cell = { (text: String) in TerminalText.escaped(text).replacingOccurrences(of: "|", with: "\\|") }
        var lines = ["# Comparison: \(cell(title))", ""]
        for (index, note) in notes.enumerated() where !note.isEmpty { lines.append("- **\(cell(titles[index]))**: \(cell(note))") }
        if notes.contains(where: { !$0.isEmpty }) { lines.append("") }
        lines.append("| | " + titles.map(cell).joined(separator: " | ") + " |")
        lines.append("| --- |" + String(repeating: " --- |", count: titles.count))
        for row in rows {
            let label = row.kind == .heading ? "**\(cell(row.label))**" : cell(row.label)
            let cells = row.kind == .heading ? Array(repeating: "", count: titles.count) : marked(row).map(cell)
            lines.append("| \(label) | " + cells.joined(separator: " | ") + " |")
        }
        lines += ["", "\\* a member of that package's coalition"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The row's cells, with members of a coalition marked `*` on gain rows.
    private func marked(_ row: Row) -> [String] {
        guard case .gain(let members, _) = row.kind else { return row.cells }
        return zip(row.cells, members).map { $1 ? $0 + " *" : $0 }
    }
}
