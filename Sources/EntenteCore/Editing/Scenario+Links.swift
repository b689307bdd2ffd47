/// Edits of an actor's links (format 2): adding one, replacing one, dropping one. Each link
/// is checked as the loader checks a link in a file (docs/scenario-format.md, "Links"), so
/// an edited scenario saves and loads back as it was.
///
///     let edited = try scenario.addingLink("india", Link(
///         when: [LinkCondition(issue: "dida", options: ["d10-core"]), LinkCondition(issue: "semis", options: ["partner-pool"])],
///         points: 6))
///     edited.actors[edited.actorIndex("india")!].links.count  // one more than before
extension Scenario {
    /// Adds a link at the end of the actor's list.
    public func addingLink(_ actorID: String, _ link: Link) throws(ScenarioEditError) -> Scenario {
        let actor = try requireActor(actorID)
        try checkLink(link)
        var result = self
        result.actors[actor].links.append(link)
        return result
    }

    /// Replaces the actor's link at `index` (0-based, in the actor's own list).
    public func replacingLink(_ actorID: String, at index: Int, with link: Link) throws(ScenarioEditError) -> Scenario {
        let actor = try requireLink(actorID, index)
        try checkLink(link)
        var result = self
        result.actors[actor].links[index] = link
        return result
    }

    /// Removes the actor's link at `index` (0-based, in the actor's own list).
    public func droppingLink(_ actorID: String, at index: Int) throws(ScenarioEditError) -> Scenario {
        let actor = try requireLink(actorID, index)
        var result = self
        result.actors[actor].links.remove(at: index)
        return result
    }

    /// The actor's index, when it has a link at `index`.
    private func requireLink(_ actorID: String, _ index: Int) throws(ScenarioEditError) -> Int {
        let actor = try requireActor(actorID)
        let count = actors[actor].links.count
        guard actors[actor].links.indices.contains(index) else {
            throw ScenarioEditError(count == 0 ? "\(actorID) has no links" : "\(actorID) has links 1 to \(count); there is no link \(index + 1)")
        }
        return actor
    }

    /// The loader's rules for a link: two or more distinct issues that exist, each with one
    /// or more of its options, and points within `Limits.linkPoints`.
    private func checkLink(_ link: Link) throws(ScenarioEditError) {
        guard link.points.isFinite, Limits.linkPoints.contains(link.points) else {
            throw ScenarioEditError("a link's points are a number from \(Limits.linkPoints.lowerBound.limitText) to \(Limits.linkPoints.upperBound.limitText)")
        }
        var seen: Set<String> = []
        for condition in link.when {
            let issue = try requireIssue(condition.issue)
            guard seen.insert(condition.issue).inserted else {
                throw ScenarioEditError("a link names each issue once; \(condition.issue) appears twice")
            }
            guard !condition.options.isEmpty else { throw ScenarioEditError("a link names no option of '\(condition.issue)'") }
            for option in condition.options { _ = try issues[issue].requireOption(option) }
        }
        guard seen.count >= 2 else {
            throw ScenarioEditError("a link needs at least two distinct issues; found \(seen.count)")
        }
    }
}
