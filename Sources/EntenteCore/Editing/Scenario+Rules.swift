/// Edits of the coalition rules: a rule set (added, or put in place of the rule with its
/// id) and a rule dropped. Each checks what a loaded file would be checked for, so an
/// edited scenario always saves and loads back, and the futures keep their meaning.
extension Scenario {
    /// Adds `rule`, or replaces the rule that has its id.
    public func settingRule(_ rule: Rule) throws(ScenarioEditError) -> Scenario {
        guard Identifier.isValid(rule.id) else { throw ScenarioEditError("'\(rule.id)' is not a rule id: use a-z, 0-9 and -") }
        var checked = rule
        switch rule.kind {
        case .capabilityShare(let share):
            guard (0...1).contains(share) else {
                throw ScenarioEditError("capability-share takes a share of all capability from 0 to 1 (0.5 or 50% is half)")
            }
        case .minMembers(let count):
            guard count >= 1 else { throw ScenarioEditError("min-members takes a whole number of members, at least 1") }
            guard count <= actors.count else {
                throw ScenarioEditError("min-members \(count) can never hold: the scenario has \(actors.count) actors")
            }
        case .includeAll(let ids):
            for id in ids { _ = try requireActor(id) }
            checked.kind = .includeAll(try distinct(ids, kind: "include-all", what: "actor"))
        case .includeAny(let ids):
            for id in ids where actorIndex(id) == nil && !groupings.contains(where: { $0.id == id }) {
                throw ScenarioEditError("unknown actor or grouping '\(id)'; expected one of: "
                    + (actors.map(\.id) + groupings.map(\.id)).joined(separator: ", "))
            }
            checked.kind = .includeAny(try distinct(ids, kind: "include-any", what: "actor or grouping"))
        }
        var result = self
        if let index = rules.firstIndex(where: { $0.id == rule.id }) {
            result.rules[index] = checked
        } else {
            // A future may add a rule only under an id that today's scenario does not use.
            if let future = futures.first(where: { $0.rulesAdded.contains { $0.id == rule.id } }) {
                throw ScenarioEditError("future \(future.id) adds a rule '\(rule.id)' of its own; choose another id")
            }
            result.rules.append(checked)
        }
        return result
    }

    /// Drops the rule with this id. A future that removed it keeps the same rules: its
    /// removal of a rule that no longer exists is dropped with it.
    public func droppingRule(_ id: String) throws(ScenarioEditError) -> Scenario {
        guard let index = rules.firstIndex(where: { $0.id == id }) else {
            throw ScenarioEditError(rules.isEmpty ? "the scenario has no rules to drop"
                : "unknown rule '\(id)'; expected one of: \(rules.map(\.id).joined(separator: ", "))")
        }
        var result = self
        result.rules.remove(at: index)
        for future in result.futures.indices { result.futures[future].rulesRemoved.removeAll { $0 == id } }
        return result
    }

    /// The ids once each, in the order given; a rule that names nobody is refused.
    private func distinct(_ ids: [String], kind: String, what: String) throws(ScenarioEditError) -> [String] {
        guard !ids.isEmpty else { throw ScenarioEditError("\(kind) names at least one \(what)") }
        var result: [String] = []
        for id in ids where !result.contains(id) { result.append(id) }
        return result
    }
}
