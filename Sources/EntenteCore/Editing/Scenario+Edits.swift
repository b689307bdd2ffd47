/// Small edits a diplomat makes while working a scenario: names, options, and an actor's
/// stance. Each returns the edited scenario, valid whenever the original was, or says why
/// the edit cannot be made.
extension Scenario {
    public func renamingIssue(_ issueID: String, to name: String) throws(ScenarioEditError) -> Scenario {
        let issue = try requireIssue(issueID)
        guard !name.isEmpty else { throw ScenarioEditError("an issue needs a name") }
        var result = self
        result.issues[issue].name = name
        return result
    }

    public func renamingOption(_ issueID: String, _ optionID: String, to name: String) throws(ScenarioEditError) -> Scenario {
        guard !name.isEmpty else { throw ScenarioEditError("an option needs a name") }
        return try editingOption(issueID, optionID) { $0.name = name }
    }

    /// Sets an option's effect on the open internet (negative harms it).
    public func settingOpenness(_ issueID: String, _ optionID: String, to openness: Double) throws(ScenarioEditError) -> Scenario {
        guard Limits.openness.contains(openness) else {
            throw ScenarioEditError("openness is a number from \(Limits.openness.lowerBound.limitText) to \(Limits.openness.upperBound.limitText)")
        }
        return try editingOption(issueID, optionID) { $0.openness = openness }
    }

    /// Sets an option's description (what it would mean in practice).
    public func describingOption(_ issueID: String, _ optionID: String, as description: String) throws(ScenarioEditError) -> Scenario {
        try editingOption(issueID, optionID) { $0.description = description }
    }

    /// The scenario with one option changed by `change`.
    private func editingOption(_ issueID: String, _ optionID: String, _ change: (inout IssueOption) -> Void) throws(ScenarioEditError) -> Scenario {
        let issue = try requireIssue(issueID)
        let option = try issues[issue].requireOption(optionID)
        var result = self
        change(&result.issues[issue].options[option])
        return result
    }

    /// Adds an option at the end of the issue's list. Every actor values it as it values
    /// the status quo until told otherwise, so it changes no gain; it has openness 0.
    public func addingOption(_ issueID: String, _ optionID: String, name: String? = nil) throws(ScenarioEditError) -> Scenario {
        let issue = try requireIssue(issueID)
        guard Identifier.isValid(optionID) else { throw ScenarioEditError("'\(optionID)' is not an option id: use a-z, 0-9 and -") }
        guard issues[issue].optionIndex(optionID) == nil else { throw ScenarioEditError("\(issueID) already has an option '\(optionID)'") }
        guard issues[issue].options.count < Limits.options.upperBound else {
            throw ScenarioEditError("\(issueID) already has the most options an issue can hold (\(Limits.options.upperBound))")
        }
        let before = issues[issue]
        var result = self
        result.issues[issue].options.append(IssueOption(id: optionID, name: name))
        result.updateStances(on: before.id) { stance in
            var values = stance.explicitValues(on: before)
            values[optionID] = stance.value(of: before.options[before.statusQuoIndex])
            stance.valuation = .values(values)
        }
        return result
    }

    /// Removes an option other than the status quo, with every value and red line on it,
    /// in today's stances and in the futures' changes, and from the links that list it
    /// (refused when a link holds on that option alone).
    public func droppingOption(_ issueID: String, _ optionID: String) throws(ScenarioEditError) -> Scenario {
        let issue = try requireIssue(issueID)
        let option = try issues[issue].requireOption(optionID)
        guard optionID != issues[issue].statusQuo else {
            throw ScenarioEditError("\(optionID) is the status quo of \(issueID); it cannot be dropped")
        }
        var result = self
        result.issues[issue].options.remove(at: option)
        result.updateStances(on: issueID) { stance in
            if case .values(var values) = stance.valuation {
                values[optionID] = nil
                stance.valuation = .values(values)
            }
            stance.redLines.removeAll { $0 == optionID }
        }
        try result.rewriteLinks { link, owner throws(ScenarioEditError) in
            var link = link
            for index in link.when.indices where link.when[index].issue == issueID {
                link.when[index].options.removeAll { $0 == optionID }
                if link.when[index].options.isEmpty {
                    throw ScenarioEditError("\(owner) holds only when \(issueID) is \(optionID); change or drop the link before dropping the option")
                }
            }
            return link
        }
        for index in result.futures.indices { result.futures[index].forget(optionID, of: issueID) }
        return result
    }

    /// Sets an actor's salience on an issue. An actor without a stance there gets one that
    /// values every option alike (it gains nothing from the issue until values are set).
    public func settingSalience(_ actorID: String, _ issueID: String, to salience: Double) throws(ScenarioEditError) -> Scenario {
        let actor = try requireActor(actorID)
        let issue = try requireIssue(issueID)
        guard Limits.salience.contains(salience) else {
            throw ScenarioEditError("salience is a number from 0 to \(Limits.salience.upperBound.limitText)")
        }
        for future in futures {
            if let delta = future.salience[actorID]?[issueID], salience + delta > Limits.salience.upperBound {
                throw ScenarioEditError("future \(future.id) adds \(ScenarioWriter.number(delta)) to this salience, which would take it past \(Limits.salience.upperBound.limitText); lower it or that change first")
            }
        }
        var result = self
        var stance = actors[actor].interests[issueID]
            ?? Interest(salience: 0, valuation: .values(Dictionary(uniqueKeysWithValues: issues[issue].options.map { ($0.id, 50) })))
        stance.salience = salience
        result.actors[actor].interests[issueID] = stance
        return result
    }

