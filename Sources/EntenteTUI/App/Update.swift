import EntenteCore
import EntenteSession

/// Applies an action to the state and says what the outside world must do.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    // Only a second c in a row clears the pins; reports from work done off the main loop do not count.
    switch action {
    case .browsing(.clearPins), .session, .finder(.searchProgress), .finder(.searchFinished), .finder(.robustFinished),
         .finder(.analysisReady), .files(.briefReady),
         .workshop(.tick), .workshop(.event), .workshop(.acknowledged), .workshop(.link), .workshop(.debriefReady): break
    default: state.confirmClearPins = false
    }
    let kept = state.keptWorkspace
    // Actions applied within this one (a command line's) ask at most once, at the end.
    let effects = apply(&state, action).filter { if case .keepWorkspace = $0 { false } else { true } }
    // Whatever changed the workspace (a key, or the session's reply), it is kept for next time.
    // A file just opened brings its own, which the host restores: nothing is kept over it.
    var opened = false
    if case .files(.loaded) = action { opened = true }
    let keep: [Effect] = state.keptWorkspace != kept && !state.readOnly && !opened ? [.keepWorkspace(state.finder.settings)] : []
    return effects + analysisEffects(&state) + keep
}

/// The finder's selected result is analysed in the background as soon as it is shown.
private func analysisEffects(_ state: inout AppState) -> [Effect] {
    let packages = state.finder.packages
    guard state.screen == .finder, state.viewer == nil, !state.finder.running, !state.finder.stale,
          state.finder.order.indices.contains(state.finder.selected) else { return [] }
    let package = packages[state.finder.order[state.finder.selected]].package
    guard state.finder.analysis?.package != package, state.finder.analysing != package,
          state.finder.analysisStopped != package else { return [] }
    state.finder.analysing = package
    // The analysis searches the space the result was found in.
    var request = state.finder.request ?? state.searchRequest
    request.budget = SearchBudget(seconds: AppState.analysisSeconds)
    return [.analyse(package, request)]
}

private func apply(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .quit:
        guard state.dirty, !state.confirmQuit else {
            return state.dirty ? [.dropJournal(file: state.file), .quit] : [.quit]
        }
        state.confirmQuit = true
        state.message = "unsaved changes: \(Keymap.key(.quit, on: state.screen)) again quits without them, :save keeps them"
    case .toggleHelp:
        state.showHelp.toggle()
        state.helpPage = .keys
        state.helpScroll = 0
    case .showCommands:
        state.showHelp = true
        state.helpPage = .commands
        state.helpScroll = 0
    case .show(let screen):
        guard state.screens.contains(screen) else {
            state.message = "the Table screen is a workshop's: entente join URL CODE"
            break
        }
        state.screen = screen
        state.showHelp = false
        state.message = nil
        return briefEffects(state)
    case .nextScreen(let step):
        let screens = state.screens
        state.screen = screens[wrapped(screens.firstIndex(of: state.screen)!, by: step, count: screens.count)]
        state.message = nil
        return briefEffects(state)
    case .page(let pages):
        return apply(&state, .scroll(pages * WorkbenchView.pageRows(state)))
    case .scroll(let rows):
        if var offer = state.journal {
            offer.scroll = max(0, offer.scroll + rows)
            state.journal = offer
        } else if state.showHelp {
            state.helpScroll = max(0, state.helpScroll + rows)
        } else if state.screen == .brief {
            let lines = state.brief.map { BriefScreen.lines($0.text, width: state.size.columns - 2).count } ?? 0
            state.briefScroll = min(max(0, lines - (state.size.rows - 4)), max(0, state.briefScroll + rows))
        } else if state.screen == .compare {
            let (count, shown) = CompareScreen.extent(state)
            state.compareScroll = min(max(0, count - shown), max(0, state.compareScroll + rows))
        } else if state.screen == .finder {
            let (lines, shown) = FinderScreen.detailExtent(state)
            state.finder.detailScroll = min(max(0, lines - shown), max(0, state.finder.detailScroll + rows))
        } else if state.screen == .levers {
            let (count, shown) = LeversScreen.listExtent(state)
            state.leversScroll = min(max(0, count - shown), max(0, state.leversScroll + rows))
        } else {
            let lines = OverviewScreen.lines(state, width: state.size.columns - 2).count
            state.scroll = min(max(0, lines - (state.size.rows - 2)), max(0, state.scroll + rows))
        }
    case .message(let text):
        state.message = text
    case .jump(let toEnd):
        let far = 1_000_000
        switch state.screen {
        case .issues, .builder: return apply(&state, .editing(.selectIssue(toEnd ? far : -far)))
        case .interests: return apply(&state, .browsing(.moveCell(columns: 0, rows: toEnd ? far : -far)))
        case .finder: return apply(&state, .finder(.selectResult(toEnd ? far : -far)))
        case .table: return apply(&state, .workshop(.selectProposal(toEnd ? far : -far)))
        default: return apply(&state, .scroll(toEnd ? far : -far))
        }
    case .resize(let size):
        state.size = size
    case .editing(let action):
        return updateEditing(&state, action)
    case .finder(let action):
        return updateFinder(&state, action)
    case .browsing(let action):
        return updateBrowsing(&state, action)
    case .session(let reply):
        // A change of lens makes the brief preview someone else's: ask for the right one.
        return state.receive(reply) + briefEffects(state)
    case .files(let action):
        return updateFiles(&state, action)
    case .futures(let action):
        return updateFutures(&state, action)
    case .workshop(let action):
        return updateWorkshop(&state, action)
    case .openCommandLine:
        state.commandLine = CommandLineState()
        state.showHelp = false
    case .commandKey(let key):
        return commandKey(&state, key)
    }
    return []
}

