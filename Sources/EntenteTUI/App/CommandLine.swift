import EntenteCore

/// The `:` command line: what is typed, where Up/Down have got to in the history, and the
/// candidates the last Tab left open (shown above the line until the next key).
public struct CommandLineState: Equatable, Sendable {
    public var text = ""
    public var recall: Int?
    public var candidates: [String] = []

    public init(text: String = "") { self.text = text }

    /// What the row above the line says: the candidates Tab could not choose between, or
    /// the form of the command being typed and what it does.
    public var hint: String? {
        if !candidates.isEmpty { return Key.tab.label + ": " + candidates.joined(separator: " ") }
        guard let name = text.split(separator: " ").first.map({ String($0).trimmingCharacters(in: ["!"]) }) else { return nil }
        return Commands.help(for: name)
    }
}

/// Parses command lines and completes them. Every command maps onto actions a key could
/// also send, so workshops can script demonstrations.
public enum Commands {
    /// Each command with what its words are, for completion and for the help text.
    public static let usage: [(name: String, words: [Word], help: String)] = [
        ("annotate", [.number, .text], "annotate pinned package N (no text: drop the note)"),
        ("as", [.actorOrAll], "workshop view: show only this actor's stance (all: everybody's)"),
        ("brief", [.file, .text], "write the builder's package's brief: brief FILE [--for ACTOR] [--format text|md|json] (.md and .json files choose their format)"),
        ("build", [], "open the finder's selected result in the builder"),
        ("cancel", [], "stop a running search"),
        ("capability", [.actor, .number], "set an actor's capability (its clout in the capability share)"),
        ("choose", [.issueOption], "set one issue's option in the builder"),
        ("compare", [.file], "write Compare's table of the pins to a file, Markdown for FILE.md (compare! overwrites)"),
        ("discard", [], "drop the unsaved edits offered from the journal"),
        ("exclude", [.actor], "searches: keep this actor out of every coalition"),
        ("filter", [.text], "filter the current list (actors on Interests, results in the finder); no text clears it"),
        ("fix", [.issueOption], "hold an issue at an option in the builder and searches (no =OPTION: release it)"),
        ("free", [.actorOrAll], "searches: drop the require/exclude on an actor (all: and the minimum size)"),
        ("future", [.future], "show the scenario in one of its futures (today: as written); edits still change today's"),
        ("group", [.groupingOrAll], "Interests: show one grouping's members (all: everybody)"),
        ("grouping", [.grouping, .memberVerb, .actor], "put an actor in a grouping (add) or take it out (drop)"),
        ("help", [.command], "list the commands; help NAME says one command's form"),
        ("link", [.actor, .linkVerb, .text], "an actor's links: add POINTS ISSUE=OPTION[,OPTION…] ISSUE=… [NOTE], edit N POINTS ISSUE=… [NOTE], drop N"),
        ("merge", [.issue], "bundle the parts of a split issue back into one"),
        ("min", [.number], "searches: coalitions need at least this many members"),
        ("name", [.number, .text], "name pinned package N (no name: back to Package N)"),
        ("note", [.actor, .issue, .text], "set the note on an actor's stance on an issue (no text removes it)"),
        ("open", [.file], "open another scenario (asks first when edits are unsaved; open! leaves them in the journal)"),
        ("option", [.issue, .optionVerb, .option, .text], "on an issue: add ID [NAME], drop ID, rename ID NAME, openness ID NUMBER, describe ID TEXT"),
        ("order", [.actorOrder], "Interests: order the actors (scenario, salience, capability, grouping)"),
        ("pin", [], "pin the builder's package (in the finder: the selected result) for Compare"),
        ("quit", [], "quit (quit! drops unsaved changes)"),
        ("redline", [.actor, .issue, .option, .onOff], "put an actor's red line on an option, or take it off"),
        ("redo", [], "redo the last undone edit"),
        ("rename", [.issue, .text], "rename an issue"),
        ("require", [.actor], "searches: every coalition must include this actor"),
        ("reset", [], "put the builder back at the status quo"),
        ("restore", [], "load the unsaved edits offered from the journal"),
        ("robust", [.objective], "run the coalition finder across today and every future, ranking by the worst case"),
        ("rule", [.rule, .ruleKind, .ruleValue], "set a coalition rule (Overview lists them): rule ID capability-share SHARE (0.5 or 50%), "
            + "rule ID min-members COUNT, rule ID include-all ACTOR…, rule ID include-any ACTOR|GROUPING…; rule ID drop drops it"),
        ("salience", [.actor, .issue, .number], "set how much an issue matters to an actor"),
        ("save", [.file], "save the scenario (save! overwrites a file changed on disk)"),
        ("search", [.objective], "run the coalition finder in the future shown, ranking by an objective"),
        ("show", [.screen], "show a screen, by number or name"),
        ("sort", [.column], "sort the finder's results by a column"),
        ("split", [.issue, .text], "unbundle an issue: split ISSUE PART[:OPT,OPT…] PART…"),
        ("table", [.issue, .onOff], "put an issue on or off the table"),
        ("undo", [], "undo the last edit"),
        ("unpin", [], "clear the pinned packages"),
        ("why", [.actorOrAll], "builder and finder: why an actor is in or out of the coalition (all: stop explaining)"),
        ("value", [.actor, .issue, .option, .number], "set an actor's value (0…100) for an option"),
    ]