    /// Sets an actor's value (0…100) for one option; a position stance becomes explicit values.
    public func settingValue(_ actorID: String, _ issueID: String, _ optionID: String, to value: Double) throws(ScenarioEditError) -> Scenario {
        guard Limits.value.contains(value) else { throw ScenarioEditError("a value is from 0 to 100") }
        return try editingStance(actorID, issueID, optionID) { stance, issue in
            var values = stance.explicitValues(on: issue)
            values[optionID] = value
            stance.valuation = .values(values)
        }
    }

    /// Sets the note on an actor's stance on an issue (the author's rationale, which the
    /// brief quotes beside what the values say); an empty note removes it.
    public func notingStance(_ actorID: String, _ issueID: String, _ note: String) throws(ScenarioEditError) -> Scenario {
        let actor = try requireActor(actorID)
        _ = try requireIssue(issueID)
        guard actors[actor].interests[issueID] != nil else {
            throw ScenarioEditError("\(actorID) has no stance on \(issueID); give it a salience first")
        }
        var result = self
        result.actors[actor].interests[issueID]!.note = note
        return result
    }

    /// Adds or removes an actor's red line on an option other than the status quo.
    public func settingRedLine(_ actorID: String, _ issueID: String, _ optionID: String, _ on: Bool) throws(ScenarioEditError) -> Scenario {
        if let issue = issueIndex(issueID), optionID == issues[issue].statusQuo {
            throw ScenarioEditError("\(optionID) is the status quo of \(issueID); a red line cannot fall on it")
        }
        var result = try editingStance(actorID, issueID, optionID) { stance, _ in
            stance.redLines.removeAll { $0 == optionID }
            if on { stance.redLines.append(optionID) }
        }
        // A future that removes a red line no longer there changes nothing by it.
        if !on {
            for index in result.futures.indices { result.futures[index].redLinesRemoved.remove(optionID, actor: actorID, issue: issueID) }
        }
        return result
    }

    /// The scenario with one actor's existing stance on an issue changed by `change`,
    /// after checking that the actor, the issue and the option exist.
    private func editingStance(
        _ actorID: String, _ issueID: String, _ optionID: String, _ change: (inout Interest, Issue) -> Void
    ) throws(ScenarioEditError) -> Scenario {
        let actor = try requireActor(actorID)
        let issue = try requireIssue(issueID)
        _ = try issues[issue].requireOption(optionID)
        guard var stance = actors[actor].interests[issueID] else {
            throw ScenarioEditError("\(actorID) has no stance on \(issueID); give it a salience first")
        }
        change(&stance, issues[issue])
        var result = self
        result.actors[actor].interests[issueID] = stance
        return result
    }

    private mutating func updateStances(on issueID: String, _ change: (inout Interest) -> Void) {
        for actor in actors.indices where actors[actor].interests[issueID] != nil {
            change(&actors[actor].interests[issueID]!)
        }
    }
}

extension Package {
    /// The same deal in an edited scenario: each issue that is still there keeps its option
    /// (matched by ids); new issues, and options that are gone, fall back to the status quo.
    public func carried(from old: Scenario, to new: Scenario) -> Package {
        Package(choices: new.issues.map { issue in
            guard let before = old.issueIndex(issue.id), choices.indices.contains(before),
                  let option = issue.optionIndex(old.issues[before].options[choices[before]].id) else { return issue.statusQuoIndex }
            return option
        })
    }
}

extension Future {
    /// Drops every change this future makes on an option that leaves the scenario.
    mutating func forget(_ optionID: String, of issueID: String) {
        for actor in values.keys where values[actor]?[issueID] != nil {
            values[actor]![issueID]![optionID] = nil
            if values[actor]![issueID]!.isEmpty { values[actor]![issueID] = nil }
            if values[actor]!.isEmpty { values[actor] = nil }
        }
        for actor in Set(redLinesRemoved.keys).union(redLinesAdded.keys) {
            redLinesRemoved.remove(optionID, actor: actor, issue: issueID)
            redLinesAdded.remove(optionID, actor: actor, issue: issueID)
        }
    }
}

extension Dictionary where Key == String, Value == [String: [String]] {
    /// Removes one option from the red lines listed for an actor and issue, and any entry left empty.
    mutating func remove(_ optionID: String, actor: String, issue: String) {
        guard var options = self[actor]?[issue] else { return }
        options.removeAll { $0 == optionID }
        self[actor]![issue] = options.isEmpty ? nil : options
        if self[actor]!.isEmpty { self[actor] = nil }
    }
}
