import Yams

extension ScenarioDecoder {
    func decodeActors(_ node: Node, issues: [Issue], version: Int) -> [Actor] {
        guard let entries = fields.sequence(node, what: "actors") else { return [] }
        fields.checkCount(entries, of: node, what: "actors", in: Limits.actors)
        let issuesByID = Dictionary(issues.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var ids: [(id: String, node: Node)] = []
        var actors: [Actor] = []
        for entry in entries {
            guard let actor = fields.mapping(
                entry, what: "an actor",
                required: ["id", "name", "capability"], optional: ["kind", "interests", "links", "brief"])
            else { continue }
            guard let idNode = actor["id"], let id = fields.identifier(idNode, what: "actor id") else { continue }
            ids.append((id, idNode))
            let name = actor["name"].flatMap { fields.string($0, what: "actor name") } ?? id
            let kind = actor["kind"].flatMap { fields.choice($0, what: "actor kind", as: ActorKind.self) } ?? .other
            let capability = actor["capability"].flatMap { fields.number($0, what: "capability", in: Limits.capability) } ?? 0
            let interests = actor["interests"].map { decodeInterests($0, actor: id, issues: issuesByID) } ?? [:]
            var links: [Link] = []
            if let node = actor["links"], requireVersion2(version, for: "links", at: actor.keys["links"]!) {
                links = decodeLinks(node, owner: "'\(id)'", issues: issuesByID)
                checkLinkTotal(links, at: node, owner: "'\(id)'")
            }
            var brief = ""
            if let node = actor["brief"], requireVersion2(version, for: "briefs", at: actor.keys["brief"]!) {
                brief = fields.string(node, what: "the brief of '\(id)'") ?? ""
            }
            actors.append(Actor(id: id, name: name, kind: kind, capability: capability, interests: interests, links: links, brief: brief))
        }
        fields.reportDuplicates(ids, what: "actor id")
        return actors
    }

    private func decodeInterests(_ node: Node, actor: String, issues: [String: Issue]) -> [String: Interest] {
        guard let pairs = fields.pairs(node, what: "interests of '\(actor)'") else { return [:] }
        var interests: [String: Interest] = [:]
        for (issueID, keyNode, value) in pairs {
            guard let issue = issues[issueID] else {
                if Identifier.isValid(issueID) {
                    let expected = issues.isEmpty ? "the scenario has no valid issues" : "expected one of: " + issues.keys.sorted().joined(separator: ", ")
                    fields.report(keyNode, "unknown issue '\(issueID)' in interests of '\(actor)'; \(expected)")
                } else {
                    fields.report(keyNode, "invalid issue id '\(TerminalText.escaped(issueID))' in interests of '\(actor)'")
                }
                continue
            }
            if let interest = decodeInterest(value, actor: actor, issue: issue) {
                interests[issueID] = interest
            }
        }
        return interests
    }

    private func decodeInterest(_ node: Node, actor: String, issue: Issue) -> Interest? {
        let what = "the stance of '\(actor)' on '\(issue.id)'"
        guard let stance = fields.mapping(
            node, what: what,
            required: ["salience"], optional: ["values", "position", "redLines", "minGain", "note"])
        else { return nil }
        let salience = stance["salience"].flatMap { fields.number($0, what: "salience", in: Limits.salience) }
        let valuation = decodeValuation(stance, what: what, issue: issue)
        let redLines = stance["redLines"].map { decodeRedLines($0, issue: issue) } ?? []
        let minGain = stance["minGain"].flatMap { fields.number($0, what: "minGain", in: Limits.value) }
        let note = stance["note"].flatMap { fields.string($0, what: "note") } ?? ""
        guard let salience, let valuation else { return nil }
        return Interest(salience: salience, valuation: valuation, redLines: redLines, minGain: minGain, note: note)
    }

    private func decodeValuation(_ stance: Fields, what: String, issue: Issue) -> Valuation? {
        switch (stance["values"], stance["position"]) {
        case (nil, nil):
            fields.report(stance.node, "\(what) needs either 'values' (0 to 100 per option) or 'position'")
            return nil
        case (.some, .some):
            fields.report(stance.keys["position"]!, "\(what) gives both 'values' and 'position'; expected one of them")
            return nil
        case (let node?, nil):
            return decodeValues(node, issue: issue).map(Valuation.values)
        case (nil, let node?):
            guard let ideal = fields.number(node, what: "position", in: Limits.position) else { return nil }
            let unplaced = issue.options.filter { $0.position == nil }.map(\.id)
            if !unplaced.isEmpty {
                fields.report(node, "a stance by 'position' needs a position on every option of '\(issue.id)'; missing on: \(unplaced.joined(separator: ", "))")
                return nil
            }
            return .position(ideal)
        }
    }

    private func decodeValues(_ node: Node, issue: Issue) -> [String: Double]? {
        guard let pairs = fields.pairs(node, what: "values") else { return nil }
        var values: [String: Double] = [:]
        var complete = true
        for (optionID, keyNode, value) in pairs {
            guard issue.optionIndex(optionID) != nil else {
                fields.report(keyNode, "'\(TerminalText.escaped(optionID))' is not an option of issue '\(issue.id)'; expected one of: \(issue.options.map(\.id).joined(separator: ", "))")
                complete = false
                continue
            }
            if let number = fields.number(value, what: "value of '\(optionID)'", in: Limits.value) {
                values[optionID] = number
            } else {
                complete = false
            }
        }
        let given = Set(pairs.map(\.key))
        let missing = issue.options.map(\.id).filter { !given.contains($0) }
        if !missing.isEmpty {
            fields.report(node, "missing values for options of '\(issue.id)': \(missing.joined(separator: ", ")); expected a value 0 to 100 for every option")
            return nil
        }
        return complete ? values : nil
    }

    private func decodeRedLines(_ node: Node, issue: Issue) -> [String] {
        guard let ids = fields.identifierList(node, what: "red-line option id") else { return [] }
        var result: [String] = []
        for (id, entry) in ids {
            if issue.optionIndex(id) == nil {
                fields.report(entry, "red line '\(id)' is not an option of issue '\(issue.id)'; expected one of: \(issue.options.map(\.id).joined(separator: ", "))")
            } else if id == issue.statusQuo {
                fields.report(entry, "red line '\(id)' is the status quo of '\(issue.id)'; a red line must be an option that changes it")
            } else if !result.contains(id) {
                result.append(id)
            }
        }
        return result
    }
}
