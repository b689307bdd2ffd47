import EntenteCore
import EntenteSession

/// Turns one command's words into actions, checking every id against the scenario so that
/// a typo gets a message that lists what there is.
struct CommandParser {
    let words: [String]
    let scenario: Scenario
    let force: Bool

    func actions(_ name: String) throws(CommandError) -> [Action] {
        switch name {
        case "quit": return force ? [.discardJournal, .quit, .quit] : [.quit]
        case "undo": return [.undo]
        case "redo": return [.redo]
        case "restore": return [.restoreJournal]
        case "discard": return [.discardJournal]
        case "help": return [.showCommands]
        case "reset": return [.resetPackage]
        case "pin": return [.pin]
        case "unpin": return [.clearPins]
        case "cancel": return [.cancelSearch]
        case "build": return [.buildSelected]
        case "search":
            var actions: [Action] = [.show(.finder)]
            if let objective = words.first {
                guard let chosen = Objective(rawValue: objective) else {
                    throw CommandError("unknown objective '\(objective)'; expected one of: \(Objective.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                actions.append(.setObjective(chosen))
            }
            return actions + [.runSearch]
        case "fix":
            try count(1, "fix ISSUE=OPTION, or fix ISSUE to release it")
            let parts = words[0].split(separator: "=", maxSplits: 1).map(String.init)
            let issue = try self.issue(parts[0])
            return [.setFixed(issue: parts[0], option: parts.count == 2 ? try option(parts[1], of: issue) : nil)]
        case "choose":
            try count(1, "choose ISSUE=OPTION")
            let parts = words[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw CommandError(":choose takes ISSUE=OPTION") }
            let issue = try self.issue(parts[0])
            let option = try self.option(parts[1], of: issue)
            return [.show(.builder), .setOption(issue: issue, option: scenario.issues[issue].optionIndex(option)!)]
        case "table":
            try count(2, "table ISSUE on|off")
            _ = try issue(words[0])
            return [.setOnTable(issue: words[0], try onOff(words[1]))]
        case "split":
            guard words.count >= 3 else { throw CommandError(":split takes ISSUE and two or more parts: PART or PART:OPTION,OPTION…") }
            _ = try issue(words[0])
            let parts = words.dropFirst().map { word in
                let pieces = word.split(separator: ":", maxSplits: 1).map(String.init)
                return IssuePart(id: pieces[0], options: pieces.count == 2 ? pieces[1].split(separator: ",").map(String.init) : nil)
            }
            return [.edit(.split(issue: words[0], parts: parts))]
        case "merge":
            try count(1, "merge ISSUE")
            return [.edit(.merge(issue: words[0]))]
        case "rename":
            guard words.count >= 2 else { throw CommandError(":rename takes ISSUE NAME") }
            return [.edit(.renameIssue(issue: words[0], name: rest(from: 1)))]
        case "option":
            let form = ":option takes ISSUE add ID [NAME], drop ID, rename ID NAME, openness ID NUMBER or describe ID TEXT"
            guard words.count >= 3 else { throw CommandError(form) }
            switch words[1] {
            case "add": return [.edit(.addOption(issue: words[0], option: words[2], name: words.count > 3 ? rest(from: 3) : nil))]
            case "drop": return [.edit(.dropOption(issue: words[0], option: words[2]))]
            case "rename" where words.count > 3: return [.edit(.renameOption(issue: words[0], option: words[2], name: rest(from: 3)))]
            case "openness" where words.count == 4: return [.edit(.openness(issue: words[0], option: words[2], try number(words[3])))]
            case "describe": return [.edit(.describeOption(issue: words[0], option: words[2], description: rest(from: 3)))]
            default: throw CommandError(form)
            }
        case "salience":
            try count(3, "salience ACTOR ISSUE NUMBER")
            return [.edit(.salience(actor: words[0], issue: words[1], try number(words[2])))]
        case "value":
            try count(4, "value ACTOR ISSUE OPTION NUMBER")
            return [.edit(.value(actor: words[0], issue: words[1], option: words[2], try number(words[3])))]
        case "redline":
            try count(4, "redline ACTOR ISSUE OPTION on|off")
            return [.edit(.redLine(actor: words[0], issue: words[1], option: words[2], try onOff(words[3])))]
        case "require", "exclude":
            try count(1, "\(name) ACTOR")
            try actor(words[0])
            return [name == "require" ? .require(words[0], true) : .exclude(words[0], true)]
        case "free":
            try count(1, "free ACTOR, or free all")
            if words[0] == "all" { return [.clearConstraints] }
            try actor(words[0])
            return [.require(words[0], false), .exclude(words[0], false)]
        case "min":
            try count(1, "min NUMBER")
            guard let count = Int(words[0]), count >= 0 else { throw CommandError(":min takes a whole number of members") }
            return [.setMinMembers(count)]
        case "sort":
            try count(1, "sort COLUMN")
            guard let column = FinderColumn.allCases.first(where: { $0.name == words[0] }) else {
                throw CommandError("unknown column '\(words[0])'; expected one of: \(FinderColumn.allCases.map(\.name).joined(separator: ", "))")
            }
            return [.show(.finder), .setSort(column)]
        case "show":
            try count(1, "show SCREEN")
            guard let screen = ScreenID.allCases.first(where: { $0.name == words[0] || String($0.rawValue) == words[0] }) else {
                throw CommandError("unknown screen '\(words[0])'; expected one of: \(ScreenID.allCases.map(\.name).joined(separator: ", "))")
            }
            return [.show(screen)]
        case "group":
            try count(1, "group GROUPING, or group all")
            if words[0] == "all" { return [.show(.interests), .setGroupingFilter(nil)] }
            guard let grouping = scenario.groupings.firstIndex(where: { $0.id == words[0] }) else {
                throw CommandError("unknown grouping '\(words[0])'; expected all or one of: \(scenario.groupings.map(\.id).joined(separator: ", "))")
            }
            return [.show(.interests), .setGroupingFilter(grouping)]
        case "order":
            try count(1, "order scenario|salience|capability|grouping")
            guard let order = ActorOrder(rawValue: words[0]) else {
                throw CommandError("unknown order '\(words[0])'; expected one of: \(ActorOrder.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return [.show(.interests), .setActorOrder(order)]
        case "filter":
            return [.setFilter(rest(from: 0))]
        case "as":
            try count(1, "as ACTOR, or as all")
            if words[0] == "all" { return [.setViewer(nil)] }
            try actor(words[0])
            return [.setViewer(words[0])]
        case "open":
            try count(1, "open FILE")
            return [.requestOpen(words[0], force: force)]
        case "save":
            guard words.count <= 1 else { throw CommandError(":save takes at most a file") }
            return [.requestSave(words.first, force: force)]
        case "brief":
            try count(1, "brief FILE")
            return [.requestBrief(words[0], force: force)]
        default:
            throw CommandError("unknown command '\(name)'; expected one of: \(Commands.names.joined(separator: ", "))")
        }
    }

    private func count(_ expected: Int, _ form: String) throws(CommandError) {
        guard words.count == expected else { throw CommandError(":\(form)") }
    }

    private func rest(from index: Int) -> String { words[index...].joined(separator: " ") }

    private func issue(_ id: String) throws(CommandError) -> Int {
        guard let index = scenario.issueIndex(id) else {
            throw CommandError("unknown issue '\(id)'; expected one of: \(scenario.issues.map(\.id).joined(separator: ", "))")
        }
        return index
    }

    private func option(_ id: String, of issue: Int) throws(CommandError) -> String {
        guard scenario.issues[issue].optionIndex(id) != nil else {
            throw CommandError("'\(id)' is not an option of issue '\(scenario.issues[issue].id)'; expected one of: \(scenario.issues[issue].options.map(\.id).joined(separator: ", "))")
        }
        return id
    }

    private func actor(_ id: String) throws(CommandError) {
        guard scenario.actorIndex(id) != nil else {
            throw CommandError("unknown actor '\(id)'; expected one of: \(scenario.actors.map(\.id).joined(separator: ", "))")
        }
    }

    private func number(_ text: String) throws(CommandError) -> Double {
        guard let value = Double(text), value.isFinite else { throw CommandError("'\(text)' is not a number") }
        return value
    }

    private func onOff(_ text: String) throws(CommandError) -> Bool {
        guard text == "on" || text == "off" else { throw CommandError("expected on or off, not '\(text)'") }
        return text == "on"
    }
}
