import EntenteCore
import Foundation

/// Everything the workbench shows, as a value: the view is a function of it.
public struct AppState: Sendable {
    public var scenario: Scenario
    /// The file the scenario came from, for the status bar.
    public var file: String
    public var size: Size
    public var screen = ScreenID.overview
    public var showHelp = false
    /// First row of the scrolled overview.
    public var scroll = 0
    /// The package being built, its selected issue, and its evaluation (kept current by `update`).
    public var package: Package
    public var selectedIssue = 0
    public private(set) var evaluation: PackageEvaluation
    private(set) var evaluator: PackageEvaluator
    public var finder = FinderState()
    /// The `:` line while it is open, and the commands given so far.
    public var commandLine: CommandLineState?
    public var history: [String] = []
    /// The last message for the status bar (a command's outcome or error).
    public var message: String?
    /// Issues taken off the table: held at the status quo in the builder and the searches.
    public var offTable: Set<Int> = []
    /// Interests: the cursor (actor, issue) and the grouping whose members are shown (nil: all).
    public var cell = (actor: 0, issue: 0)
    public var groupingFilter: Int?
    /// The `/` filter of the current list (actors on Interests, results in the finder), and
    /// whether it is being typed.
    public var filter = ""
    public var filterEditing = false
    /// Earlier and undone versions of the scenario, for undo and redo.
    public var undoStack: [Scenario] = []
    public var redoStack: [Scenario] = []
    /// True when the scenario has edits not saved to its file.
    public var dirty = false
    /// Set after q with unsaved changes: a second q quits.
    public var confirmQuit = false
    /// Unsaved edits found in the journal at start, waiting for :restore or :discard.
    public var journal: Scenario?
    /// Packages pinned for the Compare screen, oldest first.
    public var pinned: [Package] = []
    /// The Brief screen's text, for the package it was prepared for, and its scroll.
    public var brief: (package: Package, text: String)?
    public var briefScroll = 0

    public init(scenario: Scenario, file: String, size: Size) {
        self.scenario = scenario
        self.file = file
        self.size = size
        evaluator = PackageEvaluator(CompiledScenario(scenario))
        package = scenario.statusQuo
        evaluation = evaluator.evaluate(scenario.statusQuo)
    }

    mutating func reevaluate() { evaluation = evaluator.evaluate(package) }

    /// Records an edit: the old scenario goes on the undo stack, the new one is evaluated,
    /// and the journal is written so a crash loses nothing.
    mutating func edit(_ edited: Scenario) -> [Effect] {
        undoStack.append(scenario)
        redoStack = []
        replaceScenario(edited)
        return [.autosave(scenario, file: file)]
    }

    /// Undo (`back`) or redo: moves the scenario between the two stacks.
    mutating func travel(back: Bool) -> [Effect] {
        guard let target = back ? undoStack.popLast() : redoStack.popLast() else {
            message = back ? "nothing to undo" : "nothing to redo"
            return []
        }
        if back { redoStack.append(scenario) } else { undoStack.append(scenario) }
        replaceScenario(target)
        message = back ? "undone" : "redone"
        return [.autosave(scenario, file: file)]
    }

    /// Puts a (validated) scenario in place, keeping the package and the cursor.
    mutating func replaceScenario(_ replacement: Scenario) {
        scenario = replacement
        evaluator = PackageEvaluator(CompiledScenario(replacement))
        reevaluate()
        dirty = true
        confirmQuit = false
        finder.result = nil
        finder.order = []
        brief = nil
    }

    /// The actors the Interests screen lists: everyone, or the grouping's members, narrowed
    /// by the `/` filter (in the id or the name, ignoring case).
    public var visibleActors: [Int] {
        var actors = Array(scenario.actors.indices)
        if let grouping = groupingFilter, scenario.groupings.indices.contains(grouping) {
            let members = Set(scenario.groupings[grouping].members)
            actors = actors.filter { members.contains(scenario.actors[$0].id) }
        }
        guard !filter.isEmpty else { return actors }
        return actors.filter { matches(scenario.actors[$0].id) || matches(scenario.actors[$0].name) }
    }

    func matches(_ text: String) -> Bool { text.range(of: filter, options: .caseInsensitive) != nil }

    /// Re-sorts the finder's results and keeps those the `/` filter matches (in a member's
    /// id or in an option the package changes).
    mutating func refreshFinderOrder() {
        finder.resort()
        guard !filter.isEmpty, let packages = finder.result?.packages else { return }
        finder.order = finder.order.filter { index in
            let evaluation = packages[index]
            return evaluation.coalition.members.contains { matches(scenario.actors[$0].id) }
                || evaluation.package.differences(from: scenario.statusQuo).contains { matches(scenario.issues[$0].options[evaluation.package.choices[$0]].id) }
        }
        finder.selected = min(finder.selected, max(0, finder.order.count - 1))
    }
}

