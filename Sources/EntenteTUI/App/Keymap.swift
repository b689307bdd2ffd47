/// Key bindings as data: the help overlay and the status-bar hints are generated from
/// them, so they cannot drift from what the keys do. Global bindings work everywhere;
/// a screen's own bindings only on that screen.
public struct Keymap: Sendable {
    public struct Binding: Sendable {
        public let keys: [Key]
        public let action: Action
        public let help: String
        /// Shown in the status bar as well as in the help overlay.
        public let hint: Bool
        /// The screen it belongs to; nil for a global binding.
        public let screen: ScreenID?
        /// At a workshop table, the side whose move it is (nil: every seat's).
        public let side: TableSide?

        init(_ keys: [Key], _ action: Action, _ help: String, hint: Bool = false, on screen: ScreenID? = nil, for side: TableSide? = nil) {
            self.keys = keys
            self.action = action
            self.help = help
            self.hint = hint
            self.screen = screen
            self.side = side
        }

        /// The binding's keys as help and the status bar write them: `↓/j`, `t/Space`.
        public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
    }

    public let bindings: [Binding]

    /// Who a Table screen key is for: a delegation's moves, or the facilitator's controls.
    public enum TableSide: Sendable {
        case delegation, facilitator
    }

    public static let workbench = Keymap(bindings: [
        Binding([.character("?")], .toggleHelp, "show or hide this help", hint: true),
        Binding([.character("/")], .browsing(.openFilter), "filter the current list (\(Key.enter.label) keeps it, \(Key.escape.label) clears it)"),
        Binding([.character(":")], .openCommandLine, "command line (:help lists the commands, \(Key.tab.label) completes)"),
        Binding([.home], .jump(toEnd: false), "to the first row of the list (or the top)"),
        Binding([.end], .jump(toEnd: true), "to the last row of the list (or the bottom)"),
        Binding([.tab], .nextScreen(1), "next screen"),
        Binding([.backTab], .nextScreen(-1), "previous screen"),
    ] + ScreenID.allCases.map { screen in
        Binding([.character(Character(String(screen.rawValue)))], .show(screen), "show \(screen.title)")
    } + [
        Binding([.down, .character("j")], .browsing(.moveCell(columns: 0, rows: 1)), "next actor", on: .interests),
        Binding([.up, .character("k")], .browsing(.moveCell(columns: 0, rows: -1)), "previous actor", on: .interests),
        Binding([.right, .character("l")], .browsing(.moveCell(columns: 1, rows: 0)), "next issue", hint: true, on: .interests),
        Binding([.left, .character("h")], .browsing(.moveCell(columns: -1, rows: 0)), "previous issue", on: .interests),
        Binding([.character("+")], .editing(.adjustSalience(0.1)), "raise the cell's salience by 0.1", hint: true, on: .interests),
        Binding([.character("-")], .editing(.adjustSalience(-0.1)), "lower the cell's salience by 0.1", on: .interests),
        Binding([.character("]")], .editing(.selectOption(1)), "next option of the cell", hint: true, on: .interests),
        Binding([.character("[")], .editing(.selectOption(-1)), "previous option of the cell", on: .interests),
        Binding([.character(">")], .editing(.adjustValue(5)), "raise the value of that option by 5", hint: true, on: .interests),
        Binding([.character("<")], .editing(.adjustValue(-5)), "lower the value of that option by 5", on: .interests),
        Binding([.character("e")], .editing(.prompt(.value)), "type the value of that option", on: .interests),
        Binding([.character("x")], .editing(.toggleRedLine), "red line on that option, or off", hint: true, on: .interests),
        Binding([.character("n")], .futures(.selectLink(1)), "next of the actor's links", on: .interests),
        Binding([.character("N")], .futures(.selectLink(-1)), "previous of the actor's links", on: .interests),
        Binding([.character("a")], .editing(.prompt(.addLink)), "add a link for the actor (:link)", hint: true, on: .interests),
        Binding([.character("c")], .editing(.prompt(.editLink)), "change the selected link", on: .interests),
        Binding([.character("d")], .futures(.dropSelectedLink), "drop the selected link", on: .interests),
        Binding([.character("g")], .browsing(.cycleGroupingFilter), "show one grouping's members (again: the next)", hint: true, on: .interests),
        Binding([.character("s")], .browsing(.cycleActorOrder), "order the actors: file, attention to the issue, capability, grouping", on: .interests),
        Binding([.down, .character("j")], .editing(.selectIssue(1)), "next issue", on: .issues),
        Binding([.up, .character("k")], .editing(.selectIssue(-1)), "previous issue", on: .issues),
        Binding([.right, .character("l")], .editing(.selectOption(1)), "next option", on: .issues),
        Binding([.left, .character("h")], .editing(.selectOption(-1)), "previous option", on: .issues),
        Binding([.character("t"), .character(" ")], .editing(.toggleTable), "put the issue on or off the table", hint: true, on: .issues),
        Binding([.character("f"), .enter], .editing(.toggleFix), "fix the issue at the option (again: release it)", hint: true, on: .issues),
        Binding([.character("s")], .editing(.prompt(.split)), "split the issue into parts (:split)", hint: true, on: .issues),
        Binding([.character("m")], .editing(.mergeSelected), "merge the parts of a split issue back", hint: true, on: .issues),
        Binding([.character("r")], .editing(.prompt(.rename)), "rename the issue", on: .issues),
        Binding([.character("a")], .editing(.prompt(.addOption)), "add an option", on: .issues),
        Binding([.character("n")], .editing(.prompt(.renameOption)), "rename the option", on: .issues),
        Binding([.character("o")], .editing(.prompt(.openness)), "set the option's own openness", on: .issues),
        Binding([.character("e")], .editing(.prompt(.describeOption)), "describe the option", on: .issues),
        Binding([.character("d")], .editing(.dropSelectedOption), "drop the option (not the status quo)", on: .issues),
        Binding([.character("v")], .editing(.interestsOfSelectedIssue), "edit the actors' stances on this issue (Interests)", on: .issues),
        Binding([.down, .character("j")], .scroll(1), "scroll down", on: .brief),
        Binding([.up, .character("k")], .scroll(-1), "scroll up", on: .brief),
        Binding([.pageDown, .character(" ")], .page(1), "scroll a page down", hint: true, on: .brief),
        Binding([.pageUp], .page(-1), "scroll a page up", on: .brief),
        Binding([.down, .character("j")], .scroll(1), "scroll the list of issues down", on: .levers),
        Binding([.up, .character("k")], .scroll(-1), "scroll the list of issues up", on: .levers),
        Binding([.pageDown, .character(" ")], .page(1), "scroll the list a page down", on: .levers),
        Binding([.pageUp], .page(-1), "scroll the list a page up", on: .levers),
        Binding([.down, .character("j")], .scroll(1), "scroll down", on: .overview),
        Binding([.up, .character("k")], .scroll(-1), "scroll up", on: .overview),
        Binding([.pageDown, .character(" ")], .page(1), "scroll a page down", on: .overview),
        Binding([.pageUp], .page(-1), "scroll a page up", on: .overview),
        Binding([.down, .character("j")], .editing(.selectIssue(1)), "next issue", hint: true, on: .builder),
        Binding([.up, .character("k")], .editing(.selectIssue(-1)), "previous issue", on: .builder),
        Binding([.right, .character("l")], .editing(.changeOption(1)), "next option", hint: true, on: .builder),
        Binding([.left, .character("h")], .editing(.changeOption(-1)), "previous option", on: .builder),
        Binding([.character("r")], .editing(.resetPackage), "back to the status quo", on: .builder),
        Binding([.character("p")], .browsing(.pin), "pin this package for comparison", on: .builder),
        Binding([.character("y")], .browsing(.explainNext), "why: the next actor outside the coalition, why it is out (:why ACTOR for any)", hint: true, on: .builder),
        Binding([.character("y")], .browsing(.explainNext), "why: the next actor outside the selected coalition, why it is out (:why ACTOR)", on: .finder),
        Binding([.character("p")], .browsing(.pin), "pin the selected result for comparison", on: .finder),
        Binding([.character("c")], .browsing(.clearPins), "clear the pinned packages", hint: true, on: .compare),
        Binding([.character("n")], .editing(.prompt(.namePin)), "name the package shown across the futures (:name N NAME)", hint: true, on: .compare),
        Binding([.character("a")], .editing(.prompt(.notePin)), "annotate it (:annotate N TEXT)", on: .compare),
        Binding([.down, .character("j")], .scroll(1), "scroll the comparison down", on: .compare),
        Binding([.up, .character("k")], .scroll(-1), "scroll it up", on: .compare),
        Binding([.pageDown, .character(" ")], .page(1), "scroll a page down", on: .compare),
        Binding([.pageUp], .page(-1), "scroll a page up", on: .compare),
        Binding([.character("]")], .futures(.selectPin(1)), "show the next pinned package across the futures", on: .compare),
        Binding([.character("[")], .futures(.selectPin(-1)), "show the previous pinned package across the futures", on: .compare),
        Binding([.enter], .finder(.runSearch), "run the search", hint: true, on: .finder),
        Binding([.escape], .finder(.cancelSearch), "cancel a running search, or the selected result's analysis", on: .finder),
        Binding([.character("o")], .finder(.cycleObjective(1)), "next objective", hint: true, on: .finder),
        Binding([.character("r")], .finder(.toggleAcrossFutures), "search across today and every future, by the worst case (again: the future shown)", on: .finder),
        Binding([.character("O")], .finder(.cycleObjective(-1)), "previous objective", on: .finder),
        Binding([.down, .character("j")], .finder(.selectResult(1)), "next result", on: .finder),
        Binding([.up, .character("k")], .finder(.selectResult(-1)), "previous result", on: .finder),
        Binding([.pageDown, .character(" ")], .page(1), "scroll the selected package's analysis down", on: .finder),
        Binding([.pageUp], .page(-1), "scroll the analysis up", on: .finder),
        Binding([.character("s")], .finder(.cycleSort), "sort by the next column", on: .finder),
        Binding([.character("b")], .finder(.buildSelected), "open the result in the package builder", on: .finder),
        Binding([.character("[")], .finder(.showRun(-1)), "show the results of the search before (with its settings)", on: .finder),
        Binding([.character("]")], .finder(.showRun(1)), "show the results of the search after", on: .finder),
        Binding([.character("i")], .editing(.prompt(.text("require "))), "searches must include an actor (:require)", on: .finder),
        Binding([.character("x")], .editing(.prompt(.text("exclude "))), "searches must leave an actor out (:exclude)", on: .finder),
        Binding([.character("m")], .editing(.prompt(.text("min "))), "searches need at least this many members (:min)", on: .finder),
        Binding([.character("F")], .finder(.clearConstraints), "drop those constraints (:free all)", on: .finder),
    ] + tableBindings + [
        Binding([.character("w")], .futures(.cycleFuture(1)), "show the next future (:future ID picks one)", hint: true),
        Binding([.character("u")], .files(.undo), "undo the last edit"),
        Binding([.control("r")], .files(.redo), "redo"),
        Binding([.character("q")], .quit, "quit (asks when there are unsaved changes)", hint: true),
    ])