    /// The commands of a workshop table (`entente join`), listed by `:help` only there.
    public static let tableUsage: [(name: String, words: [Word], help: String)] = [
        ("accept", [.number], "accept the selected proposal, or proposal N"),
        ("announce", [.onOff], "facilitator: tell everyone of stance edits (off: only the actor's seat)"),
        ("broadcast", [.text], "facilitator: announce something to every seat"),
        ("close", [], "facilitator: close the round; sealed answers are shown"),
        ("counter", [.text], "counter the selected proposal with the builder's package [to SEAT…]"),
        ("debrief", [], "facilitator: show the debrief of the table so far"),
        ("extend", [.number], "facilitator: give the round SECONDS more"),
        ("inject", [.future, .text], "facilitator: bring a future into force, for everyone or [SEAT…]"),
        ("pause", [], "facilitator: stop the round's clock"),
        ("propose", [.text], "put the builder's package on the table, to everyone or [SEAT…]"),
        ("reassign", [.text, .text], "facilitator: hand SEAT to a person or to the engine"),
        ("reject", [.number], "reject the selected proposal, or proposal N"),
        ("resetseat", [.text], "facilitator: give SEAT a new join code (its connection closes)"),
        ("resume", [], "facilitator: let the round's clock go on"),
        ("reveal", [], "facilitator: show every seat every stance, answer and message"),
        ("say", [.text], "make a statement to everyone at the table"),
        ("start", [.number], "facilitator: start the next round [SECONDS long]"),
        ("tell", [.text, .text], "message seats privately: tell SEAT[,SEAT] TEXT"),
        ("vote", [.number], "facilitator: call a vote on the selected proposal, or proposal N"),
        ("withdraw", [.number], "withdraw your selected proposal, or proposal N"),
    ]

    /// What a command's word is, so that completion knows what to offer.
    public enum Word: Sendable {
        case actor, actorOrAll, actorOrder, issue, issueOption, option, optionVerb, onOff, number, text, file, objective, column, screen, groupingOrAll
        case future, linkVerb, command, grouping, memberVerb
        /// A rule's id, its kind (or drop), and what the kind takes: a number or ids, as many as wanted.
        case rule, ruleKind, ruleValue

        /// How a command's form writes the word.
        var placeholder: String {
            switch self {
            case .actor: "ACTOR"
            case .actorOrAll: "ACTOR|all"
            case .actorOrder: "ORDER"
            case .issue: "ISSUE"
            case .issueOption: "ISSUE=OPTION"
            case .option: "OPTION"
            case .optionVerb: "add|drop|rename|openness|describe"
            case .onOff: "on|off"
            case .number: "NUMBER"
            case .text: "TEXT"
            case .file: "FILE"
            case .objective: "OBJECTIVE"
            case .column: "COLUMN"
            case .screen: "SCREEN"
            case .groupingOrAll: "GROUPING|all"
            case .future: "FUTURE|today"
            case .linkVerb: "add|edit|drop"
            case .command: "[COMMAND]"
            case .grouping: "GROUPING"
            case .memberVerb: "add|drop"
            case .rule: "ID"
            case .ruleKind: "KIND|drop"
            case .ruleValue: "VALUE…"
            }
        }
    }

    public static var names: [String] { (usage + tableUsage).map(\.name).sorted() }

    /// A command's form, its words written as placeholders: `value ACTOR ISSUE OPTION NUMBER`.
    public static func syntax(_ name: String) -> String? {
        guard let command = usage.first(where: { $0.name == name }) else { return nil }
        return ([name] + command.words.map(\.placeholder)).joined(separator: " ")
    }

