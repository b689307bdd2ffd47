import EntenteCore

/// Everything that can happen to the workbench: keys mapped to intents, and events from
/// outside (a resize). `update` is the only place they change the state.
public enum Action: Equatable, Sendable {
    case quit
    case toggleHelp
    case show(ScreenID)
    case nextScreen(Int)
    case scroll(Int)
    /// Package builder: move the selection among issues.
    case selectIssue(Int)
    /// Package builder: move the selected issue's option up or down the list.
    case changeOption(Int)
    /// Package builder: put every issue back at its status quo.
    case resetPackage
    /// Coalition finder: rank by the next or previous objective.
    case cycleObjective(Int)
    /// Coalition finder: start a search (Esc cancels it).
    case runSearch
    case cancelSearch
    case searchProgress(SearchProgress)
    case searchFinished(SearchResult)
    /// Coalition finder: move the selection among results.
    case selectResult(Int)
    /// Coalition finder: sort the results by the next column.
    case cycleSort
    /// Coalition finder: load the selected result into the package builder.
    case buildSelected
    case setObjective(Objective)
    /// Interests: move the cursor among actors (rows) and issues (columns).
    case moveCell(columns: Int, rows: Int)
    /// Interests: show only the members of the next grouping (or everyone).
    case cycleGroupingFilter
    /// Interests: change the selected cell's salience by this much (never below zero).
    case adjustSalience(Double)
    /// Undo and redo scenario edits.
    case undo
    case redo
    /// The journal of unsaved edits from an earlier session, offered at start.
    case journalFound(Scenario)
    case restoreJournal
    case discardJournal
    /// Pin the builder's package, or the finder's selected result, for comparison
    /// (at most three; the oldest makes way).
    case pin
    /// Compare: drop every pinned package.
    case clearPins
    /// Package builder: set one issue's option (the `:fix` command).
    case setOption(issue: Int, option: Int)
    /// Put an issue on or off the table (the `:table` command).
    case setOnTable(issue: Int, Bool)
    /// Open the `/` filter of the current list, and keys typed into it.
    case openFilter
    case filterKey(Key)
    /// Open the `:` command line, and keys typed into it.
    case openCommandLine
    case commandKey(Key)
    /// Commands that need the outside world.
    case requestOpen(String)
    case requestSave(String?, force: Bool)
    case requestBrief(String, force: Bool)
    /// Outcomes reported back by effects.
    case loaded(Scenario, file: String)
    case saved(String)
    case message(String)
    /// The brief preview of a package, prepared off the main loop.
    case briefReady(Package, String)
    case resize(Size)
}

/// What the outside world must do after an update: things that take time or touch the
/// system run outside `update` and report back with actions.
public enum Effect: Equatable, Sendable {
    case quit
    /// Run this search off the main loop, sending `.searchProgress` and `.searchFinished`.
    case startSearch(SearchRequest)
    case cancelSearch
    /// Load a scenario; report `.loaded` or a `.message` with the first error.
    case open(String)
    /// Write the scenario atomically; unless forced, refuse when the file changed on disk
    /// since it was opened or has comments that saving would drop.
    case save(Scenario, path: String, force: Bool)
    /// Write a text brief of the package; unless forced, refuse to overwrite a file.
    case writeBrief(Scenario, Package, path: String, force: Bool)
    /// Render the text brief of a package for the Brief screen; report `.briefReady`.
    case prepareBrief(Scenario, Package)
    /// Write the edited scenario to the autosave journal of `file`.
    case autosave(Scenario, file: String)
    /// Remove the autosave journal of `file` (after a save, or a deliberate discard).
    case dropJournal(file: String)
}

/// The workbench's screens, numbered as on the tab bar. Only screens that exist are listed.
public enum ScreenID: Int, CaseIterable, Sendable {
    case overview = 1
    case interests = 3
    case levers = 4
    case builder = 5
    case finder = 6
    case compare = 7
    case brief = 8

    public var title: String {
        switch self {
        case .overview: "Overview"
        case .interests: "Interests"
        case .levers: "Levers"
        case .builder: "Package builder"
        case .finder: "Coalition finder"
        case .compare: "Compare"
        case .brief: "Brief"
        }
    }
}