    /// The Table screen's keys: the delegations' moves, the facilitator's controls, and what
    /// every seat does (move about, open a proposal in the builder, message).
    private static let tableBindings: [Binding] = [
        Binding([.down, .character("j")], .workshop(.selectProposal(1)), "next (older) proposal", on: .table),
        Binding([.up, .character("k")], .workshop(.selectProposal(-1)), "previous (newer) proposal", on: .table),
        Binding([.character("p")], .workshop(.propose(to: nil)), "propose the builder's package to everyone", hint: true, on: .table, for: .delegation),
        Binding([.character("P")], .editing(.prompt(.text("propose "))), "propose it to named seats (:propose SEAT…)", on: .table, for: .delegation),
        Binding([.character("c")], .workshop(.counter(to: nil)), "counter the selected proposal with the builder's package", hint: true, on: .table, for: .delegation),
        Binding([.character("a")], .workshop(.respond(.accept, nil)), "accept the selected proposal", hint: true, on: .table, for: .delegation),
        Binding([.character("x")], .workshop(.respond(.reject, nil)), "reject it", hint: true, on: .table, for: .delegation),
        Binding([.character("W")], .workshop(.withdraw(nil)), "withdraw the selected proposal (your own)", on: .table, for: .delegation),
        Binding([.character("s")], .workshop(.control(.startRound(seconds: nil))), "start the next round (:start SECONDS sets its length)", hint: true, on: .table, for: .facilitator),
        Binding([.character("z")], .workshop(.togglePause), "pause the round, or let it go on", hint: true, on: .table, for: .facilitator),
        Binding([.character("e")], .editing(.prompt(.text("extend "))), "give the round more time (:extend SECONDS)", on: .table, for: .facilitator),
        Binding([.character("C")], .workshop(.control(.closeRound)), "close the round (sealed answers are shown)", hint: true, on: .table, for: .facilitator),
        Binding([.character("v")], .workshop(.callVote(nil)), "call a vote on the selected proposal", hint: true, on: .table, for: .facilitator),
        Binding([.character("i")], .editing(.prompt(.text("inject "))), "bring a future into force (:inject FUTURE [SEAT…])", on: .table, for: .facilitator),
        Binding([.character("B")], .editing(.prompt(.text("broadcast "))), "announce something to every seat", on: .table, for: .facilitator),
        Binding([.character("R")], .editing(.prompt(.text("reveal"))), "reveal every stance and answer to every seat (\(Key.enter.label) confirms)", on: .table, for: .facilitator),
        Binding([.character("d")], .workshop(.toggleDebrief), "show the debrief of the table so far (again: the table)", hint: true, on: .table, for: .facilitator),
        Binding([.character("b")], .workshop(.build(nil)), "open the selected proposal in the builder", on: .table),
        Binding([.character("m")], .editing(.prompt(.text("tell "))), "message seats privately (:tell SEAT[,SEAT] TEXT)", hint: true, on: .table),
        Binding([.character("M")], .editing(.prompt(.text("say "))), "make a statement to everyone (:say TEXT)", on: .table),
        Binding([.pageUp], .workshop(.scrollMessages(5)), "scroll the messages back (or the debrief)", on: .table),
        Binding([.pageDown], .workshop(.scrollMessages(-5)), "scroll the messages forward", on: .table),
    ]