    /// A command's form and what it does, as `:help NAME` and the line's hint say it.
    public static func help(for name: String) -> String? {
        guard let syntax = syntax(name), let command = usage.first(where: { $0.name == name }) else { return nil }
        return "\(syntax): \(command.help)"
    }

    /// The actions a command line asks for, or a message saying what is wrong.
    public static func parse(_ line: String, scenario: Scenario) -> Result<[Action], CommandError> {
        let words = line.split(separator: " ").map(String.init)
        guard var name = words.first else { return .success([]) }
        let force = name.hasSuffix("!")
        if force { name.removeLast() }
        do {
            return .success(try CommandParser(words: Array(words.dropFirst()), scenario: scenario, force: force).actions(name == "q" ? "quit" : name))
        } catch {
            return .failure(error)
        }
    }

    /// The line completed as far as it is unambiguous (command names, then ids, options
    /// and keywords as each command's words expect them), and the candidates left when
    /// more than one fits.
    public static func complete(_ line: String, scenario: Scenario) -> (text: String, candidates: [String]) {
        var words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard let last = words.last else { return (line, []) }
        var prefix = ""
        var partial = last
        let candidates: [String]
        if words.count == 1 {
            candidates = names
        } else if let command = (usage + tableUsage).first(where: { $0.name == words[0] }),
                  let word = words.count - 2 < command.words.count ? command.words[words.count - 2] : command.words.last.flatMap({ $0 == .ruleValue ? $0 : nil }) {
            switch word {
            case .actor: candidates = scenario.actors.map(\.id)
            case .actorOrAll: candidates = scenario.actors.map(\.id) + ["all"]
            case .issue: candidates = scenario.issues.map(\.id)
            case .option:
                let issue = scenario.issues.first { words.contains($0.id) }
                candidates = issue?.options.map(\.id) ?? []
            case .issueOption:
                if let equals = last.firstIndex(of: "="), let issue = scenario.issues.first(where: { $0.id == String(last[..<equals]) }) {
                    prefix = String(last[...equals])
                    partial = String(last[last.index(after: equals)...])
                    candidates = issue.options.map(\.id)
                } else {
                    candidates = scenario.issues.map { $0.id + "=" }
                }
            case .optionVerb: candidates = ["add", "describe", "drop", "openness", "rename"]
            case .linkVerb: candidates = ["add", "drop", "edit"]
            case .future: candidates = [Future.todayID] + scenario.futures.map(\.id)
            case .onOff: candidates = ["on", "off"]
            case .objective: candidates = Objective.allCases.map(\.rawValue)
            case .column: candidates = FinderColumn.allCases.map(\.name)
            case .screen: candidates = ScreenID.allCases.map(\.name)
            case .groupingOrAll: candidates = scenario.groupings.map(\.id) + ["all"]
            case .grouping: candidates = scenario.groupings.map(\.id)
            case .memberVerb: candidates = ["add", "drop"]
            case .rule: candidates = scenario.rules.map(\.id)
            case .ruleKind: candidates = RuleKind.names + ["drop"]
            case .ruleValue:
                switch words[2] {
                case "include-all": candidates = scenario.actors.map(\.id)
                case "include-any": candidates = scenario.actors.map(\.id) + scenario.groupings.map(\.id)
                default: candidates = []
                }
            case .actorOrder: candidates = ActorOrder.allCases.map(\.rawValue)
            case .command: candidates = names
            case .number, .text, .file: candidates = []
            }
        } else {
            candidates = []
        }
        let matches = candidates.filter { $0.hasPrefix(partial) }
        guard let first = matches.first else { return (line, []) }
        var common = first
        for match in matches.dropFirst() {
            while !match.hasPrefix(common) { common.removeLast() }
        }
        let completed = prefix + common + (matches.count == 1 && !common.hasSuffix("=") ? " " : "")
        words[words.count - 1] = completed
        return (words.joined(separator: " "), matches.count > 1 ? matches : [])
    }
}

/// A command line that cannot be carried out, and why.
public struct CommandError: Error, Equatable, Sendable {
    public let message: String

    public init(_ message: String) { self.message = message }
}

extension ScreenID {
    /// The screen's name for `:show`: the last word of its title, in lower case.
    var name: String { String(title.split(separator: " ").last!).lowercased() }
}

extension FinderColumn {
    /// The column's name for `:sort`.
    var name: String { header == "#" ? "rank" : header.lowercased() }
}