/// Why a file action has no place at a workshop table, whose document is the server's.
private func workshopRefusal(_ action: FileAction) -> String? {
    switch action {
    case .undo, .redo: "a workshop table keeps every move in its log; there is no undo (the facilitator may change a stance again)"
    case .requestOpen: "this workbench is at a workshop table; quit and open the file in a workbench of its own"
    case .requestSave: "the table's scenario is the server's; entente debrief writes its record"
    default: nil
    }
}

/// On the Brief screen, asks for the preview when it is missing or stale.
func briefEffects(_ state: AppState) -> [Effect] {
    guard state.screen == .brief, !state.briefIsCurrent else { return [] }
    return [.prepareBrief(state.package)]
}

/// Steps an index through `count` places, wrapping at both ends.
func wrapped(_ index: Int, by step: Int, count: Int) -> Int { ((index + step) % count + count) % count }

/// The finder: objective, constraints, the running search and its results.
private func updateFinder(_ state: inout AppState, _ action: FinderAction) -> [Effect] {
    switch action {
    case .cycleObjective(let step):
        let all = Objective.allCases
        state.finder.objective = all[wrapped(all.firstIndex(of: state.finder.objective)!, by: step, count: all.count)]
    case .setObjective(let objective):
        state.finder.objective = objective
    case .runSearch:
        guard !state.finder.running else { break }
        // The session refuses it too; asking first spares a search that would only be refused.
        guard state.viewer == nil else {
            state.message = SessionError.readsEveryone("coalition finder", widen: state.view.mayWiden).description
            break
        }
        if state.finder.acrossFutures && state.view.futures.isEmpty {
            state.message = FinderState.noFutures
            break
        }
        if let impossible = state.searchRequest.impossibility(in: state.scenario) {
            state.message = impossible + " (:min lowers the minimum, :free all drops the constraints)"
            break
        }
        state.finder.searching = state.searchRequest
        state.finder.searchingAcrossFutures = state.finder.acrossFutures
        state.finder.progress = nil
        return [state.finder.acrossFutures ? .startRobustSearch(state.searchRequest) : .startSearch(state.searchRequest)]
    case .toggleAcrossFutures:
        return updateFinder(&state, .setAcrossFutures(!state.finder.acrossFutures))
    case .setAcrossFutures(let on):
        guard !on || !state.view.futures.isEmpty else {
            state.message = FinderState.noFutures
            break
        }
        state.finder.acrossFutures = on
        state.message = on ? "the next search keeps packages viable today and in every future, ranked by their worst case"
            : "the next search is in \(state.view.future ?? "today")'s scenario only"
    case .cancelSearch:
        if state.finder.running { return [.cancelSearch] }
        guard let package = state.finder.analysing else { break }
        state.finder.analysing = nil
        state.finder.analysisStopped = package
        state.message = "analysis stopped"
        return [.cancelAnalysis]
    case .searchProgress(let progress):
        guard state.finder.running else { break }
        state.finder.progress = progress
    case .searchFinished(let result):
        // A search overtaken by an edit or another file reports into a state that no longer runs it.
        guard let request = state.finder.searching, !state.finder.searchingAcrossFutures else { break }
        let previous = state.selectedResult
        state.finder.dropResults()
        state.finder.result = result
        showResults(&state, request, cancelled: result.cancelled, keeping: previous)
    case .robustFinished(let result):
        guard let request = state.finder.searching, state.finder.searchingAcrossFutures else { break }
        let previous = state.selectedResult
        state.finder.dropResults()
        state.finder.robust = result
        state.finder.robustSort = nil
        showResults(&state, request, cancelled: result.cancelled, keeping: previous)
    case .analysisReady(let result):
        // Only for the scenario on screen: an edit since the request makes it stale.
        guard state.finder.analysing == result.package, result.revision == state.view.revision else { break }
        state.finder.analysis = result
        state.finder.analysing = nil
    case .searchRefused(let reason):
        state.finder.searching = nil
        state.message = reason
    case .selectResult(let step):
        state.finder.selected = min(max(0, state.finder.order.count - 1), max(0, state.finder.selected + step))
        state.finder.analysisStopped = nil
        state.finder.detailScroll = 0
    case .focusResult(let position):
        guard state.finder.order.indices.contains(position) else { break }
        state.finder.selected = position
        state.finder.analysisStopped = nil
        state.finder.detailScroll = 0
    case .cycleSort:
        if let robust = state.finder.robust {
            // The worst case, then today's figure and each future's.
            let next = (state.finder.robustSort ?? -1) + 1
            state.finder.robustSort = next < robust.ids.count ? next : nil
            state.refreshFinderOrder()
            break
        }
        let all = FinderColumn.allCases
        state.finder.sort = all[wrapped(all.firstIndex(of: state.finder.sort)!, by: 1, count: all.count)]
        state.refreshFinderOrder()
    case .setSort(let column):
        state.finder.sort = column
        state.refreshFinderOrder()
    case .showRun(let step):
        let runs = state.finder.history
        let index = state.finder.shownRun + step
        guard !state.finder.running, runs.indices.contains(index) else {
            state.message = runs.isEmpty ? "no searches yet on this version of the scenario"
                : "search \(state.finder.shownRun + 1) of \(runs.count) is the \(step < 0 ? "earliest" : "latest")"
            break
        }
        let run = runs[index]
        state.finder.shownRun = index
        state.finder.result = run.result
        state.finder.robust = run.robust
        state.finder.request = run.request
        state.finder.robustSort = nil
        state.finder.analysis = nil
        state.finder.analysing = nil
        state.finder.selected = 0
        state.finder.detailScroll = 0
        state.refreshFinderOrder()
        state.message = "search \(index + 1) of \(runs.count): \(run.summary)"
    case .buildSelected:
        let packages = state.finder.packages
        guard state.finder.order.indices.contains(state.finder.selected) else { break }
        state.screen = .builder
        return [.session(.workspace(.build(packages[state.finder.order[state.finder.selected]].package)))]
    case .require(let actor, let on):
        state.finder.include.removeAll { $0 == actor }
        state.finder.exclude.removeAll { $0 == actor }
        if on { state.finder.include.append(actor) }
        state.message = on ? "every coalition must include \(actor)" : "\(actor) is no longer required"
    case .exclude(let actor, let on):
        state.finder.include.removeAll { $0 == actor }
        state.finder.exclude.removeAll { $0 == actor }
        if on { state.finder.exclude.append(actor) }
        state.message = on ? "no coalition may include \(actor)" : "\(actor) is no longer excluded"
    case .setMinMembers(let count):
        var request = state.searchRequest
        request.minMembers = count
        if let impossible = request.impossibility(in: state.scenario) {
            state.message = impossible + "; the minimum stays \(state.finder.minMembers)"
            break
        }
        state.finder.minMembers = max(0, count)
        state.message = count > 0 ? "coalitions need at least \(count) members" : "no minimum size"
    case .clearConstraints:
        state.finder.include = []
        state.finder.exclude = []
        state.finder.minMembers = 0
        state.message = "no actor constraints (holds on issues stay: see Issues)"
    }
    return []
}

