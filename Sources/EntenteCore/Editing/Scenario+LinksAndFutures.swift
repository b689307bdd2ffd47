/// How splitting and merging an issue carry the links and futures that name it: exactly,
/// or not at all with a message saying what to change first. Nothing is dropped silently.
extension Scenario {
    /// Every link of the scenario, on actors and inside futures, rewritten by `change`
    /// (which names the link's owner in its errors).
    mutating func rewriteLinks(_ change: (Link, String) throws(ScenarioEditError) -> Link) throws(ScenarioEditError) {
        for actor in actors.indices {
            for link in actors[actor].links.indices {
                actors[actor].links[link] = try change(actors[actor].links[link], "the link of \(actors[actor].id)")
            }
        }
        for future in futures.indices {
            for (actor, links) in futures[future].links {
                var rewritten: [Link] = []
                for link in links { rewritten.append(try change(link, "the link future \(futures[future].id) adds to \(actor)")) }
                futures[future].links[actor] = rewritten
            }
        }
    }
}

extension Link {
    /// The link after `broad` is split into `parts`: a condition "broad ∈ S" becomes
    /// "part ∈ S" on every part, so a package in which every part takes o holds the link
    /// exactly when o ∈ S did. Refused when a part does not keep every option of S.
    func splitting(_ broad: Issue, into parts: [Issue], owner: String) throws(ScenarioEditError) -> Link {
        guard let index = when.firstIndex(where: { $0.issue == broad.id }) else { return self }
        let options = when[index].options
        for part in parts {
            let missing = options.filter { part.optionIndex($0) == nil }
            if !missing.isEmpty {
                throw ScenarioEditError("\(owner) names \(broad.id) = \(options.joined(separator: " or ")); part \(part.id) would not keep \(missing.joined(separator: ", ")). Keep those options in every part, or change the link first")
            }
        }
        var result = self
        result.when.replaceSubrange(index...index, with: parts.map { LinkCondition(issue: $0.id, options: options) })
        return result
    }

    /// The link after `parts` are merged into `merged`, whose option m stands for the
    /// parts' options `choices[m]`: the conditions on the parts become "merged ∈ M", M the
    /// merged options whose parts' options meet every one of them. Exact; refused when no
    /// merged option does, or when the link would be left naming one issue.
    func merging(_ parts: [Issue], into merged: Issue, choices: [[Int]], owner: String) throws(ScenarioEditError) -> Link {
        let named = when.filter { condition in parts.contains { $0.id == condition.issue } }
        guard let first = when.firstIndex(where: { condition in parts.contains { $0.id == condition.issue } }) else { return self }
        let kept = merged.options.indices.filter { option in
            named.allSatisfy { condition in
                let part = parts.firstIndex { $0.id == condition.issue }!
                return condition.options.contains(parts[part].options[choices[option][part]].id)
            }
        }
        let summary = named.map { "\($0.issue) = \($0.options.joined(separator: " or "))" }.joined(separator: ", ")
        guard !kept.isEmpty else {
            throw ScenarioEditError("\(owner) (\(summary)) could never hold once the parts are merged into \(merged.id): no merged option has those options together. Change the link first")
        }
        var result = self
        result.when = when.enumerated().compactMap { index, condition in
            if index == first { return LinkCondition(issue: merged.id, options: kept.map { merged.options[$0].id }) }
            return named.contains(condition) ? nil : condition
        }
        guard result.when.count >= 2 else {
            throw ScenarioEditError("\(owner) names only parts of \(merged.id) (\(summary)); merged, it would name one issue, and a link needs two. Fold it into the values, or drop it, first")
        }
        return result
    }
}

