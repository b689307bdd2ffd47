import Yams

extension ScenarioDecoder {
    /// The `futures` list (format 2). Every name a future uses is checked against `today`,
    /// the scenario it overlays, so that applying it never meets an unknown id.
    func decodeFutures(_ node: Node, today: Scenario) -> [Future] {
        guard let entries = fields.sequence(node, what: "futures") else { return [] }
        let context = FutureContext(today)
        var ids: [(id: String, node: Node)] = []
        var futures: [Future] = []
        for entry in entries {
            guard let future = fields.mapping(
                entry, what: "a future", required: ["id", "name"],
                optional: ["description", "note", "capability", "salience", "tilt", "values", "redLines", "links", "rules"])
            else { continue }
            guard let idNode = future["id"], let id = fields.identifier(idNode, what: "future id") else { continue }
            if id == Future.todayID {
                fields.report(idNode, "the future id '\(Future.todayID)' is reserved for the scenario with no future; choose another")
                continue
            }
            ids.append((id, idNode))
            let what = "future '\(id)'"
            var result = Future(
                id: id,
                name: future["name"].flatMap { fields.string($0, what: "future name") } ?? id,
                description: future["description"].flatMap { fields.string($0, what: "description") } ?? "",
                note: future["note"].flatMap { fields.string($0, what: "note") } ?? "")
            if let node = future["capability"] { result.capability = decodeCapability(node, context: context, what: what) }
            if let node = future["salience"] { result.salience = decodeSalience(node, context: context, what: what) }
            if let node = future["tilt"] { result.tilt = decodeTilt(node, context: context, what: what) }
            if let node = future["values"] { result.values = decodeValueDeltas(node, context: context, what: what) }
            if let node = future["redLines"] {
                (result.redLinesRemoved, result.redLinesAdded) = decodeRedLineChanges(node, context: context, what: what)
            }
            if let node = future["links"] {
                result.links = perActor(node, context: context, what: "links of \(what)") { actor, value in
                    let links = decodeLinks(value, owner: "'\(actor.id)' in \(what)", issues: context.issues)
                    checkLinkTotal(actor.links + links, at: value, owner: "'\(actor.id)' in \(what), its own and those added,")
                    return links
                }
            }
            if let node = future["rules"] {
                (result.rulesRemoved, result.rulesAdded) = decodeRuleChanges(node, today: today, what: what)
            }
            futures.append(result)
        }
        fields.reportDuplicates(ids, what: "future id")
        return futures
    }

    // MARK: Capability, salience, tilt, values

    private func decodeCapability(_ node: Node, context: FutureContext, what: String) -> [String: Double] {
        perActor(node, context: context, what: "capability factors of \(what)") { actor, value in
            guard let factor = fields.number(value, what: "capability factor", in: Limits.capabilityFactor) else { return nil }
            guard Limits.capability.contains(actor.capability * factor) else {
                fields.report(value, "capability factor \(ScenarioWriter.number(factor)) takes '\(actor.id)' to \(ScenarioWriter.number(actor.capability * factor)); expected a capability of at most \(Limits.capability.upperBound.limitText)")
                return nil
            }
            return factor
        }
    }

    private func decodeSalience(_ node: Node, context: FutureContext, what: String) -> [String: [String: Double]] {
        perActor(node, context: context, what: "salience changes of \(what)") { actor, value in
            perStance(value, actor: actor, context: context, what: "salience changes of \(what)") { _, stance, delta in
                guard let change = fields.number(delta, what: "salience change", in: Limits.salienceDelta) else { return nil }
                guard stance.salience + change <= Limits.salience.upperBound else {
                    fields.report(delta, "salience change \(ScenarioWriter.number(change)) takes the salience above \(Limits.salience.upperBound.limitText)")
                    return nil
                }
                return change
            }
        }
    }

    private func decodeTilt(_ node: Node, context: FutureContext, what: String) -> [String: Double] {
        guard let pairs = fields.pairs(node, what: "tilts of \(what)") else { return [:] }
        var tilts: [String: Double] = [:]
        for (id, keyNode, value) in pairs {
            guard context.actors[id] != nil || context.groupings.contains(id) else {
                let expected = (context.actors.keys.sorted() + context.groupings.sorted()).joined(separator: ", ")
                fields.report(keyNode, "unknown actor or grouping '\(TerminalText.escaped(id))' in tilts of \(what); expected one of: \(expected)")
                continue
            }
            if let tilt = fields.number(value, what: "tilt", in: Limits.tilt) { tilts[id] = tilt }
        }
        return tilts
    }

    private func decodeValueDeltas(_ node: Node, context: FutureContext, what: String) -> [String: [String: [String: Double]]] {
        perActor(node, context: context, what: "value changes of \(what)") { actor, value in
            perStance(value, actor: actor, context: context, what: "value changes of \(what)") { issue, _, deltas in
                guard let pairs = fields.pairs(deltas, what: "value changes on '\(issue.id)'") else { return nil }
                var result: [String: Double] = [:]
                for (optionID, keyNode, delta) in pairs {
                    guard issue.optionIndex(optionID) != nil else {
                        fields.report(keyNode, "'\(TerminalText.escaped(optionID))' is not an option of issue '\(issue.id)'; expected one of: \(issue.options.map(\.id).joined(separator: ", "))")
                        continue
                    }
                    if let change = fields.number(delta, what: "value change", in: Limits.valueDelta) { result[optionID] = change }
                }
                return result
            }
        }
    }

    // MARK: Red lines and rules

