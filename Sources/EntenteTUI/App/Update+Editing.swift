import EntenteCore
import EntenteSession

/// The Issues screen, the package builder and the edits of the scenario.
func updateEditing(_ state: inout AppState, _ action: EditingAction) -> [Effect] {
    let issues = state.scenario.issues
    switch action {
    case .selectIssue(let step):
        let visible = state.visibleIssues
        guard !visible.isEmpty else { break }
        let row = visible.firstIndex(of: state.selectedIssue) ?? 0
        state.selectedIssue = visible[min(visible.count - 1, max(0, row + step))]
    case .focusIssue(let issue):
        guard issues.indices.contains(issue) else { break }
        state.selectedIssue = issue
    case .selectOption(let step):
        let issue = state.screen == .interests ? state.cell.issue : state.selectedIssue
        guard issues.indices.contains(issue) else { break }
        state.selectedOption = min(issues[issue].options.count - 1, max(0, state.optionCursor(in: issue) + step))
    case .changeOption(let step):
        guard issues.indices.contains(state.selectedIssue) else { break }
        if let hold = state.hold(on: state.selectedIssue) {
            state.message = hold
            break
        }
        let count = issues[state.selectedIssue].options.count
        return [.session(.workspace(.choose(issue: state.selectedIssue, option: wrapped(state.package.choices[state.selectedIssue], by: step, count: count))))]
    case .setOption(let issue, let option):
        if let hold = state.hold(on: issue) {
            state.message = hold
            break
        }
        state.selectedIssue = issue
        return [.session(.workspace(.choose(issue: issue, option: option)))]
    case .resetPackage:
        return [.session(.workspace(.resetPackage))]
    case .toggleTable:
        guard issues.indices.contains(state.selectedIssue) else { break }
        let id = issues[state.selectedIssue].id
        return updateEditing(&state, .setOnTable(issue: id, state.offTable.contains(id)))
    case .setOnTable(let id, let on):
        return [.session(.workspace(.setOnTable(issue: id, on)))]
    case .toggleFix:
        guard issues.indices.contains(state.selectedIssue) else { break }
        let issue = issues[state.selectedIssue]
        let option = issue.options[state.optionCursor(in: state.selectedIssue)].id
        return updateEditing(&state, .setFixed(issue: issue.id, option: state.fixed[issue.id] == option ? nil : option))
    case .setFixed(let id, let option):
        return [.session(.workspace(.setFixed(issue: id, option: option)))]
    case .mergeSelected:
        guard issues.indices.contains(state.selectedIssue) else { break }
        return applyEdit(&state, .merge(issue: issues[state.selectedIssue].id))
    case .dropSelectedOption:
        guard issues.indices.contains(state.selectedIssue) else { break }
        let issue = issues[state.selectedIssue]
        return applyEdit(&state, .dropOption(issue: issue.id, option: issue.options[state.optionCursor(in: state.selectedIssue)].id))
    case .interestsOfSelectedIssue:
        guard issues.indices.contains(state.selectedIssue) else { break }
        state.cell.issue = state.selectedIssue
        state.selectedOption = 0
        state.screen = .interests
    case .prompt(let prompt):
        guard issues.indices.contains(state.selectedIssue), issues.indices.contains(state.cell.issue) else { break }
        let issue = issues[state.selectedIssue]
        let chosen = issue.options[state.optionCursor(in: state.selectedIssue)]
        let option = chosen.id
        // Each prompt begins the command for the selection and, where there is one, ends
        // with the value as it stands, to be edited in place; the row above says the form.
        let text = switch prompt {
        case .split: "split \(issue.id) "
        case .rename: "rename \(issue.id) \(issue.name)"
        case .addOption: "option \(issue.id) add "
        case .renameOption: "option \(issue.id) rename \(option) \(chosen.name)"
        case .openness: "option \(issue.id) openness \(option) \(ScenarioWriter.number(chosen.openness))"
        case .describeOption: "option \(issue.id) describe \(option) \(chosen.description)"
        case .value:
            valuePrompt(state)
        case .addLink: "link \(state.scenario.actors[state.cell.actor].id) add "
        case .editLink:
            if let link = state.selectedOwnLink {
                "link \(state.scenario.actors[state.cell.actor].id) edit \(state.linkCursor + 1) \(LinkWords.words(link))"
            } else {
                "link \(state.scenario.actors[state.cell.actor].id) add "
            }
        case .namePin: "name \(state.comparedPin + 1) " + (state.view.pinned.indices.contains(state.comparedPin) ? state.view.pinned[state.comparedPin].name : "")
        case .notePin: "annotate \(state.comparedPin + 1) " + (state.view.pinned.indices.contains(state.comparedPin) ? state.view.pinned[state.comparedPin].note : "")
        case .text(let text): text
        }
        state.commandLine = CommandLineState(text: text)
        state.showHelp = false
    case .edit(let edit):
        return applyEdit(&state, edit)
    case .adjustSalience(let change):
        guard let (actor, issue) = cellIDs(state) else { break }
        let current = state.view.today.actors[state.cell.actor].interests[issue]?.salience ?? 0
        return applyEdit(&state, .salience(actor: actor, issue: issue, max(0, ((current + change) * 100).rounded() / 100)))
    case .adjustValue(let change):
        guard let (actor, issue) = cellIDs(state), let stance = state.view.today.actors[state.cell.actor].interests[issue] else {
            state.message = "no stance here: \(Keymap.key(.editing(.adjustSalience(0.1)), on: .interests)) gives the actor a salience on the issue first"
            break
        }
        let option = issues[state.cell.issue].options[state.optionCursor(in: state.cell.issue)]
        return applyEdit(&state, .value(actor: actor, issue: issue, option: option.id, min(100, max(0, stance.value(of: option) + change))))
    case .toggleRedLine:
        guard let (actor, issue) = cellIDs(state) else { break }
        let option = issues[state.cell.issue].options[state.optionCursor(in: state.cell.issue)].id
        let on = !(state.view.today.actors[state.cell.actor].interests[issue]?.redLines.contains(option) ?? false)
        return applyEdit(&state, .redLine(actor: actor, issue: issue, option: option, on))
    }
    return []
}