extension Future {
    /// The future after `broad` is split into `parts` (k of them), exactly as the split
    /// carries stances: each part gets 1/k of a salience change, so max(0, s/k + d/k) is
    /// 1/k of max(0, s + d); a value change on an option the part keeps (a new option
    /// takes the status quo's, as it takes the status quo's value); red lines on the
    /// options the part keeps other than its status quo.
    func splitting(_ broad: Issue, into parts: [Issue]) -> Future {
        var result = self
        let share = 1 / Double(parts.count)
        for (actor, deltas) in salience {
            guard let delta = deltas[broad.id] else { continue }
            result.salience[actor]![broad.id] = nil
            for part in parts { result.salience[actor]![part.id] = tidy(delta * share) }
        }
        for (actor, issues) in values {
            guard let deltas = issues[broad.id] else { continue }
            result.values[actor]![broad.id] = nil
            for part in parts {
                var carried: [String: Double] = [:]
                for option in part.options {
                    if let delta = deltas[option.id] ?? (broad.optionIndex(option.id) == nil ? deltas[broad.statusQuo] : nil) {
                        carried[option.id] = delta
                    }
                }
                if !carried.isEmpty { result.values[actor]![part.id] = carried }
            }
        }
        func carry(_ lines: [String: [String: [String]]]) -> [String: [String: [String]]] {
            lines.mapValues { issues in
                guard let options = issues[broad.id] else { return issues }
                var result = issues
                result[broad.id] = nil
                for part in parts {
                    let kept = options.filter { id in part.optionIndex(id) != nil && id != part.statusQuo }
                    if !kept.isEmpty { result[part.id] = kept }
                }
                return result
            }
        }
        result.redLinesRemoved = carry(redLinesRemoved)
        result.redLinesAdded = carry(redLinesAdded)
        return result
    }

    /// The future after `parts` are merged into `merged` (option m standing for the parts'
    /// options `choices[m]`), in `before`, the scenario being merged. Red lines carry
    /// exactly (a merged option is a red line when any part's option is). Salience and
    /// value changes carry only when the merged stance in the future is the merge of the
    /// parts' stances in the future: salience changes in proportion to the saliences, the
    /// same value change on every part, the options' positions agreeing where a tilt
    /// applies, and no clamp at 0 or 100 reached where the parts' values differ. Otherwise
    /// the merge is refused, saying what to change.
    func merging(_ parts: [Issue], into merged: Issue, choices: [[Int]], in before: Scenario) throws(ScenarioEditError) -> Future {
        var result = self
        let partIDs = parts.map(\.id)
        for actor in before.actors {
            let stances = parts.map { actor.interests[$0.id] }
            guard stances.contains(where: { $0 != nil }) else { continue }
            let what = "future \(id) changes \(actor.id)'s"
            // Salience: d_j = λ·s_j on every part, so the parts' weights keep their proportions.
            let deltas = parts.map { salience[actor.id]?[$0.id] ?? 0 }
            if deltas.contains(where: { $0 != 0 }) {
                let saliences = stances.map { $0?.salience ?? 0 }
                let total = saliences.reduce(0, +), change = deltas.reduce(0, +)
                guard total > 0, zip(deltas, saliences).allSatisfy({ abs($0 * total - change * $1) <= 1e-9 * max(1, abs(change * total)) }) else {
                    throw ScenarioEditError("\(what) salience on the parts of \(merged.id) out of proportion to its saliences there; make the changes proportional (as a split leaves them), or remove them, before merging")
                }
                for part in partIDs { result.salience[actor.id]?[part] = nil }
                result.salience[actor.id, default: [:]][merged.id] = tidy(change)
            }
            try mergeValues(actor: actor, stances: stances, parts: parts, merged: merged, choices: choices, in: before, what: what, into: &result)
            for part in partIDs {
                result.salience[actor.id]?[part] = nil
                result.values[actor.id]?[part] = nil
            }
            if result.salience[actor.id]?.isEmpty == true { result.salience[actor.id] = nil }
            if result.values[actor.id]?.isEmpty == true { result.values[actor.id] = nil }
            // Red lines: final(m) = any part's option red after the future, so add m when any
            // part's option is added, remove m when it is red today and no part's stays red.
            let removed = parts.map { redLinesRemoved[actor.id]?[$0.id] ?? [] }
            let added = parts.map { redLinesAdded[actor.id]?[$0.id] ?? [] }
            let red = parts.indices.map { stances[$0]?.redLines ?? [] }
            func option(_ m: Int, _ j: Int) -> String { parts[j].options[choices[m][j]].id }
            let addedMerged = merged.options.indices.filter { m in parts.indices.contains { added[$0].contains(option(m, $0)) } }
            let removedMerged = merged.options.indices.filter { m in
                parts.indices.contains { red[$0].contains(option(m, $0)) && removed[$0].contains(option(m, $0)) }
                    && !parts.indices.contains { red[$0].contains(option(m, $0)) && !removed[$0].contains(option(m, $0)) }
            }
            for part in partIDs {
                result.redLinesRemoved[actor.id]?[part] = nil
                result.redLinesAdded[actor.id]?[part] = nil
            }
            if !removedMerged.isEmpty { result.redLinesRemoved[actor.id, default: [:]][merged.id] = removedMerged.map { merged.options[$0].id } }
            if !addedMerged.isEmpty { result.redLinesAdded[actor.id, default: [:]][merged.id] = addedMerged.map { merged.options[$0].id } }
            if result.redLinesRemoved[actor.id]?.isEmpty == true { result.redLinesRemoved[actor.id] = nil }
            if result.redLinesAdded[actor.id]?.isEmpty == true { result.redLinesAdded[actor.id] = nil }
        }
        return result
    }

