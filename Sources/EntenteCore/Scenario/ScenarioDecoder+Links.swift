import Yams

extension ScenarioDecoder {
    /// A list of links (format 2), on an actor or added by a future: each names two or more
    /// existing issues with existing options, and points within `Limits.linkPoints`.
    func decodeLinks(_ node: Node, owner: String, issues: [String: Issue]) -> [Link] {
        guard let entries = fields.sequence(node, what: "links of \(owner)") else { return [] }
        return entries.compactMap { decodeLink($0, owner: owner, issues: issues) }
    }

    private func decodeLink(_ node: Node, owner: String, issues: [String: Issue]) -> Link? {
        guard let link = fields.mapping(node, what: "a link of \(owner)", required: ["when", "points"], optional: ["note"]) else { return nil }
        let points = link["points"].flatMap { fields.number($0, what: "points", in: Limits.linkPoints) }
        let note = link["note"].flatMap { fields.string($0, what: "note") } ?? ""
        guard let whenNode = link["when"], let pairs = fields.pairs(whenNode, what: "the condition of a link") else { return nil }
        var conditions: [LinkCondition] = []
        var complete = true
        for (issueID, keyNode, value) in pairs {
            guard let issue = known(issueID, at: keyNode, in: issues, what: "issue", context: "a link of \(owner)") else {
                complete = false
                continue
            }
            guard let options = linkOptions(value, issue: issue) else {
                complete = false
                continue
            }
            conditions.append(LinkCondition(issue: issueID, options: options))
        }
        if pairs.count < 2 {
            fields.report(whenNode, "a link needs at least two distinct issues; found \(pairs.count)")
            return nil
        }
        guard complete, let points else { return nil }
        return Link(when: conditions, points: points, note: note)
    }

    /// An option id or a list of option ids of `issue`, each existing, listed once; not empty.
    private func linkOptions(_ node: Node, issue: Issue) -> [String]? {
        let entries: [(id: String, node: Node)]
        if case .scalar = node, !fields.isNull(node) {
            guard let id = fields.identifier(node, what: "option id") else { return nil }
            entries = [(id, node)]
        } else {
            guard let list = fields.identifierList(node, what: "option id") else { return nil }
            entries = list
        }
        if entries.isEmpty {
            fields.report(node, "a link names no option of '\(issue.id)'; expected an option id or a list of them")
            return nil
        }
        var options: [String] = []
        var valid = true
        for (id, entry) in entries {
            if issue.optionIndex(id) == nil {
                fields.report(entry, "'\(id)' is not an option of issue '\(issue.id)'; expected one of: \(issue.options.map(\.id).joined(separator: ", "))")
                valid = false
            } else if !options.contains(id) {
                options.append(id)
            }
        }
        return valid ? options : nil
    }

    /// Reports links whose |points| add up past `Limits.linkPointsPerActor`, which keeps
    /// every gain inside the engine's fixed-point range.
    func checkLinkTotal(_ links: [Link], at node: Node, owner: String) {
        let total = links.reduce(0) { $0 + abs($1.points) }
        guard total > Limits.linkPointsPerActor.upperBound else { return }
        fields.report(node, "the links of \(owner) add up to \(ScenarioWriter.number(total)) points (counted without sign); expected at most \(Limits.linkPointsPerActor.upperBound.limitText)")
    }

    /// The value under `id` in `table`, or nil after reporting an unknown or malformed id,
    /// with the ids there are.
    func known<T>(_ id: String, at node: Node, in table: [String: T], what: String, context: String) -> T? {
        if let value = table[id] { return value }
        if Identifier.isValid(id) {
            let expected = table.isEmpty ? "the scenario has none" : "expected one of: " + table.keys.sorted().joined(separator: ", ")
            fields.report(node, "unknown \(what) '\(id)' in \(context); \(expected)")
        } else {
            fields.report(node, "invalid \(what) id '\(TerminalText.escaped(id))' in \(context)")
        }
        return nil
    }
}
