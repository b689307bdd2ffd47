/// One sub-issue asked for when an issue is unbundled: its id, and optionally its name and
/// its options (ids of the broad issue's options, which carry over, or new ones).
public struct IssuePart: Sendable, Equatable {
    public var id: String
    public var name: String?
    /// nil: the broad issue's options, all of them.
    public var options: [String]?

    public init(id: String, name: String? = nil, options: [String]? = nil) {
        self.id = id
        self.name = name
        self.options = options
    }
}

extension Scenario {
    /// The scenario with one issue unbundled into sub-issues that take its place.
    ///
    /// Each part is a new issue whose `parent` is the broad issue. Of the k parts, each one
    /// carries over, for every actor, 1/k of the broad issue's salience (so the actor's total
    /// attention does not change), its values for the options the part keeps, its red lines
    /// among them, margin and note; each kept option carries 1/k of its openness. A new option
    /// starts at the actor's value for the broad issue's status quo (nobody gains from it
    /// until values are entered) with openness 0. A part keeps the broad status quo when it
    /// has that option, otherwise its first option is its status quo.
    ///
    /// So the package in which every part takes option o gives every actor exactly the gain
    /// (and the openness) that o gave on the broad issue. Links and futures that name the
    /// issue are carried to the parts exactly (`Link.splitting`, `Future.splitting`), or
    /// the split is refused with what to change first.
    public func splitting(_ issueID: String, into parts: [IssuePart]) throws(ScenarioEditError) -> Scenario {
        let index = try requireIssue(issueID)
        let broad = issues[index]
        guard parts.count >= 2 else { throw ScenarioEditError("split \(issueID) into at least two parts") }
        var seen = Set<String>()
        for part in parts {
            try requireFreeIssueID(part.id)
            guard seen.insert(part.id).inserted else { throw ScenarioEditError("part '\(part.id)' is named twice") }
            if let options = part.options {
                guard !options.isEmpty else { throw ScenarioEditError("part '\(part.id)' needs at least one option") }
                guard Set(options).count == options.count else { throw ScenarioEditError("part '\(part.id)' names an option twice") }
                if let bad = options.first(where: { !Identifier.isValid($0) }) {
                    throw ScenarioEditError("'\(bad)' is not an option id: use a-z, 0-9 and -")
                }
            }
        }
        let share = 1 / Double(parts.count)
        let subIssues = parts.map { part in
            let options = (part.options ?? broad.options.map(\.id)).map { id in
                guard let kept = broad.optionIndex(id).map({ broad.options[$0] }) else { return IssueOption(id: id) }
                var option = kept
                option.openness = tidy(kept.openness * share)
                return option
            }
            let statusQuo = options.contains { $0.id == broad.statusQuo } ? broad.statusQuo : options[0].id
            return Issue(id: part.id, name: part.name ?? "\(broad.name): \(part.id)", lever: broad.lever,
                         parent: broad.id, statusQuo: statusQuo, options: options)
        }
        var result = self
        result.issues.replaceSubrange(index...index, with: subIssues)
        for actor in result.actors.indices {
            guard let stance = result.actors[actor].interests.removeValue(forKey: broad.id) else { continue }
            for issue in subIssues {
                result.actors[actor].interests[issue.id] = stance.carried(from: broad, to: issue, salienceShare: share)
            }
        }
        try result.rewriteLinks { link, owner throws(ScenarioEditError) in try link.splitting(broad, into: subIssues, owner: owner) }
        result.futures = result.futures.map { $0.splitting(broad, into: subIssues) }
        return result
    }
}

extension Interest {
    /// This stance on a broad issue, carried over to a part of it.
    func carried(from broad: Issue, to part: Issue, salienceShare: Double) -> Interest {
        let keepsAll = part.options.allSatisfy { broad.optionIndex($0.id) != nil }
        var carried = self
        carried.salience = tidy(salience * salienceShare)
        var keepsIdealPoint = false
        if case .position = valuation { keepsIdealPoint = keepsAll }
        if !keepsIdealPoint {
            let neutral = value(of: broad.options[broad.statusQuoIndex])
            carried.valuation = .values(Dictionary(uniqueKeysWithValues: part.options.map { option in
                (option.id, broad.optionIndex(option.id).map { value(of: broad.options[$0]) } ?? neutral)
            }))
        }
        carried.redLines = redLines.filter { id in part.options.contains { $0.id == id } && id != part.statusQuo }
        return carried
    }
}