    /// The value step of the future on the merged issue, or why it cannot be written there.
    private func mergeValues(
        actor: Actor, stances: [Interest?], parts: [Issue], merged: Issue, choices: [[Int]], in before: Scenario,
        what: String, into result: inout Future
    ) throws(ScenarioEditError) {
        let tilt = before.tilt(of: actor, in: self)
        let deltas = parts.map { values[actor.id]?[$0.id] ?? [:] }
        let positioned = parts.contains { $0.options.contains { $0.position != nil } }
        guard (tilt != 0 && positioned) || deltas.contains(where: { !$0.isEmpty }) else { return }
        var mergedDeltas: [String: Double] = [:]
        for m in merged.options.indices {
            let options = parts.indices.map { parts[$0].options[choices[m][$0]] }
            let changes = parts.indices.filter { stances[$0] != nil }.map { deltas[$0][options[$0].id] ?? 0 }
            guard Set(changes).count <= 1 else {
                throw ScenarioEditError("\(what) values on the parts of \(merged.id) differently for \(merged.options[m].id); give every part the same change (as a split leaves them), or remove them, before merging")
            }
            let tiltTerms = parts.indices.map { options[$0].position.map { tilt * (50 - $0) / 50 } ?? 0 }
            let mergedTilt = merged.options[m].position.map { tilt * (50 - $0) / 50 } ?? 0
            guard tiltTerms.allSatisfy({ abs($0 - mergedTilt) < 1e-9 }) else {
                throw ScenarioEditError("\(what) tilt reaches the parts of \(merged.id) at different positions for \(merged.options[m].id), which the merged option cannot keep; give the parts' options the same positions before merging")
            }
            let change = changes.first ?? 0
            let partValues = parts.indices.compactMap { j in stances[j].map { $0.value(of: options[j]) } }
            if Set(partValues).count > 1, partValues.contains(where: { !Limits.value.contains($0 + mergedTilt + change) }) {
                throw ScenarioEditError("\(what) values on the parts of \(merged.id) past 0 or 100 for \(merged.options[m].id) where the parts' values differ, so the merged value would not be the parts' mean; lessen the change before merging")
            }
            if change != 0 { mergedDeltas[merged.options[m].id] = change }
        }
        if !mergedDeltas.isEmpty { result.values[actor.id, default: [:]][merged.id] = mergedDeltas }
    }
}
