import EntenteCore

extension Scenario {
    /// The scenario as one actor's delegation may see it: the public table (actors' names,
    /// kinds and capabilities, groupings, issues and options, rules, futures' names and
    /// descriptions) and that actor's own stance and role brief; every other actor keeps no
    /// interests, no links and no brief, and futures keep only what they change for this actor.
    ///
    /// Capability is public (the capability-share rule is announced, and clout is common
    /// knowledge at a table); saliences, values, red lines, margins, links, notes and role
    /// briefs (which say what only that delegation knows) are not.
    public func seen(by actor: String) -> Scenario {
        var seen = self
        for index in seen.actors.indices where seen.actors[index].id != actor {
            seen.actors[index].interests = [:]
            seen.actors[index].links = []
            seen.actors[index].brief = ""
        }
        let groupings = Set(groupings.filter { $0.members.contains(actor) }.map(\.id))
        seen.futures = futures.map { future in
            var kept = Future(id: future.id, name: future.name, description: future.description,
                              capability: future.capability, rulesRemoved: future.rulesRemoved, rulesAdded: future.rulesAdded)
            kept.salience = future.salience.filter { $0.key == actor }
            kept.values = future.values.filter { $0.key == actor }
            kept.redLinesRemoved = future.redLinesRemoved.filter { $0.key == actor }
            kept.redLinesAdded = future.redLinesAdded.filter { $0.key == actor }
            kept.links = future.links.filter { $0.key == actor }
            kept.tilt = future.tilt.filter { $0.key == actor || groupings.contains($0.key) }
            return kept
        }
        return seen
    }
}
