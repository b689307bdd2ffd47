import EntenteCore
import EntenteSession

/// Coalition finder: choose what to rank by, run the search (live progress, Esc cancels,
/// the screen stays responsive), browse and sort the ranked packages, and read the
/// selected one's members and holdouts.
enum FinderScreen {
    static func draw(_ state: AppState, into grid: inout Grid, top: Int, height: Int) {
        let finder = state.finder
        let width = grid.width - 2
        guard state.viewer == nil else {
            grid.putWrapped(SessionError.readsEveryone("coalition finder", widen: state.view.mayWiden).description,
                            x: 1, y: top, width: width, style: Style(role: .muted))
            return
        }
        let holds = state.scenario.issues.compactMap { issue in
            state.fixed[issue.id].map { Scenario.assignment(issue.id, $0) } ?? (state.offTable.contains(issue.id) ? "\(issue.id) off" : nil)
        }
        let held = (holds.isEmpty ? [] : ["held: " + holds.joined(separator: ", ")])
            + (finder.constraintsSummary.isEmpty ? [] : [finder.constraintsSummary])
        let legend = finder.robust.map { robust in
            ["futures: " + robust.ids.indices.dropFirst().map { "F\($0) \(TerminalText.escaped(robust.ids[$0]))" }.joined(separator: ", ")]
        } ?? []
        let constraints = held + legend
        if !constraints.isEmpty {
            grid.put(DisplayWidth.truncate(constraints.joined(separator: " · "), to: width), x: 1, y: top + 2, style: Style(role: .muted), limit: width)
        }
        // Results ranked by another objective keep their ranking: the header says the next search differs.
        let next = finder.hasResults && (finder.objective != finder.rankedBy || finder.acrossFutures != (finder.robust != nil))
            ? "Next search ranks by" : "Rank by"
        let keys = (change: Keymap.key(.finder(.cycleObjective(1)), on: .finder), run: Keymap.key(.finder(.runSearch), on: .finder))
        grid.put("\(next): \(finder.objective.rawValue) (\(finder.objective.summary))\(scope(state))   \(keys.change) changes it, \(keys.run) runs",
                 x: 1, y: top, style: Style(bold: true, role: .accent), limit: width)
        var y = top + 1
        if finder.running {
            let fraction = finder.progress?.fraction ?? 0
            let barWidth = max(10, min(40, width - 40))
            let filled = Int(fraction * Double(barWidth))
            let (done, left) = ("█", "░")
            let explored = finder.progress.map { Figures.count(Double($0.explored)) } ?? "0"
            grid.put(String(repeating: done, count: filled) + String(repeating: left, count: barWidth - filled)
                + " \(Figures.percent(fraction))  \(explored) packages  \(Keymap.key(.finder(.cancelSearch), on: .finder)) cancels", x: 1, y: y, style: Style(role: .accent), limit: width)
        } else if finder.hasResults {
            let (proven, cancelled, explored) = finder.result.map { ($0.proven, $0.cancelled, $0.explored) }
                ?? finder.robust.map { ($0.proven, $0.cancelled, $0.explored) } ?? (false, false, 0)
            let how = proven ? "proven best" : cancelled ? "cancelled: best found so far" : "stopped early: best found so far"
            let ranked = finder.robust == nil ? " ranked by \(finder.rankedBy.rawValue)"
                : " viable today and in every future, ranked by worst \(finder.rankedBy.rawValue)"
            let shown = state.filter.isEmpty ? "" : ", \(finder.order.count) match /\(TerminalText.escaped(state.filter))"
            let strategy = finder.result.map { ", \($0.strategy.rawValue)" } ?? ""
            let run = finder.history.count > 1 && finder.history.indices.contains(finder.shownRun)
                ? "search \(finder.shownRun + 1) of \(finder.history.count) (\(Keymap.key(.finder(.showRun(-1)), on: .finder)) \(Keymap.key(.finder(.showRun(1)), on: .finder))): " : ""
            let stale = finder.stale
                ? "STALE, the scenario changed since; \(Keymap.key(.finder(.runSearch), on: .finder)) searches again, keeping the selection: " : ""
            grid.put("\(stale)\(run)\(finder.packages.count) packages\(ranked)\(shown)\(strategy), \(Figures.count(Double(explored))) explored, \(how)",
                     x: 1, y: y, style: Style(role: proven && !finder.stale ? .muted : .bad), limit: width)
        } else if finder.acrossFutures {
            grid.put("\(Keymap.key(.finder(.runSearch), on: .finder)) searches every package for coalitions viable today and in every future.", x: 1, y: y, style: Style(role: .muted), limit: width)
        } else {
            grid.put("\(Keymap.key(.finder(.runSearch), on: .finder)) searches every package of the scenario for viable coalitions.", x: 1, y: y, style: Style(role: .muted), limit: width)
        }
        y += 2
        let packages = finder.packages
        guard !packages.isEmpty, !finder.order.isEmpty else {
            if finder.hasResults {
                let why = packages.isEmpty ? emptyReason(state) : ["No result matches /\(TerminalText.escaped(state.filter)) (\(Keymap.clearFilter.keyLabel) clears the filter)."]
                for (row, line) in why.enumerated() { grid.put(line, x: 1, y: y + row, limit: width) }
            }
            return
        }
        let place = tableLayout(state, top: top, height: height)
        drawTable(state, packages, into: &grid, y: place.y, rows: place.rows, width: width)
        drawDetail(state, packages[finder.order[finder.selected]], into: &grid, y: place.y + place.rows + 2, rows: place.detail, width: width)
    }