/// Applies an action to the state and says what the outside world must do.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .quit:
        guard state.dirty, !state.confirmQuit else {
            return state.dirty ? [.dropJournal(file: state.file), .quit] : [.quit]
        }
        state.confirmQuit = true
        state.message = "unsaved changes: q again quits without them, :save keeps them"
        return []
    case .toggleHelp:
        state.showHelp.toggle()
    case .show(let screen):
        state.screen = screen
        state.showHelp = false
        return briefEffects(state)
    case .nextScreen(let step):
        let screens = ScreenID.allCases
        let index = screens.firstIndex(of: state.screen)!
        state.screen = screens[((index + step) % screens.count + screens.count) % screens.count]
        return briefEffects(state)
    case .scroll(let rows):
        if state.screen == .brief {
            state.briefScroll = max(0, state.briefScroll + rows)
        } else {
            state.scroll = max(0, state.scroll + rows)
        }
    case .selectIssue(let step):
        guard !state.scenario.issues.isEmpty else { break }
        state.selectedIssue = min(state.scenario.issues.count - 1, max(0, state.selectedIssue + step))
    case .changeOption(let step):
        guard state.scenario.issues.indices.contains(state.selectedIssue) else { break }
        guard !state.offTable.contains(state.selectedIssue) else {
            state.message = "\(state.scenario.issues[state.selectedIssue].id) is off the table (:table \(state.scenario.issues[state.selectedIssue].id) on)"
            break
        }
        let options = state.scenario.issues[state.selectedIssue].options.count
        state.package.choices[state.selectedIssue] = ((state.package.choices[state.selectedIssue] + step) % options + options) % options
        state.reevaluate()
    case .resetPackage:
        state.package = state.scenario.statusQuo
        state.reevaluate()
    case .cycleObjective(let step):
        let all = Objective.allCases
        let index = all.firstIndex(of: state.finder.objective)!
        state.finder.objective = all[((index + step) % all.count + all.count) % all.count]
    case .runSearch:
        guard !state.finder.running else { break }
        var request = SearchRequest()
        request.objective = state.finder.objective
        request.top = 50
        if !state.offTable.isEmpty {
            request.table = state.scenario.issues.indices.filter { !state.offTable.contains($0) }.map { state.scenario.issues[$0].id }
        }
        state.finder.running = true
        state.finder.progress = nil
        return [.startSearch(request)]
    case .cancelSearch:
        guard state.finder.running else { break }
        return [.cancelSearch]
    case .searchProgress(let progress):
        state.finder.progress = progress
    case .searchFinished(let result):
        state.finder.running = false
        state.finder.result = result
        state.finder.selected = 0
        state.refreshFinderOrder()
    case .selectResult(let step):
        state.finder.selected = min(max(0, state.finder.order.count - 1), max(0, state.finder.selected + step))
    case .cycleSort:
        let all = FinderColumn.allCases
        state.finder.sort = all[(all.firstIndex(of: state.finder.sort)! + 1) % all.count]
        state.refreshFinderOrder()
    case .buildSelected:
        guard let packages = state.finder.result?.packages, state.finder.order.indices.contains(state.finder.selected) else { break }
        state.package = packages[state.finder.order[state.finder.selected]].package
        state.reevaluate()
        state.screen = .builder
    case .moveCell(let columns, let rows):
        let actors = state.visibleActors
        guard !actors.isEmpty, !state.scenario.issues.isEmpty else { break }
        let row = actors.firstIndex(of: state.cell.actor) ?? 0
        state.cell.actor = actors[min(actors.count - 1, max(0, row + rows))]
        state.cell.issue = min(state.scenario.issues.count - 1, max(0, state.cell.issue + columns))
    case .cycleGroupingFilter:
        let count = state.scenario.groupings.count
        state.groupingFilter = state.groupingFilter.map { $0 + 1 < count ? $0 + 1 : nil } ?? (count > 0 ? 0 : nil)
        if let first = state.visibleActors.first, !state.visibleActors.contains(state.cell.actor) { state.cell.actor = first }
        state.message = state.groupingFilter.map { "showing \(state.scenario.groupings[$0].name)" } ?? "showing every actor"
    case .pin:
        var package = state.package
        if state.screen == .finder, let packages = state.finder.result?.packages, state.finder.order.indices.contains(state.finder.selected) {
            package = packages[state.finder.order[state.finder.selected]].package
        }
        if !state.pinned.contains(package) {
            state.pinned.append(package)
            if state.pinned.count > 3 { state.pinned.removeFirst() }
        }
        state.message = "pinned for comparison (\(state.pinned.count) of 3); 7 compares"
    case .clearPins:
        state.pinned = []
    case .adjustSalience(let change):
        let actor = state.scenario.actors[state.cell.actor]
        let issue = state.scenario.issues[state.cell.issue]
        guard let interest = actor.interests[issue.id] else {
            state.message = "\(actor.id) has no stance on \(issue.id)"
            break
        }
        var edited = state.scenario
        let salience = max(0, ((interest.salience + change) * 100).rounded() / 100)
        edited.actors[state.cell.actor].interests[issue.id]!.salience = salience
        state.message = "\(actor.id) on \(issue.id): salience \(Figures.fixed(salience))"
        return state.edit(edited)
    case .undo:
        return state.travel(back: true)
    case .redo:
        return state.travel(back: false)
    case .journalFound(let scenario):
        state.journal = scenario
        state.message = "unsaved edits from an earlier session: :restore loads them, :discard drops them"
    case .restoreJournal:
        guard let journal = state.journal else {
            state.message = "no unsaved edits to restore"
            break
        }
        state.journal = nil
        state.message = "restored the unsaved edits"
        return state.edit(journal)
    case .discardJournal:
        state.journal = nil
        state.message = "dropped the unsaved edits"
        return [.dropJournal(file: state.file)]
    case .setObjective(let objective):
        state.finder.objective = objective
    case .setOption(let issue, let option):
        state.offTable.remove(issue)
        state.package.choices[issue] = option
        state.selectedIssue = issue
        state.reevaluate()
    case .setOnTable(let issue, let on):
        let id = state.scenario.issues[issue].id
        if on {
            state.offTable.remove(issue)
            state.message = "\(id) is on the table"
        } else {
            state.offTable.insert(issue)
            state.package.choices[issue] = state.scenario.issues[issue].statusQuoIndex
            state.reevaluate()
            state.message = "\(id) is off the table: held at its status quo"
        }
    case .openFilter:
        guard state.screen == .interests || state.screen == .finder else {
            state.message = "/ filters the actors on Interests and the results in the finder"
            break
        }
        state.filterEditing = true
    case .filterKey(let key):
        switch key {
        case .character(let character): state.filter.append(character)
        case .backspace: if !state.filter.isEmpty { state.filter.removeLast() }
        case .escape:
            state.filter = ""
            state.filterEditing = false
        case .enter: state.filterEditing = false
        default: break
        }
        if let first = state.visibleActors.first, !state.visibleActors.contains(state.cell.actor) { state.cell.actor = first }
        state.refreshFinderOrder()
    case .openCommandLine:
        state.commandLine = CommandLineState()
        state.showHelp = false
    case .commandKey(let key):
        return commandKey(&state, key)
    case .requestOpen(let file):
        return [.open(file)]
    case .requestSave(let file, let force):
        return [.save(state.scenario, path: file ?? state.file, force: force)]
    case .requestBrief(let file, let force):
        return [.writeBrief(state.scenario, state.package, path: file, force: force)]
    case .loaded(let scenario, let file):
        var fresh = AppState(scenario: scenario, file: file, size: state.size)
        fresh.history = state.history
        fresh.message = "opened \(file)"
        state = fresh
    case .saved(let file):
        state.file = file
        state.dirty = false
        state.message = "saved \(file)"
        return [.dropJournal(file: file)]
    case .message(let text):
        state.message = text
    case .briefReady(let package, let text):
        state.brief = (package, text)
        if package != state.package { return briefEffects(state) }
    case .resize(let size):
        state.size = size
    }
    return []
}

