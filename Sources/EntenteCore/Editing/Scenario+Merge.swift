extension Scenario {
    /// The issues unbundled from `id` (those whose `parent` is `id`), in scenario order.
    public func parts(of id: String) -> [Int] { issues.indices.filter { issues[$0].parent == id } }

    /// The scenario with the parts of a broad issue bundled back into one issue, which takes
    /// the place of the first part. `id` names the broad issue or any of its parts.
    ///
    /// When the parts share their options and status quo (as right after a split), the
    /// merged issue has those options, and choosing o means every part takes o. Otherwise
    /// its options are the combinations of the parts' options: ids joined by `--`, names by
    /// ` + ` and descriptions by a space, a name or description that several parts' options
    /// share said once (both parts at "Trusted flows" read "Trusted flows", not twice). Either
    /// way, for every actor the merged salience is the sum of the parts' saliences and the
    /// value of a merged option is the salience-weighted mean of the parts' values, so the
    /// merged option gives every actor exactly the gain the parts' options gave together.
    /// Openness adds up, red lines carry over from any part, the margin is the largest.
    /// Links and futures that name the parts are carried exactly (`Link.merging`,
    /// `Future.merging`), or the merge is refused with what to change first.
    public func merging(_ id: String) throws(ScenarioEditError) -> Scenario {
        let broadID = issueIndex(id).flatMap { issues[$0].parent } ?? id
        let partIndices = parts(of: broadID)
        guard partIndices.count >= 2 else {
            throw ScenarioEditError("'\(id)' has no parts to merge; merge takes an issue that was split, or one of its parts")
        }
        try requireFreeIssueID(broadID)
        let parts = partIndices.map { issues[$0] }
        let combinations = try Self.combinations(of: parts)
        let merged = Issue(
            id: broadID, name: Self.commonName(of: parts) ?? broadID, lever: parts[0].lever, parent: nil,
            statusQuo: combinations.first { $0.choices == parts.map(\.statusQuoIndex) }!.option.id,
            options: combinations.map(\.option))
        var result = self
        result.issues[partIndices[0]] = merged
        for index in partIndices.dropFirst().reversed() { result.issues.remove(at: index) }
        for actor in result.actors.indices {
            let stances = parts.map { result.actors[actor].interests.removeValue(forKey: $0.id) }
            guard stances.contains(where: { $0 != nil }) else { continue }
            result.actors[actor].interests[broadID] = Self.mergedStance(stances, parts: parts, merged: merged, combinations: combinations.map(\.choices))
        }
        let choices = combinations.map(\.choices)
        try result.rewriteLinks { link, owner throws(ScenarioEditError) in try link.merging(parts, into: merged, choices: choices, owner: owner) }
        for index in result.futures.indices {
            result.futures[index] = try result.futures[index].merging(parts, into: merged, choices: choices, in: self)
        }
        return result
    }

    /// The merged issue's options with, for each, the option index it stands for in every part.
    private static func combinations(of parts: [Issue]) throws(ScenarioEditError) -> [(option: IssueOption, choices: [Int])] {
        let ids = parts.map { $0.options.map(\.id) }
        if Set(ids.map { $0.joined(separator: " ") }).count == 1, Set(parts.map(\.statusQuo)).count == 1 {
            return parts[0].options.indices.map { index in
                var option = parts[0].options[index]
                option.openness = tidy(parts.reduce(0) { $0 + $1.options[index].openness })
                if Set(parts.map { $0.options[index].position }).count > 1 { option.position = nil }
                return (option, Array(repeating: index, count: parts.count))
            }
        }
        let count = parts.reduce(1) { $0 * $1.options.count }
        guard count <= Limits.options.upperBound else {
            throw ScenarioEditError("the parts have \(count) combinations of options, more than the \(Limits.options.upperBound) an issue can hold")
        }
        var tuples: [[Int]] = [[]]
        for part in parts { tuples = tuples.flatMap { tuple in part.options.indices.map { tuple + [$0] } } }
        let options = tuples.map { tuple in
            let chosen = zip(parts, tuple).map { $0.options[$1] }
            return IssueOption(id: chosen.map(\.id).joined(separator: "--"), name: distinct(chosen.map(\.name)).joined(separator: " + "),
                               openness: tidy(chosen.reduce(0) { $0 + $1.openness }),
                               description: distinct(chosen.map(\.description).filter { !$0.isEmpty }).joined(separator: " "))
        }
        guard Set(options.map(\.id)).count == options.count else {
            throw ScenarioEditError("the parts' option ids run together ambiguously when joined with --; rename an option first")
        }
        return Array(zip(options, tuples))
    }

    /// The texts with repeats left out, in order: a combination in which two parts take the
    /// same option of the broad issue names (and describes) it once.
    private static func distinct(_ texts: [String]) -> [String] {
        var seen = Set<String>()
        return texts.filter { seen.insert($0).inserted }
    }

    /// One actor's stance on the merged issue, from its stances on the parts (nil: none).
    private static func mergedStance(_ stances: [Interest?], parts: [Issue], merged: Issue, combinations: [[Int]]) -> Interest {
        let salience = stances.reduce(0) { $0 + ($1?.salience ?? 0) }
        let given = stances.compactMap { $0 }
        var valuation = Valuation.values([:])
        let ideals = Set(given.compactMap { stance -> Double? in if case .position(let ideal) = stance.valuation { ideal } else { nil } })
        if ideals.count == 1, given.count == parts.count, merged.options.allSatisfy({ $0.position != nil }),
           combinations.allSatisfy({ Set($0).count == 1 }) {
            valuation = .position(ideals.first!)
        } else {
            valuation = .values(Dictionary(uniqueKeysWithValues: zip(merged.options, combinations).map { option, choices in
                let values = zip(stances, zip(parts, choices)).compactMap { stance, part in
                    stance.map { (weight: $0.salience, value: $0.value(of: part.0.options[part.1])) }
                }
                let weight = values.reduce(0) { $0 + $1.weight }
                let value = weight > 0 ? values.reduce(0) { $0 + $1.weight * $1.value } / weight
                    : values.reduce(0) { $0 + $1.value } / Double(values.count)
                return (option.id, tidy(value))
            }))
        }
        let redLines = zip(merged.options, combinations).filter { _, choices in
            zip(stances, zip(parts, choices)).contains { stance, part in stance?.redLines.contains(part.0.options[part.1].id) ?? false }
        }.map(\.0.id)
        var notes: [String] = []
        for note in given.map(\.note) where !note.isEmpty && !notes.contains(note) { notes.append(note) }
        return Interest(salience: tidy(salience), valuation: valuation, redLines: redLines,
                        minGain: given.compactMap(\.minGain).max(), note: notes.joined(separator: " "))
    }

    /// "X" when the parts are named "X: something", as a split names them; a part renamed
    /// since keeps no prefix and has no say, so renaming one part does not lose the broad
    /// issue's name. Nil when no part (or no one prefix) is left.
    private static func commonName(of parts: [Issue]) -> String? {
        let prefixes = Set(parts.compactMap { part -> String? in
            guard let colon = part.name.range(of: ": ", options: .backwards) else { return nil }
            return String(part.name[..<colon.lowerBound])
        })
        return prefixes.count == 1 ? prefixes.first : nil
    }
}
