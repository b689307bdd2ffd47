import EntenteCore
import EntenteSession
import EntenteWorkshop

/// Everything that can happen to the workbench: keys mapped to intents, and events from
/// outside (a resize, an effect's outcome). `update` is the only place they change the
/// state. Actions are grouped by concern, so each group's handler covers all of its cases
/// and no action can fall through to the wrong one.
public enum Action: Equatable, Sendable {
    case quit
    case toggleHelp
    /// The help overlay's page of commands (`:help`).
    case showCommands
    case show(ScreenID)
    case nextScreen(Int)
    case scroll(Int)
    /// Scroll by pages of what is scrolled (a page is what the screen shows of it).
    case page(Int)
    /// Jump to the first or last row of the current list (Home, End).
    case jump(toEnd: Bool)
    case message(String)
    case resize(Size)
    /// Open the `:` command line, and keys typed into it.
    case openCommandLine
    case commandKey(Key)
    /// The session's answer to a command: the seat's new view and what to say.
    case session(SessionReply)
    /// The Issues screen, the package builder and the edits of the scenario.
    case editing(EditingAction)
    /// The coalition finder: objective, constraints, the search and its results.
    case finder(FinderAction)
    /// Moving about Interests, the workshop view, the `/` filter and the pins.
    case browsing(BrowsingAction)
    /// Undo and redo, the journal, and files opened, saved and written.
    case files(FileAction)
    /// The future shown, and what futures and links add to Compare and Interests.
    case futures(FutureAction)
    /// The workshop table: what its server sends, and this seat's moves at it.
    case workshop(WorkshopAction)
}

/// The workshop table: frames from its server (through the host) and the seat's moves.
public enum WorkshopAction: Equatable, Sendable {
    /// Joined (or joined again after a drop): the seat and its table so far.
    case joined(seat: TableSeat, table: SeatTable)
    /// An event the seat had not seen.
    case event(SeatEvent)
    /// The server took a command; `pending` are still waiting.
    case acknowledged(pending: Int)
    /// The server refused a command: what it said.
    case refused(String, pending: Int)
    case link(LinkStatus)
    /// The server's clock, about once a second, for the round clock.
    case tick(serverTime: Double)
    /// The facilitator's live debrief, prepared off the main loop.
    case debriefReady(String)
    /// The Table screen's cursor among proposals (newest first), and the messages' scroll.
    case selectProposal(Int)
    case scrollMessages(Int)
    /// Put the builder's package on the table, to every seat (nil) or to the named seats;
    /// counter the proposal under the cursor with it (nil: to whoever the answered one went to).
    case propose(to: [String]?)
    case counter(to: [String]?)
    /// The proposal under the cursor (nil) or the numbered one: withdraw it, answer it, call a
    /// vote on it, or open it in the builder.
    case withdraw(Int?)
    case respond(Answer, Int?)
    case callVote(Int?)
    case build(Int?)
    /// A public statement (nil) or a private message to the named seats.
    case message(to: [String]?, text: String)
    /// The facilitator's controls that need nothing from the screen.
    case control(TableCommand)
    case togglePause
    /// Bring a future of the scenario into force, told to everyone (nil) or to named seats.
    case inject(future: String, to: [String]?)
    /// Whether the facilitator's stance edits are told to everyone or only the actor's seat.
    case announceEdits(Bool)
    case toggleDebrief
}

/// The future selector, the pinned package Compare shows across the futures, and an
/// actor's links on Interests.
public enum FutureAction: Equatable, Sendable {
    /// Show the scenario in one of its futures (nil: today), or step through them: today,
    /// then each future in file order.
    case setFuture(String?)
    case cycleFuture(Int)
    /// Compare: the next or previous pinned package to show across the futures.
    case selectPin(Int)
    /// Interests: move among the actor's own links, and drop the selected one.
    case selectLink(Int)
    case dropSelectedLink
}

/// The Issues screen, the package builder and the edits of the scenario.
public enum EditingAction: Equatable, Sendable {
    /// Issues screen and package builder: move the selection among issues, or put it on one.
    case selectIssue(Int)
    case focusIssue(Int)
    /// Issues screen and Interests: move the option cursor.
    case selectOption(Int)
    /// Issues screen: put the selected issue on or off the table; fix it at the option under
    /// the cursor (again: release it); merge it with the other parts of its broad issue;
    /// drop the option under the cursor.
    case toggleTable
    case toggleFix
    case mergeSelected
    case dropSelectedOption
    /// Issues screen: open Interests with the cursor on the selected issue (to edit the
    /// actors' saliences and values on it, as after a split).
    case interestsOfSelectedIssue
    /// Open the command line with a command begun for the selection (edits that need typed names).
    case prompt(Prompt)
    /// Any edit of the scenario, from a key or a command.
    case edit(ScenarioEdit)
    /// Package builder: move the selected issue's option up or down the list.
    case changeOption(Int)
    /// Package builder: put every issue back at its status quo.
    case resetPackage
    /// Package builder: set one issue's option (the `:choose` command).
    case setOption(issue: Int, option: Int)
    /// Put an issue (by id) on or off the table, or fix it at an option (nil releases it).
    case setOnTable(issue: String, Bool)
    case setFixed(issue: String, option: String?)
    /// Interests: change the selected cell's salience (never below zero), or its value of
    /// the option under the option cursor (kept within 0…100), or toggle a red line there.
    case adjustSalience(Double)
    case adjustValue(Double)
    case toggleRedLine
}