/// `value ACTOR ISSUE OPTION CURRENT` for the Interests cursor and its option cursor.
private func valuePrompt(_ state: AppState) -> String {
    let issue = state.scenario.issues[state.cell.issue]
    let option = issue.options[state.optionCursor(in: state.cell.issue)]
    let actor = state.scenario.actors[state.cell.actor]
    let current = state.view.today.actors[state.cell.actor].interests[issue.id].map { ScenarioWriter.number($0.value(of: option)) } ?? ""
    return "value \(actor.id) \(issue.id) \(option.id) \(current)"
}

/// The actor and issue ids of the Interests cursor.
private func cellIDs(_ state: AppState) -> (String, String)? {
    guard state.scenario.actors.indices.contains(state.cell.actor), state.scenario.issues.indices.contains(state.cell.issue) else { return nil }
    return (state.scenario.actors[state.cell.actor].id, state.scenario.issues[state.cell.issue].id)
}

/// Asks the session for an edit (undoable, journalled), unless this workbench may not
/// write its file's journal yet. Who may edit what is the session's to decide: it refuses a
/// delegation's edit of another actor's stance or of the issues, with the reason. Edits
/// change today's scenario; a future shown is applied again on top (by the session).
func applyEdit(_ state: inout AppState, _ edit: ScenarioEdit) -> [Effect] {
    if state.journal != nil || state.lockHolder != nil {
        state.message = "first answer the question about the journal"
        return []
    }
    if state.readOnly {
        state.message = "read-only: \(state.file) is open in another workbench; no edits here"
        return []
    }
    if state.workshop != nil { return workshopEdit(&state, edit) }
    return [.session(.edit(edit))]
}
