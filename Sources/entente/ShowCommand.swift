import ArgumentParser
import EntenteCore

/// `entente show`: the scenario as readable tables.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a scenario's actors, issues, options, stances, groupings and rules as tables.")

    @OptionGroup var scenario: ScenarioArgument

    @OptionGroup var future: FutureOption

    @Flag(help: "Also list every actor's stance on every issue.")
    var stances = false

    func run() throws {
        let today = try scenario.load()
        let chosen = try future.chosen(in: today)
        let tables = ScenarioTables(scenario: chosen.map(today.applying) ?? today, futures: today.futures, future: chosen)
        try OutputOptions.emit(tables.render(stances: stances), to: nil)
    }
}

/// The tables `entente show` prints.
struct ScenarioTables {
    /// The scenario shown: today's, or a future's.
    let scenario: Scenario
    /// Today's futures, listed whichever is shown.
    var futures: [Future] = []
    /// The future shown (nil: today).
    var future: Future?

    func render(stances: Bool) -> String {
        var sections = [heading(), actors(), issues(), groupings(), rules(), links(), futureList()]
        if stances { sections.append(self.stances()) }
        return sections.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    private func heading() -> String {
        var lines = [TerminalText.escaped(scenario.title)]
        if !scenario.source.isEmpty { lines.append("Source: " + TerminalText.escaped(scenario.source)) }
        if let future { lines.append("In the future \(future.id): " + TerminalText.escaped(future.name)) }
        return lines.joined(separator: "\n")
    }

    private func actors() -> String {
        let total = scenario.actors.reduce(0) { $0 + $1.capability }
        var table = TextTable(header: ["actor", "name", "kind", "capability", "share", "issues"], rightAligned: [3, 4, 5])
        for actor in scenario.actors {
            table.append([actor.id, actor.name, actor.kind.rawValue, Figures.fixed(actor.capability, 1),
                          Figures.percent(total > 0 ? actor.capability / total : 0),
                          "\(actor.interests.values.filter { $0.salience > 0 }.count)"])
        }
        return "Actors (\(scenario.actors.count))\n" + table.render()
    }

    private func issues() -> String {
        var table = TextTable(header: ["issue", "lever", "option", "name", "position", "openness"], rightAligned: [4, 5])
        for issue in scenario.issues {
            for (index, option) in issue.options.enumerated() {
                let first = index == 0
                table.append([first ? issue.id : "", first ? issue.lever.rawValue : "",
                              option.id + (option.id == issue.statusQuo ? " (status quo)" : ""), option.name,
                              option.position.map { Figures.fixed($0, 0) } ?? "", Figures.signed(option.openness, 1)])
            }
        }
        let packages = scenario.issues.reduce(1.0) { $0 * Double($1.options.count) }
        return "Issues (\(scenario.issues.count), \(Figures.count(packages)) packages)\n" + table.render()
    }

    private func groupings() -> String {
        guard !scenario.groupings.isEmpty else { return "" }
        var table = TextTable(header: ["grouping", "name", "members"])
        for grouping in scenario.groupings {
            table.append([grouping.id, grouping.name, grouping.members.joined(separator: ", ")])
        }
        return "Groupings (\(scenario.groupings.count))\n" + table.render()
    }

    private func rules() -> String {
        guard !scenario.rules.isEmpty else { return "Rules: none (every non-empty coalition is viable)" }
        var table = TextTable(header: ["rule", "kind", "condition"])
        for rule in scenario.rules {
            let condition: String
            switch rule.kind {
            case .capabilityShare(let share): condition = "members hold at least \(Figures.percent(share)) of capability"
            case .minMembers(let count): condition = "at least \(count) members"
            case .includeAll(let ids): condition = "all of: " + ids.joined(separator: ", ")
            case .includeAny(let ids): condition = "at least one of: " + ids.joined(separator: ", ")
            }
            table.append([rule.id, rule.kind.name, condition])
        }
        return "Rules (\(scenario.rules.count))\n" + table.render()
    }

    private func links() -> String {
        let links = scenario.actors.flatMap { actor in actor.links.map { (actor.id, $0) } }
        guard !links.isEmpty else { return "" }
        var table = TextTable(header: ["actor", "when", "points", "note"], rightAligned: [2])
        for (actor, link) in links {
            let when = link.when.map { "\($0.issue) = \($0.options.joined(separator: " or "))" }.joined(separator: " and ")
            table.append([actor, when, Figures.signed(link.points, 1), link.note])
        }
        return "Links (\(links.count))\n" + table.render()
    }

    private func futureList() -> String {
        guard !futures.isEmpty else { return "" }
        var table = TextTable(header: ["future", "name", "description"])
        for future in futures { table.append([future.id, future.name, future.description]) }
        return "Futures (\(futures.count); --future ID shows one)\n" + table.render()
    }

    private func stances() -> String {
        var table = TextTable(header: ["actor", "issue", "salience", "values", "red lines"], rightAligned: [2])
        for actor in scenario.actors {
            for issue in scenario.issues {
                guard let interest = actor.interests[issue.id] else { continue }
                let values = issue.options.map { "\($0.id) \(Figures.fixed(interest.value(of: $0), 0))" }.joined(separator: ", ")
                table.append([actor.id, issue.id, Figures.fixed(interest.salience), values, interest.redLines.joined(separator: ", ")])
            }
        }
        return "Stances\n" + table.render()
    }
}
