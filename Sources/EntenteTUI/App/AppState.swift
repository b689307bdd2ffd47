import EntenteCore
import EntenteSession
import EntenteWorkshop
import Foundation

/// How the Interests screen orders its actors: as in the scenario file, by how much the
/// issue under the cursor matters to them, by capability, or grouping by grouping.
public enum ActorOrder: String, CaseIterable, Sendable {
    case scenario, salience, capability, grouping

    /// The actors in this order; ties keep scenario order.
    func sorted(_ actors: [Int], in scenario: Scenario, issue: Int) -> [Int] {
        let key: (Int) -> Double
        switch self {
        case .scenario: return actors
        case .salience:
            let id = scenario.issues.indices.contains(issue) ? scenario.issues[issue].id : ""
            key = { actor in
                let stance = scenario.actors[actor]
                return stance.totalSalience > 0 ? -(stance.interests[id]?.salience ?? 0) / stance.totalSalience : 0
            }
        case .capability: key = { -scenario.actors[$0].capability }
        case .grouping:
            key = { actor in Double(scenario.groupings.firstIndex { $0.members.contains(scenario.actors[actor].id) } ?? scenario.groupings.count) }
        }
        return actors.enumerated().sorted { key($0.element) != key($1.element) ? key($0.element) < key($1.element) : $0.offset < $1.offset }.map(\.element)
    }

    /// How the heat map's heading names the order.
    var label: String {
        switch self {
        case .scenario: "in file order"
        case .salience: "by attention to the issue"
        case .capability: "by capability"
        case .grouping: "grouping by grouping"
        }
    }
}

/// The two pages of the help overlay.
public enum HelpPage: Sendable {
    case keys, commands
}

/// Everything the workbench shows, as a value: the view is a function of it.
///
/// The document is not here: the state holds the seat's view of it (`SeatView`, built by
/// the session for this seat), and every change to the document, the builder's package,
/// the holds or the pins goes to the session as an effect (`.session`) whose reply brings
/// the new view back (`.session(reply)`). A restricted workbench therefore never holds
/// another actor's private stance, whatever a screen draws.
public struct AppState: Sendable {
    /// What this seat may see of the session, as last sent.
    public private(set) var view: SeatView
    /// The file the scenario came from, for the status bar.
    public var file: String
    public var size: Size
    public var screen = ScreenID.overview
    public var showHelp = false
    /// What the help overlay lists: the keys (`?`) or the commands (`:help`).
    public var helpPage = HelpPage.keys
    public var helpScroll = 0
    /// First row of the scrolled overview.
    public var scroll = 0
    /// First row of the Levers screen's list of issues.
    public var leversScroll = 0
    /// The issue under the cursor on the Issues screen and in the builder, and the option
    /// under the cursor on the Issues screen and in the Interests detail pane.
    public var selectedIssue = 0
    public var selectedOption = 0
    public var finder = FinderState()
    /// The `:` line while it is open, and the commands given so far.
    public var commandLine: CommandLineState?
    public var history: [String] = []
    /// The last message for the status bar (a command's outcome or error).
    public var message: String?
    /// Interests: the cursor (actor, issue) and the grouping whose members are shown (nil: all).
    public var cell = (actor: 0, issue: 0)
    public var groupingFilter: Int?
    /// Interests: the order of the actors' rows.
    public var actorOrder = ActorOrder.scenario
    /// Interests: the selected one of the actor's own links (0-based).
    public var selectedLink = 0
    /// Builder and finder: the actor whose place in or out of the coalition is explained.
    public var explained: String?
    /// Compare: how far the table is scrolled.
    public var compareScroll = 0
    /// Compare: the pinned package shown today and in every future (0-based).
    public var selectedPin = 0
    /// The `/` filter of the current list (actors on Interests, results in the finder), and
    /// whether it is being typed.
    public var filter = ""
    public var filterEditing = false
    /// True when the scenario has edits not saved to its file.
    public var dirty = false
    /// Set after q with unsaved changes: a second q quits.
    public var confirmQuit = false
    /// Set after c on Compare: a second c clears the pins.
    public var confirmClearPins = false
    /// Unsaved edits found in the file's journal, offered until they are answered.
    public var journal: JournalOffer?
    /// Who holds the file's journal when another workbench has it open, until the person
    /// chooses a journal of this workbench's own or read-only.
    public var lockHolder: String?
    /// True when the file is open read-only (its journal is another workbench's): no edits.
    public var readOnly = false
    /// The file being opened off the main loop, until it loads, fails or Esc stops it.
    public var opening: String?
    /// The Brief screen's text, for the package and the audience (nil: the full brief) it
    /// was prepared for, and its scroll. It is shown only while both still match.
    public var brief: (package: Package, audience: String?, text: String)?
    public var briefScroll = 0
    /// The workshop table this workbench sits at (`entente join`); nil for a workbench on a
    /// file of its own.
    public var workshop: WorkshopState?

    /// How long each search of a result's analysis (bargaining, stability) may run; on large
    /// spaces they would take hours, and the screen marks what was cut short.
    public static let analysisSeconds = 3.0
    /// The same limit for a brief written with `:brief FILE`, which is worth a longer wait.
    public static let briefExportSeconds = 60.0

