import EntenteCore

/// The Issues screen, the package builder and the edits of the scenario.
func updateEditing(_ state: inout AppState, _ action: Action) -> [Effect] {
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
        state.package.choices[state.selectedIssue] = wrapped(state.package.choices[state.selectedIssue], by: step, count: count)
        state.reevaluate()
    case .setOption(let issue, let option):
        if let hold = state.hold(on: issue) {
            state.message = hold
            break
        }
        state.package.choices[issue] = option
        state.selectedIssue = issue
        state.reevaluate()
    case .resetPackage:
        state.package = state.scenario.statusQuo
        state.applyHolds()
    case .toggleTable:
        guard issues.indices.contains(state.selectedIssue) else { break }
        let id = issues[state.selectedIssue].id
        return updateEditing(&state, .setOnTable(issue: id, state.offTable.contains(id)))
    case .setOnTable(let id, let on):
        state.fixed[id] = nil
        if on {
            state.offTable.remove(id)
            state.message = "\(id) is on the table"
        } else {
            state.offTable.insert(id)
            state.message = "\(id) is off the table: held at its status quo"
        }
        state.applyHolds()
    case .toggleFix:
        guard issues.indices.contains(state.selectedIssue) else { break }
        let issue = issues[state.selectedIssue]
        let option = issue.options[state.optionCursor(in: state.selectedIssue)].id
        return updateEditing(&state, .setFixed(issue: issue.id, option: state.fixed[issue.id] == option ? nil : option))
    case .setFixed(let id, let option):
        state.fixed[id] = option
        if let option {
            state.offTable.remove(id)
            state.message = "\(id) is fixed at \(option) in the builder and in searches"
        } else {
            state.message = "\(id) is free again"
        }
        state.applyHolds()
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
        let option = issue.options[state.optionCursor(in: state.selectedIssue)].id
        let text = switch prompt {
        case .split: "split \(issue.id) "
        case .rename: "rename \(issue.id) "
        case .addOption: "option \(issue.id) add "
        case .renameOption: "option \(issue.id) rename \(option) "
        case .openness: "option \(issue.id) openness \(option) "
        case .describeOption: "option \(issue.id) describe \(option) "
        case .value:
            "value \(state.scenario.actors[state.cell.actor].id) \(issues[state.cell.issue].id) "
                + "\(issues[state.cell.issue].options[state.optionCursor(in: state.cell.issue)].id) "
        case .text(let text): text
        }
        state.commandLine = CommandLineState(text: text)
        state.showHelp = false
    case .edit(let edit):
        return applyEdit(&state, edit)
    case .adjustSalience(let change):
        guard let (actor, issue) = cellIDs(state) else { break }
        let current = state.scenario.actors[state.cell.actor].interests[issue]?.salience ?? 0
        return applyEdit(&state, .salience(actor: actor, issue: issue, max(0, ((current + change) * 100).rounded() / 100)))
    case .adjustValue(let change):
        guard let (actor, issue) = cellIDs(state), let stance = state.scenario.actors[state.cell.actor].interests[issue] else {
            state.message = "no stance here: + gives the actor a salience on the issue first"
            break
        }
        let option = issues[state.cell.issue].options[state.optionCursor(in: state.cell.issue)]
        return applyEdit(&state, .value(actor: actor, issue: issue, option: option.id, min(100, max(0, stance.value(of: option) + change))))
    case .toggleRedLine:
        guard let (actor, issue) = cellIDs(state) else { break }
        let option = issues[state.cell.issue].options[state.optionCursor(in: state.cell.issue)].id
        let on = !(state.scenario.actors[state.cell.actor].interests[issue]?.redLines.contains(option) ?? false)
        return applyEdit(&state, .redLine(actor: actor, issue: issue, option: option, on))
    default:
        break
    }
    return []
}

/// The actor and issue ids of the Interests cursor.
private func cellIDs(_ state: AppState) -> (String, String)? {
    guard state.scenario.actors.indices.contains(state.cell.actor), state.scenario.issues.indices.contains(state.cell.issue) else { return nil }
    return (state.scenario.actors[state.cell.actor].id, state.scenario.issues[state.cell.issue].id)
}

/// Makes an edit (undoable, journalled) or says why it cannot be made. In the workshop
/// view a participant may edit only its own actor's stance.
private func applyEdit(_ state: inout AppState, _ edit: ScenarioEdit) -> [Effect] {
    if state.journal != nil || state.lockHolder != nil {
        state.message = "first answer the question about the journal"
        return []
    }
    if state.readOnly {
        state.message = "read-only: \(state.file) is open in another workbench; no edits here"
        return []
    }
    if let viewer = state.viewer {
        switch edit {
        case .salience(let actor, _, _), .value(let actor, _, _, _), .redLine(let actor, _, _, _):
            guard actor == viewer else {
                state.message = "in the workshop view only \(viewer)'s stance can be edited"
                return []
            }
        default:
            state.message = "in the workshop view the issues are the facilitator's to edit (:as all ends the view)"
            return []
        }
    }
    do {
        let edited = try edit.apply(to: state.scenario)
        guard edited != state.scenario else {
            state.message = "no change: " + edit.summary(in: state.scenario)
            return []
        }
        let summary = edit.summary(in: state.scenario)
        let effects = state.edit(edited)
        state.message = summary
        return effects
    } catch {
        state.message = error.description
        return []
    }
}