    /// What the header adds about futures: where the next search looks, and the key that
    /// changes it (nothing for a scenario without futures).
    private static func scope(_ state: AppState) -> String {
        guard !state.view.futures.isEmpty else { return "" }
        let key = Keymap.workbench.keyLabel(for: .finder(.toggleAcrossFutures), on: .finder)
        return state.finder.acrossFutures
            ? " in the worst of today and \(state.view.futures.count - 1) futures (\(key): the future shown only)"
            : " in \(state.view.future ?? "today") (\(key): across every future)"
    }

    /// Why the search found nothing: the conditions it had to meet, and how to loosen them.
    static func emptyReason(_ state: AppState) -> [String] {
        let finder = state.finder
        guard finder.hasResults else { return [] }
        let conditions = (finder.request ?? state.searchRequest).conditions(in: state.scenario)
        let proven = finder.result?.proven ?? finder.robust?.proven ?? true
        let explored = finder.result?.explored ?? finder.robust?.explored ?? 0
        let searched = proven ? "" : " among the \(Figures.count(Double(explored))) packages searched"
        let coalition = finder.robust == nil ? "a viable coalition" : "a coalition viable today and in every future"
        return TextWrap.wrap("No package gives \(coalition) that meets \(conditions)\(searched).", width: max(20, state.size.columns - 2))
            + ["Loosen: :free all drops the actor constraints and the minimum; holds are set on Issues."]
    }

    /// Where the results table sits (its header row), how many results it shows, and the
    /// rows left for the detail pane.
    private static func tableLayout(_ state: AppState, top: Int, height: Int) -> (y: Int, rows: Int, detail: Int) {
        // Tall terminals give the analysis half the screen; short ones keep more results.
        let detail = min(20, max(3, height >= 30 ? height / 2 : height * 2 / 5))
        return (top + 3, min(state.finder.order.count, max(1, height - 3 - detail - 2)), detail)
    }

    private static func firstResult(_ state: AppState, rows: Int) -> Int {
        Scrolling.first(selected: state.finder.selected, count: state.finder.order.count, rows: rows)
    }

