import EntenteCore
import EntenteSession

/// A facilitator's change to one actor's private stance mid-game (an inject): the stance
/// edits of `ScenarioEdit`, in a form that can be logged and sent.
public enum StanceEdit: Codable, Hashable, Sendable {
    case salience(issue: String, salience: Double)
    case value(issue: String, option: String, value: Double)
    case redLine(issue: String, option: String, on: Bool)
    case addLink(link: LinkTerms)
    /// The actor's link at this place in its own list (0-based).
    case dropLink(index: Int)

    /// The session's edit of `actor`'s stance.
    public func scenarioEdit(of actor: String) -> ScenarioEdit {
        switch self {
        case .salience(let issue, let salience): .salience(actor: actor, issue: issue, salience)
        case .value(let issue, let option, let value): .value(actor: actor, issue: issue, option: option, value)
        case .redLine(let issue, let option, let on): .redLine(actor: actor, issue: issue, option: option, on)
        case .addLink(let link): .addLink(actor: actor, link.link)
        case .dropLink(let index): .dropLink(actor: actor, index: index)
        }
    }
}

/// A link (a bonus or penalty for options taken together) as the log and the wire hold it.
public struct LinkTerms: Codable, Hashable, Sendable {
    /// Issue id → the options under which the link holds, in the link's order.
    public var when: [Condition]
    public var points: Double
    public var note: String

    /// One issue the link names and the options of it under which the link holds.
    public struct Condition: Codable, Hashable, Sendable {
        public var issue: String
        public var options: [String]

        public init(issue: String, options: [String]) {
            self.issue = issue
            self.options = options
        }
    }

    public init(when: [Condition], points: Double, note: String = "") {
        self.when = when
        self.points = points
        self.note = note
    }

    public init(_ link: Link) {
        self.init(when: link.when.map { Condition(issue: $0.issue, options: $0.options) }, points: link.points, note: link.note)
    }

    public var link: Link { Link(when: when.map { LinkCondition(issue: $0.issue, options: $0.options) }, points: points, note: note) }
}