    public init(view: SeatView, file: String, size: Size) {
        self.view = view
        self.file = file
        self.size = size
        if let actor = viewerIndex { cell.actor = actor }
    }

    /// The screens on the tab bar: the Table only at a workshop table.
    public var screens: [ScreenID] { ScreenID.allCases.filter { $0 != .table || workshop != nil } }

    /// The scenario as this seat sees it.
    public var scenario: Scenario { view.scenario }
    /// The builder's package, its evaluation as far as the seat may know it, the holds and the pins.
    public var package: Package { view.package }
    public var evaluation: SeatEvaluation { view.evaluation }
    public var offTable: Set<String> { view.offTable }
    public var fixed: [String: String] { view.fixed }
    public var pinned: [Package] { view.pins }
    /// The workshop's restricted view: the one actor whose private stance is shown (nil:
    /// every actor's), and whether this workbench may widen it (only a facilitator's may).
    public var viewer: String? { view.actor }
    public var viewerLocked: Bool { viewer != nil && !view.mayWiden }

    /// True when the brief preview is for the builder's package and for whoever is viewing.
    public var briefIsCurrent: Bool { brief.map { $0.package == package && $0.audience == viewer } ?? false }

    /// Takes in the session's reply: the new view, its message, and when the document
    /// changed, the cursors follow the issues by id and results of the old scenario go.
    mutating func receive(_ reply: SessionReply) -> [Effect] {
        let old = view
        view = reply.view
        if let text = reply.message { message = text }
        var effects: [Effect] = []
        if let moves = Self.moves(from: old, to: view) { message = [reply.message, moves].compactMap { $0 }.joined(separator: "; ") }
        // Another document, or the same one in another future: results of the old scenario go.
        if view.revision != old.revision || view.future != old.future {
            selectedIssue = Self.follow(issue: selectedIssue, from: old.scenario, to: view.scenario)
            cell.issue = Self.follow(issue: cell.issue, from: old.scenario, to: view.scenario)
            cell.actor = min(cell.actor, max(0, view.scenario.actors.count - 1))
            if view.revision != old.revision {
                dirty = true
                confirmQuit = false
            }
            // A robust search covers today and every future whichever is shown: only an
            // edit makes its results stale, while the analysis is of the future shown.
            let edited = view.revision != old.revision
            if finder.running && (edited || !finder.searchingAcrossFutures) {
                effects.append(.cancelSearch)
                finder.searching = nil
                finder.progress = nil
            }
            if finder.analysing != nil { effects.append(.cancelAnalysis) }
            if !edited && finder.robust != nil {
                finder.analysis = nil
                finder.analysing = nil
            } else if edited && view.future == old.future && view.scenario.sameIssues(as: old.scenario) && finder.hasResults {
                // An edit that keeps the issues and options (a salience, a value, a red line)
                // marks the results stale rather than throw away a long search; one that
                // changes them (a split, a dropped option) leaves packages that no longer fit.
                finder.stale = true
                finder.analysis = nil
                finder.analysing = nil
            } else {
                finder.dropResults()
            }
            // Earlier searches go with the version they searched; robust ones cover every future.
            finder.history = edited ? [] : finder.history.filter { $0.robust != nil }
            finder.shownRun = finder.history.lastIndex { $0.robust != nil && $0.robust == finder.robust } ?? finder.history.count
            brief = nil
        }
        if view.lens != old.lens, let actor = viewerIndex { cell.actor = actor }
        // At a table the server sends a new scenario for an inject: gains are worked out again.
        if view.today != old.today { workshop?.refresh(view.today) }
        return effects
    }

    /// Who joined and who left the builder's coalition ("india joins, russia leaves"), or
    /// for a delegation whether it would now join; nil when nothing moved.
    private static func moves(from old: SeatView, to new: SeatView) -> String? {
        if let before = old.evaluation.full, let after = new.evaluation.full {
            let was = Set(before.coalition.members.map { old.scenario.actors[$0].id })
            let now = after.coalition.members.map { new.scenario.actors[$0].id }
            let joined = now.filter { !was.contains($0) }
            let left = old.scenario.actors.map(\.id).filter { was.contains($0) && !now.contains($0) }
            // Three names at most: a whole package built at once moves many.
            let named = { (ids: [String]) in ids.count > 3 ? ids.prefix(3).joined(separator: ", ") + " and \(ids.count - 3) more" : ids.joined(separator: ", ") }
            let words = [joined.isEmpty ? nil : named(joined) + (joined.count == 1 ? " joins" : " join"),
                         left.isEmpty ? nil : named(left) + (left.count == 1 ? " leaves" : " leave")].compactMap { $0 }
            return words.isEmpty ? nil : TerminalText.escaped(words.joined(separator: ", "))
        }
        if let before = old.evaluation.own, let after = new.evaluation.own, before.actor == after.actor, before.joins != after.joins {
            return after.joins ? "you would join now" : "you would no longer join"
        }
        return nil
    }

