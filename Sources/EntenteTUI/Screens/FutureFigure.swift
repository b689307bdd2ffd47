import EntenteCore
import EntenteSession

/// Figure 1 of the report on the Overview: the four futures on their two axes (bipolar ↔
/// multipolar across, nationalist ↔ internationalist down), today where the axes cross,
/// the selected future marked `▸` and highlighted, and in each the builder's package
/// (viable or not, and who joins). The scenario's futures are placed by their ids or names
/// (`bipolar-nationalist`, "Multipolar and internationalist"); a future that names no
/// quadrant, or a second one for a taken quadrant, is listed beside the figure (below it
/// when the screen is narrow).
///
///                 ↑ nationalist
///     ┌────────────────┬────────────────┐
///     │▸Bipolar and    │ Multipolar and │
///     │ nationalist    │ nationalist    │
///     │ ✓ viable, 3 in │ ✗ not viable   │
///     ├ bipolar ←──────●─→ multipolar ──┤
///     …
enum FutureFigure {
    /// The figure's four places, in reading order.
    enum Quadrant: CaseIterable {
        case bipolarNationalist, multipolarNationalist, bipolarInternationalist, multipolarInternationalist

        /// The report's name for the future there, shown when the scenario has none.
        var reportName: String {
            switch self {
            case .bipolarNationalist: "Bipolar and nationalist"
            case .multipolarNationalist: "Multipolar and nationalist"
            case .bipolarInternationalist: "Bipolar and internationalist"
            case .multipolarInternationalist: "Multipolar and internationalist"
            }
        }

        /// The quadrant a future names in its id or name (one word of each axis), if any.
        init?(naming future: Future) {
            let words = (future.id + " " + future.name).lowercased()
            let multipolar = words.contains("multipolar")
            guard multipolar || words.contains("bipolar") else { return nil }
            // "internationalist" contains "nationalist": look for the longer word first.
            let internationalist = words.contains("internationalist")
            guard internationalist || words.contains("nationalist") else { return nil }
            switch (multipolar, internationalist) {
            case (false, false): self = .bipolarNationalist
            case (true, false): self = .multipolarNationalist
            case (false, true): self = .bipolarInternationalist
            case (true, true): self = .multipolarInternationalist
            }
        }
    }

    /// Where the scenario's futures go: one per quadrant (the first that names it), and the
    /// others in file order.
    static func placement(_ futures: [Future]) -> (quadrants: [Quadrant: Future], others: [Future]) {
        var quadrants: [Quadrant: Future] = [:]
        var others: [Future] = []
        for future in futures {
            if let quadrant = Quadrant(naming: future), quadrants[quadrant] == nil {
                quadrants[quadrant] = future
            } else {
                others.append(future)
            }
        }
        return (quadrants, others)
    }