/// On the Brief screen, asks for the preview when it is missing or stale.
private func briefEffects(_ state: AppState) -> [Effect] {
    guard state.screen == .brief, state.brief?.package != state.package else { return [] }
    return [.prepareBrief(state.scenario, state.package)]
}

/// A key typed into the command line.
private func commandKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var line = state.commandLine else { return [] }
    switch key {
    case .character(let character):
        line.text.append(character)
        line.recall = nil
    case .backspace:
        if line.text.isEmpty {
            state.commandLine = nil
            return []
        }
        line.text.removeLast()
    case .escape:
        state.commandLine = nil
        return []
    case .tab:
        line.text = Commands.complete(line.text, scenario: state.scenario)
    case .up, .down:
        guard !state.history.isEmpty else { break }
        let current = line.recall ?? state.history.count
        let next = min(state.history.count - 1, max(0, current + (key == .up ? -1 : 1)))
        line.recall = next
        line.text = state.history[next]
    case .enter:
        state.commandLine = nil
        let text = line.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return [] }
        state.history.append(text)
        switch Commands.parse(text, scenario: state.scenario) {
        case .failure(let error):
            state.message = error.message
            return []
        case .success(let actions):
            state.message = nil
            return actions.flatMap { update(&state, $0) }
        }
    default:
        break
    }
    state.commandLine = line
    return []
}
