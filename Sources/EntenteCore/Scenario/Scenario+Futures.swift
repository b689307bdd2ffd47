/// Futures as overlays: each turns today's scenario into the complete scenario of that
/// future, which every search, analysis and brief then reads like any other.
extension Scenario {
    /// The scenario in `future`, its changes applied in the documented order (docs/model.md,
    /// "Futures"): capability, salience, values, red lines, links, rules. The result has no
    /// futures of its own.
    ///
    /// A loaded scenario's futures name only actors, issues, options, stances, groupings and
    /// rules that exist (the loader checks them); a change naming anything else has nothing
    /// to act on and changes nothing.
    public func applying(_ future: Future) -> Scenario {
        var result = self
        result.futures = []
        for index in result.actors.indices {
            let id = actors[index].id
            if let factor = future.capability[id] { result.actors[index].capability *= factor }
            for (issueID, delta) in future.salience[id] ?? [:] where result.actors[index].interests[issueID] != nil {
                result.actors[index].interests[issueID]!.salience = max(0, result.actors[index].interests[issueID]!.salience + delta)
            }
            result.actors[index].applyValueChanges(tilt: tilt(of: actors[index], in: future), deltas: future.values[id] ?? [:], issues: issues)
            for (issueID, removed) in future.redLinesRemoved[id] ?? [:] where result.actors[index].interests[issueID] != nil {
                result.actors[index].interests[issueID]!.redLines.removeAll { removed.contains($0) }
            }
            for (issueID, added) in future.redLinesAdded[id] ?? [:] where result.actors[index].interests[issueID] != nil {
                for option in added where !result.actors[index].interests[issueID]!.redLines.contains(option) {
                    result.actors[index].interests[issueID]!.redLines.append(option)
                }
            }
            result.actors[index].links += future.links[id] ?? []
        }
        result.rules.removeAll { future.rulesRemoved.contains($0.id) }
        result.rules += future.rulesAdded
        return result
    }

    /// T_a: the sum of the future's tilts that name the actor or a grouping it belongs to.
    public func tilt(of actor: Actor, in future: Future) -> Double {
        let groupingTilts = groupings.filter { $0.members.contains(actor.id) }.compactMap { future.tilt[$0.id] }
        return groupingTilts.reduce(future.tilt[actor.id] ?? 0, +)
    }

    /// The future with this id; nil for `today`, the scenario with no future.
    public func future(_ id: String) throws(UnknownFutureError) -> Future? {
        if id == Future.todayID { return nil }
        guard let future = futures.first(where: { $0.id == id }) else {
            throw UnknownFutureError(id: id, known: futures.map(\.id))
        }
        return future
    }

    /// The scenario in the future with this id (`today`: the scenario itself).
    public func inFuture(_ id: String) throws(UnknownFutureError) -> Scenario {
        try future(id).map(applying) ?? self
    }
}

extension Actor {
    /// Step 3 of a future: v′(o) = clamp(v(o) + T·(50 − position(o))/50 + delta(o), 0, 100),
    /// the tilt term only on options with a position. A stance the step changes is written as
    /// explicit values; the others keep their form.
    mutating func applyValueChanges(tilt: Double, deltas: [String: [String: Double]], issues: [Issue]) {
        for issue in issues {
            guard let stance = interests[issue.id] else { continue }
            let changes = deltas[issue.id] ?? [:]
            let tilted = tilt != 0 && issue.options.contains { $0.position != nil }
            guard tilted || !changes.isEmpty else { continue }
            let values = issue.options.map { option in
                var value = stance.value(of: option)
                if let position = option.position { value += tilt * (50 - position) / 50 }
                value += changes[option.id] ?? 0
                return (option.id, min(Limits.value.upperBound, max(Limits.value.lowerBound, value)))
            }
            interests[issue.id]!.valuation = .values(Dictionary(uniqueKeysWithValues: values))
        }
    }
}

/// A future id the scenario does not have, with the ids it has.
public struct UnknownFutureError: Error, Sendable, Equatable, CustomStringConvertible {
    public let id: String
    public let known: [String]

    public init(id: String, known: [String]) {
        self.id = id
        self.known = known
    }

    public var description: String {
        let expected = ([Future.todayID] + known).joined(separator: ", ")
        return "unknown future '\(id)'; expected one of: \(expected)"
    }
}
