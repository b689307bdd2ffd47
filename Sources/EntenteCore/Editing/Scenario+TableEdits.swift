/// Edits of the table around the issues: an actor's capability and who belongs to a
/// grouping. Each checks what a loaded file would be checked for, so an edited scenario
/// always saves and loads back.
extension Scenario {
    /// Sets an actor's capability (its clout in the capability share and the power indices).
    public func settingCapability(_ actorID: String, to capability: Double) throws(ScenarioEditError) -> Scenario {
        let actor = try requireActor(actorID)
        guard Limits.capability.contains(capability) else {
            throw ScenarioEditError("capability is a number from 0 to \(Limits.capability.upperBound.limitText)")
        }
        for future in futures {
            if let factor = future.capability[actorID], capability * factor > Limits.capability.upperBound {
                throw ScenarioEditError("future \(future.id) multiplies this capability by \(ScenarioWriter.number(factor)), which would take it past \(Limits.capability.upperBound.limitText); lower it or that factor first")
            }
        }
        var result = self
        result.actors[actor].capability = capability
        return result
    }

    /// Puts an actor in a grouping, or takes it out (a grouping keeps at least one member).
    public func settingMembership(_ groupingID: String, _ actorID: String, _ member: Bool) throws(ScenarioEditError) -> Scenario {
        guard let grouping = groupings.firstIndex(where: { $0.id == groupingID }) else {
            throw ScenarioEditError("unknown grouping '\(groupingID)'; expected one of: \(groupings.map(\.id).joined(separator: ", "))")
        }
        _ = try requireActor(actorID)
        var result = self
        let members = groupings[grouping].members
        if member {
            guard !members.contains(actorID) else { throw ScenarioEditError("\(actorID) is already in \(groupingID)") }
            result.groupings[grouping].members.append(actorID)
        } else {
            guard members.contains(actorID) else { throw ScenarioEditError("\(actorID) is not in \(groupingID)") }
            guard members.count > 1 else { throw ScenarioEditError("\(actorID) is the last member of \(groupingID); a grouping needs one") }
            result.groupings[grouping].members.removeAll { $0 == actorID }
        }
        return result
    }
}
