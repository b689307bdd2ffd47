import Yams

extension ScenarioDecoder {
    func decodeGroupings(_ node: Node, actors: [Actor]) -> [Grouping] {
        guard let entries = fields.sequence(node, what: "groupings") else { return [] }
        let known = Set(actors.map(\.id))
        var ids: [(id: String, node: Node)] = []
        var groupings: [Grouping] = []
        for entry in entries {
            guard let grouping = fields.mapping(
                entry, what: "a grouping", required: ["id", "members"], optional: ["name"])
            else { continue }
            guard let idNode = grouping["id"], let id = fields.identifier(idNode, what: "grouping id") else { continue }
            ids.append((id, idNode))
            let name = grouping["name"].flatMap { fields.string($0, what: "grouping name") }
            let members = grouping["members"].flatMap { knownActorsNonEmpty($0, known: known, groupings: [], owner: "grouping '\(id)'") } ?? []
            groupings.append(Grouping(id: id, name: name, members: members))
        }
        fields.reportDuplicates(ids, what: "grouping id")
        return groupings
    }

    func decodeRules(_ node: Node, actors: [Actor], groupings: [Grouping]) -> [Rule] {
        guard let entries = fields.sequence(node, what: "rules") else { return [] }
        let knownActors = Set(actors.map(\.id))
        let knownGroupings = Set(groupings.map(\.id))
        var ids: [(id: String, node: Node)] = []
        var rules: [Rule] = []
        for entry in entries {
            guard let rule = fields.mapping(
                entry, what: "a rule", required: ["id", "kind"], optional: ["atLeast", "count", "actors"])
            else { continue }
            guard let idNode = rule["id"], let id = fields.identifier(idNode, what: "rule id") else { continue }
            ids.append((id, idNode))
            guard let kindNode = rule["kind"], let kindName = fields.string(kindNode, what: "rule kind") else { continue }
            let kind: RuleKind?
            switch kindName {
            case "capability-share":
                kind = required(rule, "atLeast", for: kindName) { fields.number($0, what: "atLeast", in: 0...1) }
                    .map { .capabilityShare(atLeast: $0) }
            case "min-members":
                kind = required(rule, "count", for: kindName) { fields.integer($0, what: "count", atLeast: 1) }
                    .map { .minMembers($0) }
            case "include-all":
                kind = required(rule, "actors", for: kindName) { knownActorsNonEmpty($0, known: knownActors, groupings: [], owner: "rule '\(id)'") }
                    .map { .includeAll($0) }
            case "include-any":
                kind = required(rule, "actors", for: kindName) { knownActorsNonEmpty($0, known: knownActors, groupings: knownGroupings, owner: "rule '\(id)'") }
                    .map { .includeAny($0) }
            default:
                fields.report(kindNode, "unknown rule kind '\(TerminalText.escaped(kindName))'; expected one of: \(RuleKind.names.joined(separator: ", "))")
                kind = nil
            }
            if let kind { rules.append(Rule(id: id, kind: kind)) }
        }
        fields.reportDuplicates(ids, what: "rule id")
        return rules
    }

    private func required<T>(_ rule: Fields, _ key: String, for kind: String, _ read: (Node) -> T?) -> T? {
        guard let node = rule[key] else {
            fields.report(rule.node, "a rule of kind '\(kind)' needs the field '\(key)'")
            return nil
        }
        return read(node)
    }

    private func knownActorsNonEmpty(_ node: Node, known: Set<String>, groupings: Set<String>, owner: String) -> [String]? {
        guard let ids = fields.identifierList(node, what: "actor id") else { return nil }
        if ids.isEmpty {
            fields.report(node, "\(owner) names nobody; expected at least one actor\(groupings.isEmpty ? "" : " or grouping")")
            return nil
        }
        var result: [String] = []
        var valid = true
        for (id, entry) in ids {
            if known.contains(id) || groupings.contains(id) {
                if !result.contains(id) { result.append(id) }
            } else {
                let expected = groupings.isEmpty ? "an actor id" : "an actor or grouping id"
                fields.report(entry, "unknown actor '\(id)' in \(owner); expected \(expected)")
                valid = false
            }
        }
        return valid ? result : nil
    }
}
