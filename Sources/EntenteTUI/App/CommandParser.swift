import EntenteCore
import EntenteSession
import EntenteWorkshop

/// Turns one command's words into actions, checking every id against the scenario so that
/// a typo gets a message that lists what there is.
struct CommandParser {
    let words: [String]
    let scenario: Scenario
    let force: Bool

    func actions(_ name: String) throws(CommandError) -> [Action] {
        switch name {
        case "quit": return force ? [.files(.discardJournal), .quit, .quit] : [.quit]
        case "undo": return [.files(.undo)]
        case "redo": return [.files(.redo)]
        case "restore": return [.files(.restoreJournal)]
        case "discard": return [.files(.discardJournal)]
        case "help":
            guard let name = words.first else { return [.showCommands] }
            guard let help = Commands.help(for: name) else {
                throw CommandError("unknown command '\(name)'; expected one of: \(Commands.names.joined(separator: ", "))")
            }
            return [.message(help)]
        case "reset": return [.editing(.resetPackage)]
        case "pin": return [.browsing(.pin)]
        case "unpin": return [.browsing(.clearPins), .browsing(.clearPins)]
        case "cancel": return [.finder(.cancelSearch)]
        case "build": return [.finder(.buildSelected)]
        case "search", "robust":
            if name == "robust" && scenario.futures.isEmpty { throw CommandError(FinderState.noFutures) }
            var actions: [Action] = [.show(.finder), .finder(.setAcrossFutures(name == "robust"))]
            if let objective = words.first {
                guard let chosen = Objective(rawValue: objective) else {
                    throw CommandError("unknown objective '\(objective)'; expected one of: \(Objective.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                actions.append(.finder(.setObjective(chosen)))
            }
            return actions + [.finder(.runSearch)]
        case "fix":
            try count(1, "fix ISSUE=OPTION, or fix ISSUE to release it")
            let parts = words[0].split(separator: "=", maxSplits: 1).map(String.init)
            let issue = try self.issue(parts[0])
            return [.editing(.setFixed(issue: parts[0], option: parts.count == 2 ? try option(parts[1], of: issue) : nil))]
        case "choose":
            try count(1, "choose ISSUE=OPTION")
            let parts = words[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw CommandError(":choose takes ISSUE=OPTION") }
            let issue = try self.issue(parts[0])
            let option = try self.option(parts[1], of: issue)
            return [.show(.builder), .editing(.setOption(issue: issue, option: scenario.issues[issue].optionIndex(option)!))]
        case "table":
            try count(2, "table ISSUE on|off")
            _ = try issue(words[0])
            return [.editing(.setOnTable(issue: words[0], try onOff(words[1])))]
        case "split":
            guard words.count >= 3 else { throw CommandError(":split takes ISSUE and two or more parts: PART or PART:OPTION,OPTION…") }
            _ = try issue(words[0])
            let parts = words.dropFirst().map { word in
                let pieces = word.split(separator: ":", maxSplits: 1).map(String.init)
                return IssuePart(id: pieces[0], options: pieces.count == 2 ? pieces[1].split(separator: ",").map(String.init) : nil)
            }
            return [.editing(.edit(.split(issue: words[0], parts: parts)))]
        case "merge":
            try count(1, "merge ISSUE")
            return [.editing(.edit(.merge(issue: words[0])))]
        case "rename":
            guard words.count >= 2 else { throw CommandError(":rename takes ISSUE NAME") }
            return [.editing(.edit(.renameIssue(issue: words[0], name: rest(from: 1))))]
        case "option":
            let form = ":option takes ISSUE add ID [NAME], drop ID, rename ID NAME, openness ID NUMBER or describe ID TEXT"
            guard words.count >= 3 else { throw CommandError(form) }
            switch words[1] {
            case "add": return [.editing(.edit(.addOption(issue: words[0], option: words[2], name: words.count > 3 ? rest(from: 3) : nil)))]
            case "drop": return [.editing(.edit(.dropOption(issue: words[0], option: words[2])))]
            case "rename" where words.count > 3: return [.editing(.edit(.renameOption(issue: words[0], option: words[2], name: rest(from: 3))))]
            case "openness" where words.count == 4: return [.editing(.edit(.openness(issue: words[0], option: words[2], try number(words[3]))))]
            case "describe": return [.editing(.edit(.describeOption(issue: words[0], option: words[2], description: rest(from: 3))))]
            default: throw CommandError(form)
            }
        case "capability":
            try count(2, "capability ACTOR NUMBER")
            return [.editing(.edit(.capability(actor: words[0], try number(words[1]))))]
        case "grouping":
            try count(3, "grouping GROUPING add|drop ACTOR")
            guard ["add", "drop"].contains(words[1]) else { throw CommandError(":grouping takes GROUPING add ACTOR or GROUPING drop ACTOR") }
            return [.editing(.edit(.membership(grouping: words[0], actor: words[2], words[1] == "add")))]
        case "rule":
            return [.editing(.edit(try ruleEdit()))]
        case "salience":
            try count(3, "salience ACTOR ISSUE NUMBER")
            return [.editing(.edit(.salience(actor: words[0], issue: words[1], try number(words[2]))))]
        case "value":
            try count(4, "value ACTOR ISSUE OPTION NUMBER")
            return [.editing(.edit(.value(actor: words[0], issue: words[1], option: words[2], try number(words[3]))))]
        case "redline":
            try count(4, "redline ACTOR ISSUE OPTION on|off")
            return [.editing(.edit(.redLine(actor: words[0], issue: words[1], option: words[2], try onOff(words[3]))))]
        case "note":
            guard words.count >= 2 else { throw CommandError(":note takes ACTOR ISSUE [TEXT]") }
            return [.editing(.edit(.note(actor: words[0], issue: words[1], rest(from: 2))))]
        case "require", "exclude":
            try count(1, "\(name) ACTOR")
            try actor(words[0])
            return [name == "require" ? .finder(.require(words[0], true)) : .finder(.exclude(words[0], true))]
        case "name", "annotate":
            guard let first = words.first, let number = Int(first), number >= 1 else { throw CommandError(":\(name) takes a pinned package's number (from 1) and text") }
            return [.browsing(name == "name" ? .namePin(number - 1, rest(from: 1)) : .notePin(number - 1, rest(from: 1)))]
        case "compare":
            try count(1, "compare FILE")
            return [.files(.requestComparison(words[0], force: force))]
        case "why":
            guard words.count <= 1 else { throw CommandError(":why takes ACTOR, or all to stop") }
            guard let actor = words.first, actor != "all" else { return [.browsing(.explain(nil))] }
            try self.actor(actor)
            return [.browsing(.explain(actor))]
        case "free":
            try count(1, "free ACTOR, or free all")
            if words[0] == "all" { return [.finder(.clearConstraints)] }
            try actor(words[0])
            return [.finder(.require(words[0], false)), .finder(.exclude(words[0], false))]
        case "min":
            try count(1, "min NUMBER")
            guard let count = Int(words[0]), count >= 0 else { throw CommandError(":min takes a whole number of members") }
            return [.finder(.setMinMembers(count))]
        case "sort":
            try count(1, "sort COLUMN")
            guard let column = FinderColumn.allCases.first(where: { $0.name == words[0] }) else {
                throw CommandError("unknown column '\(words[0])'; expected one of: \(FinderColumn.allCases.map(\.name).joined(separator: ", "))")
            }
            return [.show(.finder), .finder(.setSort(column))]
        case "show":
            try count(1, "show SCREEN")
            guard let screen = ScreenID.allCases.first(where: { $0.name == words[0] || String($0.rawValue) == words[0] }) else {
                throw CommandError("unknown screen '\(words[0])'; expected one of: \(ScreenID.allCases.map(\.name).joined(separator: ", "))")
            }
            return [.show(screen)]
        case "group":
            try count(1, "group GROUPING, or group all")
            if words[0] == "all" { return [.show(.interests), .browsing(.setGroupingFilter(nil))] }
            guard let grouping = scenario.groupings.firstIndex(where: { $0.id == words[0] }) else {
                throw CommandError("unknown grouping '\(words[0])'; expected all or one of: \(scenario.groupings.map(\.id).joined(separator: ", "))")
            }
            return [.show(.interests), .browsing(.setGroupingFilter(grouping))]
        case "order":
            try count(1, "order scenario|salience|capability|grouping")
            guard let order = ActorOrder(rawValue: words[0]) else {
                throw CommandError("unknown order '\(words[0])'; expected one of: \(ActorOrder.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return [.show(.interests), .browsing(.setActorOrder(order))]
        case "filter":
            return [.browsing(.setFilter(rest(from: 0)))]
        case "future":
            try count(1, "future ID, or future today")
            if words[0] == Future.todayID { return [.futures(.setFuture(nil))] }
            do { _ = try scenario.future(words[0]) } catch { throw CommandError(error.description) }
            return [.futures(.setFuture(words[0]))]
        case "link":
            let form = ":link takes ACTOR add POINTS ISSUE=OPTION[,OPTION…] ISSUE=OPTION… [NOTE], ACTOR edit N POINTS ISSUE=… [NOTE], or ACTOR drop N"
            guard words.count >= 3 else { throw CommandError(form) }
            try actor(words[0])
            switch words[1] {
            case "add": return [.editing(.edit(.addLink(actor: words[0], try link(words[2...]))))]
            case "edit" where words.count >= 5:
                return [.editing(.edit(.replaceLink(actor: words[0], index: try linkNumber(words[2]), try link(words[3...]))))]
            case "drop" where words.count == 3: return [.editing(.edit(.dropLink(actor: words[0], index: try linkNumber(words[2]))))]
            default: throw CommandError(form)
            }
        case "as":
            try count(1, "as ACTOR, or as all")
            if words[0] == "all" { return [.browsing(.setViewer(nil))] }
            try actor(words[0])
            return [.browsing(.setViewer(words[0]))]
        case "open":
            try count(1, "open FILE")
            return [.files(.requestOpen(words[0], force: force))]
        case "save":
            guard words.count <= 1 else { throw CommandError(":save takes at most a file") }
            return [.files(.requestSave(words.first, force: force))]
        case "brief":
            let form = ":brief takes FILE [--for ACTOR] [--format text|md|json]"
            guard let file = words.first else { throw CommandError(form) }
            var audience: String?, format: BriefFormat?
            var rest = words.dropFirst()
            while let flag = rest.popFirst() {
                guard let value = rest.popFirst() else { throw CommandError(form) }
                switch flag {
                case "--for":
                    try actor(value)
                    audience = value
                case "--format":
                    guard let chosen = BriefFormat(rawValue: value) else { throw CommandError("unknown format '\(value)'; expected one of: text, md, json") }
                    format = chosen
                default: throw CommandError(form)
                }
            }
            return [.files(.requestBrief(file, audience: audience, format: format, force: force))]
        case "propose": return [.workshop(.propose(to: seats(from: 0)))]
        case "counter": return [.workshop(.counter(to: seats(from: 0)))]
        case "withdraw": return [.workshop(.withdraw(try proposalNumber()))]
        case "accept": return [.workshop(.respond(.accept, try proposalNumber()))]
        case "reject": return [.workshop(.respond(.reject, try proposalNumber()))]
        case "vote": return [.workshop(.callVote(try proposalNumber()))]
        case "say":
            guard !words.isEmpty else { throw CommandError(":say takes the statement's text") }
            return [.workshop(.message(to: nil, text: rest(from: 0)))]
        case "tell":
            guard words.count >= 2 else { throw CommandError(":tell takes SEAT[,SEAT…] and the message's text") }
            return [.workshop(.message(to: seats(from: 0, upTo: 1), text: rest(from: 1)))]
        case "start":
            guard words.count <= 1 else { throw CommandError(":start takes at most the round's length in seconds") }
            return [.workshop(.control(.startRound(seconds: try words.first.map(seconds))))]
        case "pause": return [.workshop(.control(.pause))]
        case "resume": return [.workshop(.control(.resume))]
        case "extend":
            try count(1, "extend SECONDS")
            return [.workshop(.control(.extend(seconds: try seconds(words[0]))))]
        case "close": return [.workshop(.control(.closeRound))]
        case "inject":
            guard !words.isEmpty else { throw CommandError(":inject takes FUTURE and, to tell only some seats, their ids") }
            return [.workshop(.inject(future: words[0], to: seats(from: 1)))]
        case "broadcast":
            guard !words.isEmpty else { throw CommandError(":broadcast takes the announcement's text") }
            return [.workshop(.control(.broadcast(text: rest(from: 0))))]
        case "reveal": return [.workshop(.control(.reveal))]
        case "reassign":
            try count(2, "reassign SEAT person|engine")
            guard let player = Player(rawValue: words[1]) else { throw CommandError("expected person or engine, not '\(words[1])'") }
            return [.workshop(.control(.reassignSeat(seat: words[0], player: player)))]
        case "resetseat":
            try count(1, "resetseat SEAT")
            return [.workshop(.control(.resetSeat(seat: words[0])))]
        case "announce":
            try count(1, "announce on|off")
            return [.workshop(.announceEdits(try onOff(words[0])))]
        case "debrief": return [.show(.table), .workshop(.toggleDebrief)]
        default:
            throw CommandError("unknown command '\(name)'; expected one of: \(Commands.names.joined(separator: ", "))")
        }
    }

    /// `:rule ID KIND VALUE…` or `:rule ID drop`; actor and grouping ids may also be
    /// separated by commas. The scenario checks the ids and ranges when the edit is made.
    private func ruleEdit() throws(CommandError) -> ScenarioEdit {
        let form = CommandError(":" + (Commands.help(for: "rule") ?? "rule"))
        guard words.count >= 2 else { throw form }
        let (id, values) = (words[0], Array(words.dropFirst(2)))
        let ids = values.flatMap { $0.split(separator: ",").map(String.init) }
        switch words[1] {
        case "drop" where values.isEmpty: return .dropRule(id)
        case "capability-share" where values.count == 1:
            let text = values[0].hasSuffix("%") ? String(values[0].dropLast()) : values[0]
            guard let number = Double(text), number.isFinite else { throw CommandError("capability-share takes a share such as 0.5 or 50%, not '\(values[0])'") }
            return .setRule(Rule(id: id, kind: .capabilityShare(atLeast: values[0].hasSuffix("%") ? number / 100 : number)))
        case "min-members" where values.count == 1:
            guard let count = Int(values[0]) else { throw CommandError("min-members takes a whole number of members, not '\(values[0])'") }
            return .setRule(Rule(id: id, kind: .minMembers(count)))
        case "include-all" where !ids.isEmpty: return .setRule(Rule(id: id, kind: .includeAll(ids)))
        case "include-any" where !ids.isEmpty: return .setRule(Rule(id: id, kind: .includeAny(ids)))
        case let kind where !RuleKind.names.contains(kind) && kind != "drop":
            throw CommandError("unknown rule kind '\(kind)'; expected one of: \(RuleKind.names.joined(separator: ", ")), or drop")
        default: throw form
        }
    }

    private func count(_ expected: Int, _ form: String) throws(CommandError) {
        guard words.count == expected else { throw CommandError(":\(form)") }
    }

    private func rest(from index: Int) -> String { words[index...].joined(separator: " ") }

    /// Seat ids from the words `index..<end`, split at commas too; nil when there are none
    /// (the whole table).
    private func seats(from index: Int, upTo end: Int? = nil) -> [String]? {
        let ids = words[min(index, words.count)..<min(end ?? words.count, words.count)].flatMap { $0.split(separator: ",").map(String.init) }
        return ids.isEmpty ? nil : ids
    }

    /// A proposal's number (`#3` or `3`) as the only word, or nil for the selected proposal.
    private func proposalNumber() throws(CommandError) -> Int? {
        guard let word = words.first else { return nil }
        guard words.count == 1, let number = Int(word.hasPrefix("#") ? String(word.dropFirst()) : word), number >= 1 else {
            throw CommandError("expected a proposal's number (as #3 on the Table screen), not '\(words.joined(separator: " "))'")
        }
        return number
    }

    private func seconds(_ text: String) throws(CommandError) -> Double {
        guard let value = Double(text), value.isFinite, value > 0 else { throw CommandError("'\(text)' is not a number of seconds") }
        return value
    }

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

    /// A link's number as Interests shows it (from 1), as an index into the actor's links.
    private func linkNumber(_ text: String) throws(CommandError) -> Int {
        guard let number = Int(text), number >= 1 else { throw CommandError("'\(text)' is not a link number (1 for the first)") }
        return number - 1
    }

    private func link(_ words: ArraySlice<String>) throws(CommandError) -> Link {
        do { return try LinkWords.parse(words) } catch { throw CommandError(error.message) }
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