/// The coalition finder: objective, constraints, the running search and its results.
public enum FinderAction: Equatable, Sendable {
    /// Rank by the next or previous objective, or by one.
    case cycleObjective(Int)
    case setObjective(Objective)
    /// Whether the next search is robust (over today and every future, ranked by the worst
    /// case): switch, or set.
    case toggleAcrossFutures
    case setAcrossFutures(Bool)
    /// Start a search (Esc cancels it, or the selected result's analysis).
    case runSearch
    case cancelSearch
    case searchProgress(SearchProgress)
    case searchFinished(SearchResult)
    case robustFinished(RobustResult)
    /// The session would not run the search for this seat: why.
    case searchRefused(String)
    /// Move the selection among results, or put it on one (a click).
    case selectResult(Int)
    case focusResult(Int)
    /// Actors that must be in (or out of) every coalition, a minimum size, and dropping all three.
    case require(String, Bool)
    case exclude(String, Bool)
    case setMinMembers(Int)
    case clearConstraints
    /// Sort the results by the next column, or by one.
    case cycleSort
    case setSort(FinderColumn)
    /// Show the results of an earlier (-1) or later (+1) search of this revision.
    case showRun(Int)
    /// Load the selected result into the package builder.
    case buildSelected
    /// The analysis of the selected package, prepared off the main loop.
    case analysisReady(AnalysisResult)
}

/// Moving about Interests, the workshop view, the `/` filter and the pins.
public enum BrowsingAction: Equatable, Sendable {
    /// Interests: move the cursor among actors (rows) and issues (columns), or put it on a cell.
    case moveCell(columns: Int, rows: Int)
    case focusCell(actor: Int, issue: Int)
    /// Interests: show only the members of the next grouping (or everyone), or of one.
    case cycleGroupingFilter
    case setGroupingFilter(Int?)
    /// Interests: order the actors by the next criterion, or by one.
    case cycleActorOrder
    case setActorOrder(ActorOrder)
    /// Workshop: look through this actor's delegation's eyes (nil: the seat's own view).
    case setViewer(String?)
    /// Open the `/` filter of the current list, keys typed into it, or set it (`:filter`;
    /// empty clears it).
    case openFilter
    case filterKey(Key)
    case setFilter(String)
    /// Pin the builder's package, or the finder's selected result, for comparison
    /// (at most three; the oldest makes way); drop every pin.
    case pin
    case clearPins
    /// Builder and finder: say why an actor is in or out of the coalition (nil: stop), or
    /// step to the next actor outside it.
    case explain(String?)
    case explainNext
    /// Compare: name or annotate pin N (from 0); empty text clears it.
    case namePin(Int, String)
    case notePin(Int, String)
}

/// Undo and redo, the journal of unsaved edits, and files opened, saved and written.
public enum FileAction: Equatable, Sendable {
    case undo
    case redo
    /// The journal of unsaved edits from an earlier session, offered when the file is
    /// opened; answered by restoring, discarding, or first looking at what would change.
    case journalFound(JournalOffer)
    case restoreJournal
    case discardJournal
    case toggleJournalChanges
    /// The file's journal is held by another workbench (who, since when): open with a
    /// journal of its own, or read-only.
    case journalLocked(String)
    case useOwnJournal
    case openReadOnly
    /// Commands that need the outside world.
    case requestOpen(String, force: Bool)
    /// Esc while a file is being opened: keep the scenario on screen.
    case stopOpening
    case requestSave(String?, force: Bool)
    /// `:brief FILE [--for ACTOR] [--format text|md|json]`: the builder's package's brief,
    /// for one delegation or everyone (nil), in a format (nil: from the file's extension).
    case requestBrief(String, audience: String?, format: BriefFormat?, force: Bool)
    /// Write Compare's table of the pins to a file (Markdown when it ends in `.md`).
    case requestComparison(String, force: Bool)
    /// A file opened in a session of its own, and this seat's view of it.
    case loaded(SeatView, file: String)
    /// Opening a file ended without a scenario: why.
    case openFailed(file: String, String)
    case saved(String)
    /// The brief preview of a package for an audience (nil: the full brief), prepared off
    /// the main loop.
    case briefReady(Package, audience: String?, String)
    /// The workspace kept from an earlier session is back: the finder's part of it (the
    /// session restored the rest).
    case workspaceRestored(SavedWorkspace.FinderSettings)
}