    /// The result (its place in the displayed order) at a screen row, for mouse clicks.
    static func result(atRow y: Int, _ state: AppState, top: Int, height: Int) -> Int? {
        guard state.finder.hasResults else { return nil }
        let place = tableLayout(state, top: top, height: height)
        guard y > place.y, y <= place.y + place.rows else { return nil }
        let position = firstResult(state, rows: place.rows) + y - place.y - 1
        return state.finder.order.indices.contains(position) ? position : nil
    }

    /// The figure columns in the order they give way on narrow terminals; the column the
    /// results are ranked by and the sorted one never do.
    private static let givingWay: [FinderColumn] = [.nash, .novelty, .openness, .minGain, .totalGain, .members, .capability]

    /// The figure columns shown at this width, in table order, and the width left for the coalition.
    static func columns(_ finder: FinderState, width: Int) -> [FinderColumn] {
        let kept: Set<FinderColumn> = [finder.sort, FinderColumn(finder.rankedBy)]
        var shown = FinderColumn.allCases.filter { $0 != .rank }
        for column in givingWay where !kept.contains(column) {
            guard width - shown.reduce(5) { $0 + columnWidth($1) + 1 } - 1 < 16 else { break }
            shown.removeAll { $0 == column }
        }
        return shown
    }

    private static func columnWidth(_ column: FinderColumn) -> Int { max(7, column.header.count + 1) }

    /// A result's figure in a column, as the table writes it.
    static func figure(_ evaluation: PackageEvaluation, _ column: FinderColumn) -> String {
        column.objective.map { format(evaluation.objective($0), $0) } ?? ""
    }

    /// An objective's figure as the table writes it.
    static func format(_ value: Double, _ objective: Objective) -> String {
        switch objective {
        case .capability: Figures.percent(value)
        case .members: "\(Int(value))"
        case .totalGain: Figures.fixed(value, 1)
        case .openness: Figures.signed(value, 1)
        default: Figures.fixed(value, 2)
        }
    }

    /// A figure column of the results table: its header, whether it carries the sort mark,
    /// and the cell of each result (by its index in the search's order).
    struct TableColumn {
        let header: String
        let marked: Bool
        let cell: (Int) -> String
        var width: Int { max(7, header.count + 1) }
    }

    /// The figure columns at this width: the finder's columns, or for a robust search the
    /// worst case, today's figure and each future's (the futures give way from the last on
    /// narrow terminals).
    static func tableColumns(_ state: AppState, width: Int) -> [TableColumn] {
        let finder = state.finder
        guard let robust = finder.robust else {
            let packages = finder.packages
            let marked = finder.sort == .rank ? FinderColumn(finder.rankedBy) : finder.sort
            return columns(finder, width: width).map { column in
                TableColumn(header: column.header, marked: column == marked) { figure(packages[$0], column) }
            }
        }
        let objective = finder.rankedBy
        var columns = [TableColumn(header: "Worst", marked: finder.robustSort == nil) { format(robust.packages[$0].worst, objective) }]
        for index in robust.ids.indices {
            columns.append(TableColumn(header: index == 0 ? "Today" : "F\(index)", marked: finder.robustSort == index) {
                format(robust.packages[$0].byFuture[index].value, objective)
            })
        }
        while columns.count > 2, width - columns.reduce(5) { $0 + $1.width + 1 } - 1 < 16 { columns.removeLast() }
        return columns
    }