    /// The explanation of `explained` under `package`, when this seat may see it (any actor
    /// for a seat that sees everything, its own for a delegation).
    func shortfall(under package: Package) -> Shortfall? {
        guard let id = explained, let actor = scenario.actorIndex(id), canSee(actor: actor),
              package.choices.count == scenario.issues.count else { return nil }
        return Shortfall(actor: actor, package: package, compiled: CompiledScenario(scenario))
    }

    /// The package selected in the finder's results, if any.
    var selectedResult: Package? {
        let packages = finder.packages
        guard finder.order.indices.contains(finder.selected), packages.indices.contains(finder.order[finder.selected]) else { return nil }
        return packages[finder.order[finder.selected]].package
    }

    /// Where an issue cursor goes in an edited scenario: the same issue, or the first part
    /// that replaced it, or the nearest place.
    private static func follow(issue index: Int, from old: Scenario, to new: Scenario) -> Int {
        guard old.issues.indices.contains(index) else { return 0 }
        let id = old.issues[index].id
        return new.issueIndex(id) ?? new.parts(of: id).first ?? old.issues[index].parent.flatMap(new.issueIndex)
            ?? min(index, max(0, new.issues.count - 1))
    }

    /// Why the builder may not move an issue (off the table or fixed), or nil when it may.
    func hold(on issue: Int) -> String? { view.hold(on: issue) }

    /// The option cursor, kept within the options of the issue it points into.
    public func optionCursor(in issue: Int) -> Int {
        guard scenario.issues.indices.contains(issue) else { return 0 }
        return min(max(0, selectedOption), scenario.issues[issue].options.count - 1)
    }

    /// The search the finder runs: the objective and constraints set on the screens.
    var searchRequest: SearchRequest {
        var request = SearchRequest()
        request.objective = finder.objective
        request.top = 50
        request.fixed = fixed
        request.include = finder.include
        request.exclude = finder.exclude
        request.minMembers = finder.minMembers
        if !offTable.isEmpty {
            request.table = scenario.issues.map(\.id).filter { !offTable.contains($0) }
        }
        return request
    }

    /// What the workbench keeps between sessions, to notice when it changes: the session's
    /// part of the workspace and the finder's settings.
    struct KeptWorkspace: Equatable {
        let package: Package
        let offTable: Set<String>
        let fixed: [String: String]
        let pins: [Pin]
        let future: String?
        let finder: SavedWorkspace.FinderSettings
    }

    var keptWorkspace: KeptWorkspace {
        KeptWorkspace(package: package, offTable: offTable, fixed: fixed, pins: view.pinned, future: view.future, finder: finder.settings)
    }

    /// The index of the workshop viewer's actor, when the view is restricted.
    public var viewerIndex: Int? { viewer.flatMap(scenario.actorIndex) }

    /// True when this actor's private stance (saliences, values, red lines, gains) may be shown.
    public func canSee(actor: Int) -> Bool { viewer == nil || viewerIndex == actor }

    /// The actors the Interests screen lists: everyone, or the grouping's members, narrowed
    /// by the `/` filter (in the id or the name, ignoring case).
    public var visibleActors: [Int] {
        var actors = Array(scenario.actors.indices)
        if let grouping = groupingFilter, scenario.groupings.indices.contains(grouping) {
            let members = Set(scenario.groupings[grouping].members)
            actors = actors.filter { members.contains(scenario.actors[$0].id) }
        }
        if !filter.isEmpty {
            actors = actors.filter { matches(scenario.actors[$0].id) || matches(scenario.actors[$0].name) }
        }
        return actorOrder.sorted(actors, in: scenario, issue: cell.issue)
    }

    /// The issues the Issues screen and the builder list: all, or those the `/` filter
    /// matches (in the id or the name, ignoring case).
    public var visibleIssues: [Int] {
        let all = Array(scenario.issues.indices)
        guard !filter.isEmpty else { return all }
        return all.filter { matches(scenario.issues[$0].id) || matches(scenario.issues[$0].name) }
    }

    /// Keeps the list cursors on rows the filters show.
    mutating func keepCursorsVisible() {
        if let first = visibleActors.first, !visibleActors.contains(cell.actor) { cell.actor = first }
        if let first = visibleIssues.first, !visibleIssues.contains(selectedIssue) { selectedIssue = first }
    }

    func matches(_ text: String) -> Bool { text.range(of: filter, options: .caseInsensitive) != nil }

    /// Re-sorts the finder's results and keeps those the `/` filter matches (in a member's
    /// id or in an option the package changes).
    mutating func refreshFinderOrder() {
        finder.resort()
        guard !filter.isEmpty, finder.hasResults else { return }
        let packages = finder.packages
        finder.order = finder.order.filter { index in
            let evaluation = packages[index]
            // The text the table shows (the coalition, `issue=option` changes) and every member's id.
            return matches(FinderScreen.coalitionLabel(evaluation.coalition, scenario))
                || evaluation.coalition.members.contains { matches(scenario.actors[$0].id) }
                || scenario.changes(evaluation.package).contains(where: matches)
        }
        finder.selected = min(finder.selected, max(0, finder.order.count - 1))
    }
}