    private func decodeRedLineChanges(_ node: Node, context: FutureContext, what: String) -> (removed: [String: [String: [String]]], added: [String: [String: [String]]]) {
        guard let changes = fields.mapping(node, what: "the red-line changes of \(what)", required: [], optional: ["add", "remove"]) else { return ([:], [:]) }
        let removed = changes["remove"].map { node in
            perActor(node, context: context, what: "red lines removed in \(what)") { actor, value in
                perStance(value, actor: actor, context: context, what: "red lines removed in \(what)") { issue, stance, list in
                    redLineList(list, issue: issue) { id, entry in
                        guard stance.redLines.contains(id) else {
                            let have = stance.redLines.isEmpty ? "it has none there" : "its red lines there: " + stance.redLines.joined(separator: ", ")
                            fields.report(entry, "'\(id)' is not a red line of '\(actor.id)' on '\(issue.id)'; \(have)")
                            return false
                        }
                        return true
                    }
                }
            }
        } ?? [:]
        let added = changes["add"].map { node in
            perActor(node, context: context, what: "red lines added in \(what)") { actor, value in
                perStance(value, actor: actor, context: context, what: "red lines added in \(what)") { issue, _, list in
                    redLineList(list, issue: issue) { id, entry in
                        guard id != issue.statusQuo else {
                            fields.report(entry, "red line '\(id)' is the status quo of '\(issue.id)'; a red line must be an option that changes it")
                            return false
                        }
                        return true
                    }
                }
            }
        } ?? [:]
        return (removed, added)
    }

    /// A list of options of `issue`, each existing and accepted by `check`, listed once.
    private func redLineList(_ node: Node, issue: Issue, check: (String, Node) -> Bool) -> [String]? {
        guard let ids = fields.identifierList(node, what: "red-line option id") else { return nil }
        var result: [String] = []
        for (id, entry) in ids {
            guard issue.optionIndex(id) != nil else {
                fields.report(entry, "red line '\(id)' is not an option of issue '\(issue.id)'; expected one of: \(issue.options.map(\.id).joined(separator: ", "))")
                continue
            }
            if check(id, entry), !result.contains(id) { result.append(id) }
        }
        return result
    }

    private func decodeRuleChanges(_ node: Node, today: Scenario, what: String) -> (removed: [String], added: [Rule]) {
        guard let changes = fields.mapping(node, what: "the rule changes of \(what)", required: [], optional: ["add", "remove"]) else { return ([], []) }
        var removed: [String] = []
        if let node = changes["remove"], let ids = fields.identifierList(node, what: "rule id") {
            for (id, entry) in ids {
                if !today.rules.contains(where: { $0.id == id }) {
                    let expected = today.rules.isEmpty ? "the scenario has no rules" : "expected one of: " + today.rules.map(\.id).joined(separator: ", ")
                    fields.report(entry, "unknown rule '\(id)' removed in \(what); \(expected)")
                } else if !removed.contains(id) {
                    removed.append(id)
                }
            }
        }
        var added: [Rule] = []
        if let node = changes["add"] {
            added = decodeRules(node, actors: today.actors, groupings: today.groupings)
            let kept = Set(today.rules.map(\.id)).subtracting(removed)
            let entries = fields.sequence(node, what: "rules") ?? []
            for entry in entries {
                guard case .mapping(let mapping) = entry, let idNode = mapping["id"], let id = idNode.scalar?.string, kept.contains(id) else { continue }
                fields.report(idNode, "\(what) adds a rule '\(id)' the scenario already has; remove it in the same future first, or choose another id")
            }
            added.removeAll { kept.contains($0.id) }
        }
        return (removed, added)
    }

    // MARK: Shared readers

    /// A mapping from actor ids to values read by `read`, reporting unknown actors.
    private func perActor<T>(_ node: Node, context: FutureContext, what: String, _ read: (Actor, Node) -> T?) -> [String: T] {
        guard let pairs = fields.pairs(node, what: what) else { return [:] }
        var result: [String: T] = [:]
        for (id, keyNode, value) in pairs {
            guard let actor = known(id, at: keyNode, in: context.actors, what: "actor", context: what) else { continue }
            if let read = read(actor, value) { result[id] = read }
        }
        return result
    }

    /// A mapping from issue ids to values read by `read`, for issues on which `actor` has a stance.
    private func perStance<T>(_ node: Node, actor: Actor, context: FutureContext, what: String, _ read: (Issue, Interest, Node) -> T?) -> [String: T]? {
        guard let pairs = fields.pairs(node, what: "\(what) for '\(actor.id)'") else { return nil }
        var result: [String: T] = [:]
        for (issueID, keyNode, value) in pairs {
            guard let issue = known(issueID, at: keyNode, in: context.issues, what: "issue", context: "\(what) for '\(actor.id)'") else { continue }
            guard let stance = actor.interests[issueID] else {
                fields.report(keyNode, "'\(actor.id)' has no stance on '\(issueID)' to change in \(what); give it one in its interests first")
                continue
            }
            if let read = read(issue, stance, value) { result[issueID] = read }
        }
        return result
    }
}

/// Today's scenario indexed by id, for checking the names a future uses.
struct FutureContext {
    let actors: [String: Actor]
    let issues: [String: Issue]
    let groupings: Set<String>

    init(_ scenario: Scenario) {
        actors = Dictionary(scenario.actors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        issues = Dictionary(scenario.issues.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        groupings = Set(scenario.groupings.map(\.id))
    }
}