    /// The answers to unsaved edits offered back from a journal; until one is given, no
    /// other key does anything (`:` still opens the command line).
    public static let journalOffer: [Binding] = [
        Binding([.character("r")], .files(.restoreJournal), "restore the edits"),
        Binding([.character("d")], .files(.discardJournal), "discard them (the journal is deleted)"),
        Binding([.character("c")], .files(.toggleJournalChanges), "see what restoring would change (again: back)"),
        Binding([.down, .character("j")], .scroll(1), "scroll down"),
        Binding([.up, .character("k")], .scroll(-1), "scroll up"),
        Binding([.pageDown, .character(" ")], .page(1), "scroll a page down"),
        Binding([.pageUp], .page(-1), "scroll a page up"),
        Binding([.character("q")], .quit, "quit; the edits are offered again next time"),
    ]

    /// The keys while the help overlay is open; its last row names the first.
    public static let helpOverlay: [Binding] = [
        Binding([.escape, .character("?"), .character("q")], .toggleHelp, "close this help"),
        Binding([.down, .character("j")], .scroll(1), "scroll down"),
        Binding([.up, .character("k")], .scroll(-1), "scroll up"),
        Binding([.pageDown, .character(" ")], .page(1), "scroll a page down"),
        Binding([.pageUp], .page(-1), "scroll a page up"),
    ]