/// Commands that a key begins on the command line, filled in for what is selected.
public enum Prompt: Equatable, Sendable {
    /// `split ISSUE ` for the selected issue; `rename ISSUE `; `option ISSUE add `;
    /// `option ISSUE rename OPTION ` for the option under the cursor; on Interests,
    /// `value ACTOR ISSUE OPTION ` for the cell and option under the cursor.
    case split, rename, addOption, renameOption, openness, describeOption, value
    /// On Interests: `link ACTOR add `, and `link ACTOR edit N ` followed by the selected link
    /// as it stands.
    case addLink, editLink
    /// On Compare: `name N ` and `note N ` for the pin shown across the futures, followed
    /// by its name or note as it stands.
    case namePin, notePin
    /// A command begun with this text, whatever is selected (`require `, `min `).
    case text(String)
}

/// What the outside world must do after an update: things that take time, touch the
/// system or change the document run outside `update` and report back with actions.
public enum Effect: Equatable, Sendable {
    case quit
    /// Ask the session to change the document or this seat's workspace; it answers with
    /// `.session(reply)`.
    case session(SessionCommand)
    /// Run this search on the session's scenario off the main loop (refused for a seat that
    /// may not read every actor's values), sending `.searchProgress` and `.searchFinished`.
    case startSearch(SearchRequest)
    /// Run this search robustly, on today's scenario and every future of the session's
    /// document (refused as `.startSearch` is), sending `.searchProgress` and `.robustFinished`.
    case startRobustSearch(SearchRequest)
    case cancelSearch
    /// Load a scenario off the main loop, so keys (Esc, Ctrl-C) are read while a large
    /// file loads; report `.loaded` or `.openFailed` with the first error.
    case open(String)
    /// Stop waiting for the scenario being opened; its result is dropped.
    case cancelOpen
    /// The workbench now shows the file just opened (`.loaded` was taken, not dropped):
    /// its session replaces the old one, and its journal is locked and offered.
    case adoptOpened(file: String)
    /// Write the session's scenario atomically; unless forced, refuse when the file changed
    /// on disk since it was opened or has comments that saving would drop.
    case save(path: String, force: Bool)
    /// Write a brief of the package, for an audience (nil: everyone) and in a format, as this
    /// seat may read it: the session makes a delegation seat's brief its own delegation's,
    /// whatever was asked. Unless forced, refuse to overwrite a file.
    case writeBrief(Package, path: String, audience: String?, format: BriefFormat, force: Bool)
    /// Write Compare's table, as the workbench prepared it, to a file; unless forced, refuse
    /// to overwrite one.
    case writeComparison(String, path: String, force: Bool)
    /// Render the text brief of a package for the Brief screen, as this seat may read it;
    /// report `.briefReady`.
    case prepareBrief(Package)
    /// Analyse a package (bargaining, holdouts, stability, robustness, power) in the
    /// search's space; report `.analysisReady`.
    case analyse(Package, SearchRequest)
    /// Stop the analysis of the finder's selected result.
    case cancelAnalysis
    /// The offered journal of `file` is restored: the session takes its edits (undoable),
    /// the journal becomes this workbench's to write, and the file is compared on saving
    /// with the version the edits began from.
    case restoreJournal(file: String)
    /// Journal the edits of `file` in a journal of this workbench's own (the usual one is
    /// held by another workbench).
    case useOwnJournal(file: String)
    /// Remove the autosave journal of `file` (after a save, or a deliberate discard).
    case dropJournal(file: String)
    /// Keep this seat's workspace (the session's part, and these finder settings) for the
    /// next session on the file; asked whenever any of it changes.
    case keepWorkspace(SavedWorkspace.FinderSettings)
    /// Send a command to the workshop table's server (its answer comes back as actions).
    case table(TableCommand)
    /// Prepare the facilitator's debrief of the table so far; report `.debriefReady`.
    case prepareDebrief
}

/// The workbench's screens, numbered as on the tab bar. Only screens that exist are listed.
public enum ScreenID: Int, CaseIterable, Sendable {
    case overview = 1
    case issues = 2
    case interests = 3
    case levers = 4
    case builder = 5
    case finder = 6
    case compare = 7
    case brief = 8
    /// Only at a workshop table (`entente join`).
    case table = 9

    public var title: String {
        switch self {
        case .overview: "Overview"
        case .issues: "Issues"
        case .interests: "Interests"
        case .levers: "Levers"
        case .builder: "Package builder"
        case .finder: "Coalition finder"
        case .compare: "Compare"
        case .brief: "Brief"
        case .table: "Table"
        }
    }
}
