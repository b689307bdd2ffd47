import EntenteCore

/// One edit of the scenario, named by ids so that a key on the Issues or Interests screen
/// and a typed command reach the same code, and undo, the journal and the status message
/// treat every edit alike.
public enum ScenarioEdit: Equatable, Sendable {
    case split(issue: String, parts: [IssuePart])
    case merge(issue: String)
    case renameIssue(issue: String, name: String)
    case renameOption(issue: String, option: String, name: String)
    case openness(issue: String, option: String, Double)
    case describeOption(issue: String, option: String, description: String)
    case addOption(issue: String, option: String, name: String?)
    case dropOption(issue: String, option: String)
    case salience(actor: String, issue: String, Double)
    case value(actor: String, issue: String, option: String, Double)
    case redLine(actor: String, issue: String, option: String, Bool)
    /// The note on an actor's stance on an issue (empty: none).
    case note(actor: String, issue: String, String)
    /// An actor's links (format 2), by their place in the actor's own list (0-based).
    case addLink(actor: String, Link)
    case replaceLink(actor: String, index: Int, Link)
    case dropLink(actor: String, index: Int)
    /// The public table around the issues: an actor's capability, a grouping's members.
    case capability(actor: String, Double)
    case membership(grouping: String, actor: String, Bool)
    /// A coalition rule: set (added, or in place of the rule with its id) or dropped by id.
    case setRule(Rule)
    case dropRule(String)

    /// The actor whose private stance the edit changes, or nil for an edit of the table
    /// itself (issues and options), which only a seat that sees everything may make.
    public var stanceOf: String? {
        switch self {
        case .salience(let actor, _, _), .value(let actor, _, _, _), .redLine(let actor, _, _, _), .note(let actor, _, _),
             .addLink(let actor, _), .replaceLink(let actor, _, _), .dropLink(let actor, _): actor
        case .split, .merge, .renameIssue, .renameOption, .openness, .describeOption, .addOption, .dropOption, .capability, .membership,
             .setRule, .dropRule: nil
        }
    }

    /// The edited scenario, or why the edit cannot be made.
    public func apply(to scenario: Scenario) throws(ScenarioEditError) -> Scenario {
        switch self {
        case .split(let issue, let parts): try scenario.splitting(issue, into: parts)
        case .merge(let issue): try scenario.merging(issue)
        case .renameIssue(let issue, let name): try scenario.renamingIssue(issue, to: name)
        case .renameOption(let issue, let option, let name): try scenario.renamingOption(issue, option, to: name)
        case .openness(let issue, let option, let openness): try scenario.settingOpenness(issue, option, to: openness)
        case .describeOption(let issue, let option, let description): try scenario.describingOption(issue, option, as: description)
        case .addOption(let issue, let option, let name): try scenario.addingOption(issue, option, name: name)
        case .dropOption(let issue, let option): try scenario.droppingOption(issue, option)
        case .salience(let actor, let issue, let salience): try scenario.settingSalience(actor, issue, to: salience)
        case .value(let actor, let issue, let option, let value): try scenario.settingValue(actor, issue, option, to: value)
        case .redLine(let actor, let issue, let option, let on): try scenario.settingRedLine(actor, issue, option, on)
        case .note(let actor, let issue, let note): try scenario.notingStance(actor, issue, note)
        case .addLink(let actor, let link): try scenario.addingLink(actor, link)
        case .replaceLink(let actor, let index, let link): try scenario.replacingLink(actor, at: index, with: link)
        case .dropLink(let actor, let index): try scenario.droppingLink(actor, at: index)
        case .capability(let actor, let capability): try scenario.settingCapability(actor, to: capability)
        case .membership(let grouping, let actor, let member): try scenario.settingMembership(grouping, actor, member)
        case .setRule(let rule): try scenario.settingRule(rule)
        case .dropRule(let id): try scenario.droppingRule(id)
        }
    }

    /// What the status bar says once the edit is made to `scenario`.
    public func summary(in scenario: Scenario) -> String {
        switch self {
        case .split(let issue, let parts): "split \(issue) into \(parts.map(\.id).joined(separator: ", ")): their stances are edited on Interests, :merge \(issue) bundles them back"
        case .merge(let issue): "merged the parts back into \(scenario.issueIndex(issue).flatMap { scenario.issues[$0].parent } ?? issue)"
        case .renameIssue(let issue, let name): "\(issue) is now called \(name)"
        case .renameOption(let issue, let option, let name): "\(Scenario.assignment(issue, option)) is now called \(name)"
        case .openness(let issue, let option, let openness): "\(Scenario.assignment(issue, option)): openness \(Figures.signed(openness, 1))"
        case .describeOption(let issue, let option, _): "\(Scenario.assignment(issue, option)) has a new description"
        case .addOption(let issue, let option, _): "added \(option) to \(issue); everyone values it as the status quo until you set values"
        case .dropOption(let issue, let option): "dropped \(option) from \(issue)"
        case .salience(let actor, let issue, let salience): "\(actor) on \(issue): salience \(Figures.fixed(salience))"
        case .value(let actor, let issue, let option, let value): "\(actor) on \(issue): \(option) is worth \(Figures.fixed(value, 0))"
        case .redLine(let actor, let issue, let option, let on): "\(actor) on \(issue): \(on ? "red line on" : "no red line on") \(option)"
        case .note(let actor, let issue, let note): note.isEmpty ? "\(actor) on \(issue): note removed" : "\(actor) on \(issue): note set"
        case .addLink(let actor, let link):
            "\(actor): link \((scenario.actorIndex(actor).map { scenario.actors[$0].links.count } ?? 0) + 1) added, \(LinkWords.summary(link))"
        case .replaceLink(let actor, let index, let link): "\(actor): link \(index + 1) is now \(LinkWords.summary(link))"
        case .dropLink(let actor, let index): "\(actor): dropped link \(index + 1)"
        case .capability(let actor, let capability): "\(actor): capability \(Figures.fixed(capability))"
        case .membership(let grouping, let actor, let member): member ? "\(actor) joined the grouping \(grouping)" : "\(actor) left the grouping \(grouping)"
        case .setRule(let rule):
            scenario.rules.contains { $0.id == rule.id } ? "rule \(rule.id) is now: \(rule.kind.words)" : "rule \(rule.id) added: \(rule.kind.words)"
        case .dropRule(let id): "dropped rule \(id)" + (scenario.rules.first { $0.id == id }.map { " (\($0.kind.words))" } ?? "")
        }
    }

    /// After a change of an actor's values or red lines on an issue whose stance carries a
    /// note: a reminder that the note was the author's words for the old numbers (the brief
    /// derives what the values say afresh, but cannot rewrite a note). Nil otherwise.
    public func staleNote(in scenario: Scenario) -> String? {
        let (actor, issue): (String, String)
        switch self {
        case .value(let who, let what, _, _), .redLine(let who, let what, _, _): (actor, issue) = (who, what)
        default: return nil
        }
        guard let index = scenario.actorIndex(actor), let note = scenario.actors[index].interests[issue]?.note, !note.isEmpty else { return nil }
        return "its note was written for the old values (:note \(actor) \(issue) TEXT rewrites it)"
    }
}