/// Puts finished results on screen, answering `request`, the first one selected (or, on a
/// re-run, the package that was), and keeps them in the history.
private func showResults(_ state: inout AppState, _ request: SearchRequest, cancelled: Bool, keeping previous: Package?) {
    state.finder.searching = nil
    state.finder.history.append(FinderRun(request: request, result: state.finder.result, robust: state.finder.robust))
    state.finder.history = Array(state.finder.history.suffix(FinderState.historyLimit))
    state.finder.shownRun = state.finder.history.count - 1
    state.finder.request = request
    state.finder.selected = 0
    state.finder.detailScroll = 0
    state.refreshFinderOrder()
    // A re-run keeps the selection on the same package, wherever it now ranks.
    let packages = state.finder.packages
    if let previous, let place = state.finder.order.firstIndex(where: { packages[$0].package == previous }) { state.finder.selected = place }
    // Esc stopped the search: its best-so-far is shown, not analysed behind the person's back.
    if cancelled, let first = state.finder.order.first { state.finder.analysisStopped = state.finder.packages[first].package }
}

/// Moving about Interests, the workshop view, the `/` filter and the pins.
private func updateBrowsing(_ state: inout AppState, _ action: BrowsingAction) -> [Effect] {
    switch action {
    case .moveCell(let columns, let rows):
        let actors = state.visibleActors
        guard !actors.isEmpty, !state.scenario.issues.isEmpty else { break }
        let row = actors.firstIndex(of: state.cell.actor) ?? 0
        state.cell.actor = actors[min(actors.count - 1, max(0, row + rows))]
        state.cell.issue = min(state.scenario.issues.count - 1, max(0, state.cell.issue + columns))
    case .focusCell(let actor, let issue):
        guard state.scenario.actors.indices.contains(actor), state.scenario.issues.indices.contains(issue) else { break }
        state.cell = (actor, issue)
    case .cycleGroupingFilter:
        let count = state.scenario.groupings.count
        return updateBrowsing(&state, .setGroupingFilter(state.groupingFilter.map { $0 + 1 < count ? $0 + 1 : nil } ?? (count > 0 ? 0 : nil)))
    case .setGroupingFilter(let grouping):
        state.groupingFilter = grouping
        state.keepCursorsVisible()
        state.message = state.groupingFilter.map { "showing \(state.scenario.groupings[$0].name)" } ?? "showing every actor"
    case .cycleActorOrder:
        let all = ActorOrder.allCases
        return updateBrowsing(&state, .setActorOrder(all[wrapped(all.firstIndex(of: state.actorOrder)!, by: 1, count: all.count)]))
    case .setActorOrder(let order):
        state.actorOrder = order
        state.message = "actors \(order.label)"
    case .setViewer(let viewer):
        return [.session(.workspace(.look(as: viewer)))]
    case .openFilter:
        guard [.issues, .interests, .builder, .finder].contains(state.screen) else {
            state.message = "\(Keymap.key(.browsing(.openFilter), on: state.screen)) filters the issues (Issues, builder), the actors (Interests) and the results (finder)"
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
        state.keepCursorsVisible()
        state.refreshFinderOrder()
    case .setFilter(let text):
        state.filter = text
        state.filterEditing = false
        state.keepCursorsVisible()
        state.refreshFinderOrder()
    case .pin:
        var package = state.package
        let packages = state.finder.packages
        if state.screen == .finder, state.finder.order.indices.contains(state.finder.selected) {
            package = packages[state.finder.order[state.finder.selected]].package
        }
        return [.session(.workspace(.pin(package)))]
    case .clearPins:
        guard state.confirmClearPins || state.pinned.isEmpty else {
            let key = Keymap.workbench.keyLabel(for: .browsing(.clearPins), on: .compare)
            state.message = "\(key) again clears the \(state.pinned.count) pinned package\(state.pinned.count == 1 ? "" : "s")"
            state.confirmClearPins = true
            return []
        }
        return [.session(.workspace(.clearPins))]
    case .namePin(let index, let name):
        let note = state.view.pinned.indices.contains(index) ? state.view.pinned[index].note : ""
        return [.session(.workspace(.labelPin(index, name: name, note: note)))]
    case .notePin(let index, let note):
        let name = state.view.pinned.indices.contains(index) ? state.view.pinned[index].name : ""
        return [.session(.workspace(.labelPin(index, name: name, note: note)))]
    case .explain(let id):
        guard let id else {
            state.explained = nil
            break
        }
        guard let actor = state.scenario.actorIndex(id) else {
            state.message = "unknown actor '\(id)'"
            break
        }
        guard state.canSee(actor: actor) else {
            state.message = "in the workshop view only \(state.viewer ?? "")'s reasons can be shown"
            break
        }
        state.explained = id
        if ![.builder, .finder].contains(state.screen) { state.screen = .builder }
    case .explainNext:
        // A delegation may be told only its own reasons; others step through the actors
        // outside the coalition shown (every actor when nobody is outside).
        if let own = state.viewer { return updateBrowsing(&state, .explain(state.explained == own ? nil : own)) }
        let coalition = state.screen == .finder && state.finder.order.indices.contains(state.finder.selected)
            ? state.finder.packages[state.finder.order[state.finder.selected]].coalition : state.evaluation.full?.coalition
        let ids = state.scenario.actors.map(\.id)
        let outside = state.scenario.actors.indices.filter { coalition?.contains($0) != true }.map { ids[$0] }
        let candidates = outside.isEmpty ? ids : outside
        guard !candidates.isEmpty else { break }
        let next = state.explained.flatMap { current in candidates.firstIndex(of: current).map { $0 + 1 } } ?? 0
        state.explained = candidates[next % candidates.count]
    }
    return []
}

/// Undo and redo, the journal, and the effects that read or write files.
private func updateFiles(_ state: inout AppState, _ action: FileAction) -> [Effect] {
    if state.workshop != nil, let refusal = workshopRefusal(action) {
        state.message = refusal
        return []
    }
    switch action {
    case .undo:
        return [.session(.undo)]
    case .redo:
        return [.session(.redo)]
    case .journalFound(let offer):
        state.journal = offer
    case .restoreJournal:
        guard let offer = state.journal else {
            state.message = "no unsaved edits to restore"
            break
        }
        state.journal = nil
        // The journal holds the scenario, not its edits one by one: undo takes it back whole.
        let undo = "\(Keymap.workbench.keyLabel(for: .files(.undo), on: state.screen)) undoes them all at once"
        state.message = offer.fileChanged
            ? "restored; the file changed on disk after these edits began, so :save asks before overwriting; \(undo)"
            : "restored the unsaved edits; \(undo)"
        return [.restoreJournal(file: state.file)]
    case .discardJournal:
        state.journal = nil
        state.message = "dropped the unsaved edits"
        return [.dropJournal(file: state.file)]
    case .toggleJournalChanges:
        state.journal?.showingChanges.toggle()
        state.journal?.scroll = 0
    case .journalLocked(let holder):
        state.lockHolder = holder
    case .useOwnJournal:
        guard state.lockHolder != nil else { break }
        state.lockHolder = nil
        state.message = "edits here are journalled apart from the other workbench's"
        return [.useOwnJournal(file: state.file)]
    case .openReadOnly:
        guard let holder = state.lockHolder else { break }
        state.lockHolder = nil
        state.readOnly = true
        state.message = "read-only: \(state.file) is open in another workbench (\(holder))"
    case .requestOpen(let file, let force):
        guard !state.dirty || force else {
            state.message = "unsaved edits to \(state.file): :save them first, or :open! \(file) leaves them in the journal (offered when \(state.file) is opened again)"
            break
        }
        guard state.opening == nil else {
            state.message = "still opening \(state.opening ?? ""); \(Keymap.stopOpening.keyLabel) stops it"
            break
        }
        state.opening = file
        state.message = "opening \(file)… (\(Keymap.stopOpening.keyLabel) stops)"
        return [.open(file)]
    case .requestSave(let file, let force):
        if state.journal != nil {
            state.message = "first answer the unsaved edits from the earlier session"
            break
        }
        if state.readOnly && (file == nil || file == state.file) {
            state.message = "read-only: \(state.file) is open in another workbench; :save OTHER-FILE writes a copy"
            break
        }
        return [.save(path: file ?? state.file, force: force)]
    case .requestBrief(let file, let audience, let format, let force):
        // A delegation's brief is its own (the session enforces it too): asking for another's is refused here with the reason.
        if let own = state.viewer, let audience, audience != own {
            state.message = "this workbench writes \(own)'s delegation brief only; :brief FILE writes it"
            break
        }
        let chosen = format ?? BriefFormat.forFile(file)
        return [.writeBrief(state.package, path: file, audience: audience ?? state.viewer, format: chosen, force: force)]
    case .requestComparison(let file, let force):
        guard !state.pinned.isEmpty else {
            state.message = "nothing pinned to compare: \(Keymap.key(.browsing(.pin), on: .builder)) pins a package in the builder or the finder"
            break
        }
        let table = CompareTable(state)
        let text = file.lowercased().hasSuffix(".md") ? table.markdown(title: state.scenario.title) : table.text(title: state.scenario.title)
        return [.writeComparison(text, path: file, force: force)]
    case .loaded(let view, let file):
        // A load that Esc stopped, or that a newer :open replaced, is dropped.
        guard state.opening == file else { break }
        var fresh = AppState(view: view, file: file, size: state.size)
        fresh.history = state.history
        fresh.message = "opened \(file)"
        state = fresh
        return [.adoptOpened(file: file)]
    case .stopOpening:
        guard let file = state.opening else { break }
        state.opening = nil
        state.message = "stopped opening \(file)"
        return [.cancelOpen]
    case .openFailed(let file, let reason):
        guard state.opening == file else { break }
        state.opening = nil
        state.message = reason
    case .saved(let file):
        // Saved elsewhere, the first file's journal would offer edits that are already kept.
        let previous = state.file
        state.file = file
        state.dirty = false
        state.readOnly = false
        state.message = "saved \(file)"
        return previous == file ? [.dropJournal(file: file)] : [.dropJournal(file: previous), .dropJournal(file: file)]
    case .workspaceRestored(let settings):
        state.finder.settings = settings
    case .briefReady(let package, let audience, let text):
        state.brief = (package, audience, text)
        if !state.briefIsCurrent { return briefEffects(state) }
    }
    return []
}