    /// Esc while a file is opening stops the load, before it does anything else.
    public static let stopOpening = Binding([.escape], .files(.stopOpening), "stop opening the file")

    /// Esc with a `/` filter set (and no search running) clears the filter.
    public static let clearFilter = Binding([.escape], .browsing(.setFilter("")), "clear the filter")

    /// The answers when another workbench holds the file's journal.
    public static let lockedJournal: [Binding] = [
        Binding([.character("o")], .files(.useOwnJournal), "open it with a journal of this workbench's own"),
        Binding([.character("r")], .files(.openReadOnly), "open it read-only"),
        Binding([.character("q")], .quit, "quit"),
    ]

    /// The bindings that apply in a state: its screen's own first, and at a workshop table
    /// only those of the seat's side.
    public func bindings(in state: AppState) -> [Binding] {
        let side: TableSide? = state.workshop.map { $0.isFacilitator ? .facilitator : .delegation }
        return bindings(on: state.screen).filter { binding in
            if case .show(let screen) = binding.action, !state.screens.contains(screen) { return false }
            return binding.side == nil || binding.side == side
        }
    }

    /// The keys of an action on a screen as prose names them (`PgDn/Space`), so no text
    /// names a key the keymap does not bind.
    public func keyLabel(for action: Action, on screen: ScreenID) -> String {
        bindings(on: screen).first { $0.action == action }?.keyLabel ?? ":"
    }