    private static func drawTable(_ state: AppState, _ packages: [PackageEvaluation], into grid: inout Grid, y: Int, rows: Int, width: Int) {
        let finder = state.finder
        let figures = tableColumns(state, width: width)
        // What the figures leave goes to the coalition and, on wide screens, the package.
        let rest = max(10, width - figures.reduce(5) { $0 + $1.width + 1 } - 1)
        let first = firstResult(state, rows: rows)
        let shown = Array((first..<finder.order.count).prefix(rows))
        let labels = shown.map { coalitionLabel(packages[finder.order[$0]].coalition, state.scenario) }
        let wanted = min(rest / 2, max(10, labels.map(DisplayWidth.of).max() ?? 0))
        let coalitionWidth = rest - wanted - 1 >= 20 ? wanted : rest
        let packageWidth = rest - coalitionWidth - 1
        func row(_ rank: String, _ coalition: String, _ cells: [String], _ package: String?) -> String {
            DisplayWidth.pad(rank, to: 4, alignRight: true) + " " + DisplayWidth.pad(coalition, to: coalitionWidth) + " "
                + zip(figures, cells).map { DisplayWidth.pad($1, to: $0.width, alignRight: true) + " " }.joined()
                + (package.map { DisplayWidth.truncate($0, to: packageWidth) } ?? "")
        }
        let headers = figures.map { $0.header + ($0.marked ? "▼" : "") }
        let coalition = finder.robust == nil || coalitionWidth < 15 ? "Coalition" : "Coalition today"
        grid.put(row("#", coalition, headers, packageWidth >= 20 ? "Package (changes)" : nil), x: 1, y: y, style: Style(bold: true), limit: width)
        for (offset, position) in shown.enumerated() {
            let index = finder.order[position]
            let evaluation = packages[index]
            let package = packageWidth >= 20 ? state.scenario.changes(evaluation.package).joined(separator: ", ") : nil
            let selected = position == finder.selected
            if selected { grid.paint(y: y + 1 + offset, from: 1, to: 1 + width, style: Style(reverse: true)) }
            grid.put(row("\(index + 1)", labels[offset], figures.map { $0.cell(index) }, package),
                     x: 1, y: y + 1 + offset, style: Style(reverse: selected), limit: width)
        }
    }

    /// The members, or for large coalitions who is missing: "everyone", "all but china, russia".
    static func coalitionLabel(_ coalition: ActorSet, _ scenario: Scenario) -> String {
        let count = coalition.count
        let ids = { (actors: [Int]) in actors.map { TerminalText.escaped(scenario.actors[$0].id) }.joined(separator: ",") }
        if count == scenario.actors.count { return "everyone" }
        if count > scenario.actors.count / 2 && count > 3 {
            return "all but " + ids(scenario.actors.indices.filter { !coalition.contains($0) })
        }
        return ids(coalition.members)
    }

    /// The selected package's pane: its changes, members, holdouts and analysis, as lines.
    static func detailLines(_ state: AppState, _ evaluation: PackageEvaluation, width: Int, rows: Int) -> [(String, Style)] {
        let scenario = state.scenario
        let changes = scenario.changes(evaluation.package)
        let keys = (build: Keymap.key(.finder(.buildSelected), on: .finder), pin: Keymap.key(.browsing(.pin), on: .finder))
        var lines: [(String, Style)] = [("Selected package (\(keys.build) opens it in the builder, \(keys.pin) pins it)", Style(bold: true, role: .accent))]
        lines += TextWrap.wrap(changes.isEmpty ? "every issue at its status quo" : changes.joined(separator: ", "), width: width, first: "changes: ", rest: "  ")
            .map { ($0, Style()) }
        if let robust = state.finder.robust, let found = robust.packages.first(where: { $0.package == evaluation.package }) {
            lines += FutureVerdictLines.rows(found, ids: robust.ids, objective: state.finder.rankedBy, scenario: scenario, width: width)
        }
        // Weakest first: the members a rival offer would peel off soonest.
        let members = evaluation.coalition.members.sorted { evaluation.gains[$0] < evaluation.gains[$1] }
            .map { "\(scenario.actors[$0].id) \(Figures.signed(evaluation.gains[$0]))" }
        let memberRows = rows >= 12 ? 4 : 2
        let today = state.finder.robust == nil ? "" : " today"
        lines += fitted(members, label: "members\(today) (\(members.count), weakest first): ", width: width, rows: memberRows).map { ($0, Style(role: .good)) }
        let outside = scenario.actors.indices.filter { !evaluation.coalition.contains($0) }.map { actor in
            evaluation.redLined.contains(actor) ? "\(scenario.actors[actor].id) (red line)" : "\(scenario.actors[actor].id) \(Figures.signed(evaluation.gains[actor]))"
        }
        lines += fitted(outside, label: "holdouts\(today): ", width: width, rows: memberRows).map { ($0, Style(role: .bad)) }
        if let shortfall = state.shortfall(under: evaluation.package) {
            lines += ShortfallLines.lines(shortfall, package: evaluation.package, scenario: scenario, width: width)
        }
        if let result = state.finder.analysis, result.package == evaluation.package {
            if state.finder.robust == nil { lines += FutureVerdictLines.summary(result.futures, scenario: scenario, width: width) }
            lines += AnalysisLines.lines(result.analysis, scenario: scenario, width: width, excluded: Set(state.finder.request?.exclude ?? []))
        } else if state.finder.stale {
            lines.append(("not analysed: the scenario changed since this search", Style(role: .muted)))
        } else if state.finder.analysisStopped == evaluation.package {
            lines.append(("analysis stopped (\(Keymap.key(.finder(.cancelSearch), on: .finder))): move to another result and back to analyse it", Style(role: .muted)))
        } else {
            lines.append(("analysing: pivotal members, sweeteners, bargaining points, stability, robustness…", Style(role: .muted)))
        }
        return lines
    }