    /// The figure as lines for the Overview (empty when the scenario has no futures).
    static func lines(_ state: AppState, width: Int) -> [OverviewLine] {
        let futures = state.view.today.futures
        guard !futures.isEmpty else { return [] }
        let (quadrants, others) = placement(futures)
        let cell = min(30, max(16, (width - 3) / 2))
        let figureWidth = 2 * cell + 3
        let besideWidth = width - figureWidth - 3
        let beside = besideWidth >= 24
        var figure: [OverviewLine] = []
        func centred(_ text: String) -> String {
            String(repeating: " ", count: max(0, cell + 1 - DisplayWidth.of(text) / 2)) + text
        }
        figure.append(OverviewLine(centred("↑" + " nationalist"), Style(role: .muted)))
        figure.append(OverviewLine("┌" + across(cell) + "┬" + across(cell) + "┐", Style(role: .accent)))
        for row in [[Quadrant.bipolarNationalist, .multipolarNationalist], [.bipolarInternationalist, .multipolarInternationalist]] {
            let cells = row.map { quadrant in
                quadrantLines(quadrants[quadrant], reportName: quadrant.reportName, state: state, width: cell)
            }
            for line in 0..<3 {
                var text = "│"
                var highlight: Range<Int>?
                for (column, content) in cells.enumerated() {
                    if content.selected, line < content.nameLines { highlight = (1 + column * (cell + 1))..<(1 + column * (cell + 1) + cell) }
                    text += DisplayWidth.pad(content.lines[line], to: cell) + "│"
                }
                figure.append(OverviewLine(text, Style(), highlight: highlight))
            }
            if row.first == .bipolarNationalist {
                let left = " bipolar " + "←"
                let right = "→" + " multipolar "
                let inner = left + across(cell - DisplayWidth.of(left)) + "●"
                    + across(cell - DisplayWidth.of(right)) + right
                let todaySelected = state.view.future == nil
                figure.append(OverviewLine("├" + inner + "┤", Style(role: .accent),
                                           highlight: todaySelected ? (cell + 1)..<(cell + 2) : nil))
            }
        }
        figure.append(OverviewLine("└" + across(cell) + "┴" + across(cell) + "┘", Style(role: .accent)))
        figure.append(OverviewLine(centred("↓" + " internationalist"), Style(role: .muted)))
        let todayStatus = state.view.futures.first.map { status($0.package, state: state) } ?? ""
        let todayLabel = (state.view.future == nil ? "▸" : "") + "●" + " today, where the axes cross: " + todayStatus
        figure.append(OverviewLine(todayLabel, Style(), highlight: state.view.future == nil ? 0..<DisplayWidth.of(todayLabel) : nil))

        var list: [OverviewLine] = []
        if !others.isEmpty {
            list.append(OverviewLine("Other futures", Style(bold: true, role: .accent)))
            for future in others {
                let selected = state.view.future == future.id
                let lane = state.view.futures.first { $0.id == future.id }
                let text = (selected ? "▸" : " ") + TerminalText.escaped(future.name)
                list.append(OverviewLine(text, Style(bold: selected), highlight: selected ? 0..<DisplayWidth.of(text) : nil))
                if let lane { list.append(OverviewLine("   " + status(lane.package, state: state), Style())) }
            }
        }
        let heading = OverviewLine("Figure 1: the four futures (\(Keymap.key(.futures(.cycleFuture(1)), on: .overview)) shows the next; in each, the builder's package)", Style(bold: true, role: .accent))
        guard beside, !list.isEmpty else {
            return [heading] + figure + (list.isEmpty ? [] : [OverviewLine("", Style())] + list)
        }
        // Beside the figure: each row keeps the figure's highlight, the list's text is plain.
        let rows = max(figure.count, list.count)
        return [heading] + (0..<rows).map { row in
            let left = row < figure.count ? figure[row] : OverviewLine("", Style())
            let right = row < list.count ? DisplayWidth.truncate(list[row].text, to: besideWidth) : ""
            let shifted = row < list.count ? list[row].highlight.map { ($0.lowerBound + figureWidth + 3)..<($0.upperBound + figureWidth + 3) } : nil
            return OverviewLine(DisplayWidth.pad(left.text, to: figureWidth + 3) + right, left.style, highlight: left.highlight ?? shifted)
        }
    }

    /// A quadrant's three rows: the future's name (the report's, when the scenario has no
    /// future there) and how the builder's package fares in it.
    private static func quadrantLines(_ future: Future?, reportName: String, state: AppState, width: Int)
        -> (lines: [String], nameLines: Int, selected: Bool) {
        guard let future else {
            return ([" " + reportName, " (not in this scenario)", ""].map { DisplayWidth.truncate($0, to: width) }, 0, false)
        }
        let selected = state.view.future == future.id
        var names = TextWrap.wrap(TerminalText.escaped(future.name), width: width - 2).prefix(2).map { DisplayWidth.truncate($0, to: width - 2) }
        names[0] = (selected ? "▸" : " ") + names[0]
        for index in names.indices.dropFirst() { names[index] = " " + names[index] }
        let lane = state.view.futures.first { $0.id == future.id }
        let status = lane.map { " " + self.status($0.package, state: state) } ?? ""
        let lines = names + (names.count < 2 ? [""] : []) + [DisplayWidth.truncate(status, to: width)]
        return (lines, names.count, selected)
    }

    /// How a package fares in one future: viable with how many join, or not; in the workshop
    /// view only the viewer's own gain and whether it joins (viability is not a delegation's
    /// to see).
    static func status(_ evaluation: SeatEvaluation, state: AppState) -> String {
        if let full = evaluation.full {
            return full.viable ? "\("✓") viable, \(full.coalition.count) join" : "\("✗") not viable"
        }
        guard let own = evaluation.own else { return "" }
        return "you \(Figures.signed(own.gain)), " + (own.joins ? "join" : own.redLined ? "red line" : "stay out")
    }

    /// A horizontal rule `count` columns long.
    private static func across(_ count: Int) -> String { String(repeating: "─", count: max(0, count)) }
}