    /// The same for the workbench's keymap: what every screen's prose calls a key.
    static func key(_ action: Action, on screen: ScreenID) -> String { workbench.keyLabel(for: action, on: screen) }

    /// An action's first key among `bindings`, for prose short of room: `f` of `f/Enter`.
    static func firstKey(_ action: Action, in bindings: [Binding]) -> String {
        bindings.first { $0.action == action }?.keys.first?.label ?? ":"
    }

    /// The first keys of two opposite actions, as prose pairs them: `←/→`, `↓/↑`.
    static func pair(_ one: Action, _ other: Action, in bindings: [Binding]) -> String {
        firstKey(one, in: bindings) + "/" + firstKey(other, in: bindings)
    }

    /// The same for a screen of the workbench.
    static func pair(_ one: Action, _ other: Action, on screen: ScreenID) -> String { pair(one, other, in: workbench.bindings(on: screen)) }

    /// The bindings that apply on a screen, its own first.
    public func bindings(on screen: ScreenID) -> [Binding] {
        bindings.filter { $0.screen == screen } + bindings.filter { $0.screen == nil }
    }

    /// What the wheel does: whatever ↓ (down) or ↑ (up) does on the current screen.
    public func wheelAction(_ direction: Int, in state: AppState) -> Action? {
        guard state.commandLine == nil else { return nil }
        return bindings(in: state).first { $0.keys.contains(direction > 0 ? .down : .up) }?.action
    }

    /// What a left click at a cell does: on the tab bar, show that screen; in a list, select
    /// the row (an issue, a cell of the heat map, a result).
    public func clickAction(x: Int, y: Int, in state: AppState) -> Action? {
        guard state.commandLine == nil, !state.showHelp else { return nil }
        if y == 0 { return WorkbenchView.tabs(state).first { $0.columns.contains(x) }.map { .show($0.screen) } }
        let (top, height) = (1, state.size.rows - 2)
        switch state.screen {
        case .issues: return IssuesScreen.issue(atRow: y, column: x, state, top: top, height: height).map { .editing(.focusIssue($0)) }
        case .builder: return BuilderScreen.issue(atRow: y, column: x, state, top: top, height: height).map { .editing(.focusIssue($0)) }
        case .finder: return FinderScreen.result(atRow: y, state, top: top, height: height).map { .finder(.focusResult($0)) }
        case .interests: return InterestsScreen.cell(atRow: y, column: x, state, top: top, height: height).map { .browsing(.focusCell(actor: $0.actor, issue: $0.issue)) }
        default: return nil
        }
    }

    /// The action bound to a key on the current screen, if any. Esc closes the help overlay,
    /// then clears the `/` filter, before it does anything else.
    public func action(for key: Key, in state: AppState) -> Action? {
        if state.commandLine != nil { return .commandKey(key) }
        if state.lockHolder != nil || state.journal != nil {
            if key == .character(":") { return .openCommandLine }
            let answers = state.lockHolder != nil ? Self.lockedJournal : Self.journalOffer
            return answers.first { $0.keys.contains(key) }?.action
        }
        if state.filterEditing { return .browsing(.filterKey(key)) }
        if state.opening != nil, Self.stopOpening.keys.contains(key) { return Self.stopOpening.action }
        if state.showHelp, let binding = Self.helpOverlay.first(where: { $0.keys.contains(key) }) { return binding.action }
        if !state.filter.isEmpty, !state.finder.running, Self.clearFilter.keys.contains(key) { return Self.clearFilter.action }
        return bindings(in: state).first { $0.keys.contains(key) }?.action
    }
}