    /// How many lines the selected package's pane has and how many it shows, for scrolling.
    static func detailExtent(_ state: AppState) -> (lines: Int, shown: Int) {
        let packages = state.finder.packages
        guard state.finder.order.indices.contains(state.finder.selected) else { return (0, 0) }
        let place = tableLayout(state, top: 1, height: state.size.rows - 2)
        let lines = detailLines(state, packages[state.finder.order[state.finder.selected]], width: state.size.columns - 2, rows: place.detail)
        return (lines.count, lines.count > place.detail ? place.detail - 1 : place.detail)
    }

    /// The pane scrolled to `detailScroll`; its last row says what is above and below.
    private static func drawDetail(_ state: AppState, _ evaluation: PackageEvaluation, into grid: inout Grid, y: Int, rows: Int, width: Int) {
        let lines = detailLines(state, evaluation, width: width, rows: rows)
        let first = min(state.finder.detailScroll, max(0, lines.count - rows))
        let cut = lines.count > rows
        let shown = cut ? rows - 1 : rows
        for (offset, line) in lines.dropFirst(first).prefix(shown).enumerated() {
            grid.put(line.0, x: 1, y: y + offset, style: line.1, limit: width)
        }
        if cut {
            let below = max(0, lines.count - first - shown)
            let keys = Keymap.workbench
            let position = below > 0 ? "\(below) more below (\(keys.keyLabel(for: .page(1), on: .finder)))" : "the end (\(keys.keyLabel(for: .page(-1), on: .finder)) goes back)"
            grid.put("── \(first + 1)–\(first + shown) of \(lines.count): \(position)", x: 1, y: y + shown, style: Style(role: .muted), limit: width)
        }
    }

    /// As many items as fit on `rows` wrapped rows after the label, then "… and N more".
    static func fitted(_ items: [String], label: String, width: Int, rows: Int) -> [String] {
        guard !items.isEmpty else { return TextWrap.wrap("nobody", width: width, first: label, rest: "  ") }
        var shown = items.count
        while shown > 1 {
            let more = shown < items.count ? ", … and \(items.count - shown) more" : ""
            let wrapped = TextWrap.wrap(items.prefix(shown).joined(separator: ", ") + more, width: width, first: label, rest: "  ")
            if wrapped.count <= rows { return wrapped }
            shown -= 1
        }
        return TextWrap.wrap(items[0] + (items.count > 1 ? ", … and \(items.count - 1) more" : ""), width: width, first: label, rest: "  ")
    }
}
