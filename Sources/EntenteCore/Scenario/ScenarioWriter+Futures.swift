/// Writes one future of a scenario as the YAML the loader reads (format 2), its entries in
/// the scenario's actor, issue and option order so that a saved file reads like the model.
struct FutureWriter {
    let scenario: Scenario

    func lines(_ future: Future) -> [String] {
        var lines = ["  - id: \(text(future.id))", "    name: \(text(future.name))"]
        if !future.description.isEmpty { lines.append("    description: \(text(future.description))") }
        if !future.note.isEmpty { lines.append("    note: \(text(future.note))") }
        if !future.capability.isEmpty { lines.append("    capability: " + flow(future.capability, order: actorOrder, number)) }
        if !future.salience.isEmpty {
            lines.append("    salience:")
            for actor in ordered(future.salience, actorOrder) {
                lines.append("      \(text(actor)): " + flow(future.salience[actor]!, order: issueOrder, number))
            }
        }
        if !future.tilt.isEmpty {
            lines.append("    tilt: " + flow(future.tilt, order: actorOrder + scenario.groupings.map(\.id), number))
        }
        if !future.values.isEmpty {
            lines.append("    values:")
            for actor in ordered(future.values, actorOrder) {
                let issues = future.values[actor]!
                lines.append("      \(text(actor)):" + (issues.isEmpty ? " {}" : ""))
                for issue in ordered(issues, issueOrder) {
                    lines.append("        \(text(issue)): " + flow(issues[issue]!, order: optionOrder(issue), number))
                }
            }
        }
        if !future.redLinesAdded.isEmpty || !future.redLinesRemoved.isEmpty {
            lines.append("    redLines:")
            for (key, changes) in [("remove", future.redLinesRemoved), ("add", future.redLinesAdded)] where !changes.isEmpty {
                lines.append("      \(key):")
                for actor in ordered(changes, actorOrder) {
                    lines.append("        \(text(actor)): " + flow(changes[actor]!, order: issueOrder, ScenarioWriter.list))
                }
            }
        }
        if !future.links.isEmpty {
            lines.append("    links:")
            for actor in ordered(future.links, actorOrder) {
                let links = future.links[actor]!
                lines.append("      \(text(actor)):" + (links.isEmpty ? " []" : ""))
                for link in links { lines.append("        - " + ScenarioWriter.link(link)) }
            }
        }
        if !future.rulesRemoved.isEmpty || !future.rulesAdded.isEmpty {
            lines.append("    rules:")
            if !future.rulesRemoved.isEmpty { lines.append("      remove: " + ScenarioWriter.list(future.rulesRemoved)) }
            if !future.rulesAdded.isEmpty {
                lines.append("      add:")
                for rule in future.rulesAdded { lines.append("        - " + ScenarioWriter.rule(rule)) }
            }
        }
        return lines
    }

    private var actorOrder: [String] { scenario.actors.map(\.id) }
    private var issueOrder: [String] { scenario.issues.map(\.id) }

    private func optionOrder(_ issueID: String) -> [String] {
        scenario.issueIndex(issueID).map { scenario.issues[$0].options.map(\.id) } ?? []
    }

    /// `{ key: value, ... }` in `order`, then any other keys sorted.
    private func flow<T>(_ entries: [String: T], order: [String], _ write: (T) -> String) -> String {
        let keys = ordered(entries, order)
        if keys.isEmpty { return "{}" }
        return "{ " + keys.map { "\(text($0)): \(write(entries[$0]!))" }.joined(separator: ", ") + " }"
    }

    /// The keys of `entries` in `order`, then any others sorted, so nothing is left out.
    private func ordered<T>(_ entries: [String: T], _ order: [String]) -> [String] {
        let known = Set(order)
        var seen = Set<String>()
        return order.filter { entries[$0] != nil && seen.insert($0).inserted } + entries.keys.filter { !known.contains($0) }.sorted()
    }

    private func text(_ value: String) -> String { ScenarioWriter.text(value) }
    private func number(_ value: Double) -> String { ScenarioWriter.number(value) }
}
