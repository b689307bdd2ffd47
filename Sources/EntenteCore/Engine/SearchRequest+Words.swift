extension SearchRequest {
    /// Why no package can meet the request, whatever it holds (more members asked for than
    /// there are actors who may join), or nil. A search refuses such a request rather than
    /// scan the whole space to report nothing.
    public func impossibility(in scenario: Scenario) -> String? {
        let open = scenario.actors.count - Set(exclude).count
        guard minMembers > open else { return nil }
        let who = exclude.isEmpty ? "the scenario has \(scenario.actors.count) actors"
            : "the scenario has \(scenario.actors.count) actors and \(Set(exclude).count) are excluded"
        return "no coalition can have \(minMembers) members: \(who), so \(open) at most"
    }

    /// The conditions a coalition had to meet, in words, for a search that found none:
    /// "the scenario's rules, at least 12 members, with eu, without russia, 2 issues held".
    public func conditions(in scenario: Scenario) -> String {
        var parts: [String] = []
        if applyRules && !scenario.rules.isEmpty { parts.append("the scenario's rules") }
        if minMembers > 0 { parts.append("at least \(minMembers) members") }
        if !include.isEmpty { parts.append("with " + include.joined(separator: ", ")) }
        if !exclude.isEmpty { parts.append("without " + exclude.joined(separator: ", ")) }
        if margin > 0 { parts.append("every member gaining over \(Figures.fixed(margin)) more than its margin") }
        let held = Set(fixed.keys).union(table.map { listed in scenario.issues.map(\.id).filter { !listed.contains($0) } } ?? []).count
        if held > 0 { parts.append(held == 1 ? "1 issue held" : "\(held) issues held") }
        return parts.isEmpty ? "every member gaining more than its margin" : parts.joined(separator: ", ")
    }
}
