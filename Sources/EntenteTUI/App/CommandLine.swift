import EntenteCore

/// The `:` command line: what is typed, the history, and how a line becomes actions.
/// Every command maps onto actions a key could also send, so workshops can script
/// demonstrations.
public struct CommandLineState: Equatable, Sendable {
    public var text = ""
    /// Earlier commands, oldest first, and where Up/Down have got to in them.
    public var history: [String] = []
    public var recall: Int?
}

/// Parses command lines and completes them.
public enum Commands {
    public static let names = ["brief", "discard", "fix", "help", "open", "quit", "redo", "restore", "save", "search", "table", "undo"]

    /// The actions a command line asks for, or a message saying what is wrong.
    public static func parse(_ line: String, scenario: Scenario) -> Result<[Action], CommandError> {
        let words = line.split(separator: " ").map(String.init)
        guard var name = words.first else { return .success([]) }
        let force = name.hasSuffix("!")
        if force { name.removeLast() }
        let arguments = Array(words.dropFirst())
        switch name {
        case "q", "quit": return .success(force ? [.discardJournal, .quit, .quit] : [.quit])
        case "undo": return .success([.undo])
        case "redo": return .success([.redo])
        case "restore": return .success([.restoreJournal])
        case "discard": return .success([.discardJournal])
        case "help": return .success([.toggleHelp])
        case "search":
            var actions: [Action] = [.show(.finder)]
            if let objective = arguments.first {
                guard let chosen = Objective(rawValue: objective) else {
                    return .failure(CommandError("unknown objective '\(objective)'; expected one of: \(Objective.allCases.map(\.rawValue).joined(separator: ", "))"))
                }
                actions.append(.setObjective(chosen))
            }
            return .success(actions + [.runSearch])
        case "fix":
            guard arguments.count == 1 else { return .failure(CommandError(":fix takes ISSUE=OPTION")) }
            let parts = arguments[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return .failure(CommandError(":fix takes ISSUE=OPTION")) }
            do {
                let package = try scenario.package([parts[0]: parts[1]])
                let issue = scenario.issueIndex(parts[0])!
                return .success([.show(.builder), .setOption(issue: issue, option: package.choices[issue])])
            } catch {
                return .failure(CommandError(error.description))
            }
        case "table":
            guard arguments.count == 2, let issue = scenario.issueIndex(arguments[0]), ["on", "off"].contains(arguments[1]) else {
                return .failure(CommandError(":table takes ISSUE on|off, with ISSUE one of: \(scenario.issues.map(\.id).joined(separator: ", "))"))
            }
            return .success([.setOnTable(issue: issue, arguments[1] == "on")])
        case "open":
            guard arguments.count == 1 else { return .failure(CommandError(":open takes a file")) }
            return .success([.requestOpen(arguments[0])])
        case "save":
            guard arguments.count <= 1 else { return .failure(CommandError(":save takes at most a file")) }
            return .success([.requestSave(arguments.first, force: force)])
        case "brief":
            guard arguments.count == 1 else { return .failure(CommandError(":brief takes a file")) }
            return .success([.requestBrief(arguments[0], force: force)])
        default:
            return .failure(CommandError("unknown command '\(name)'; expected one of: \(names.joined(separator: ", "))"))
        }
    }

    /// The line completed as far as it is unambiguous: command names, objectives after
    /// `search`, issue ids after `fix` and `table`, option ids after `fix ISSUE=`.
    public static func complete(_ line: String, scenario: Scenario) -> String {
        let endsWithSpace = line.hasSuffix(" ")
        var words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if endsWithSpace { words[words.count - 1] = "" }
        guard let last = words.last else { return line }
        let candidates: [String]
        var prefix = ""
        var partial = last
        if words.count == 1 {
            candidates = names
        } else {
            switch words[0] {
            case "search": candidates = Objective.allCases.map(\.rawValue)
            case "table" where words.count == 2: candidates = scenario.issues.map(\.id)
            case "table": candidates = ["on", "off"]
            case "fix":
                if let equals = last.firstIndex(of: "="), let issue = scenario.issues.first(where: { $0.id == String(last[..<equals]) }) {
                    prefix = String(last[...equals])
                    partial = String(last[last.index(after: equals)...])
                    candidates = issue.options.map(\.id)
                } else {
                    candidates = scenario.issues.map { $0.id + "=" }
                }
            default: candidates = []
            }
        }
        let matches = candidates.filter { $0.hasPrefix(partial) }
        guard let first = matches.first else { return line }
        var common = first
        for match in matches.dropFirst() {
            while !match.hasPrefix(common) { common.removeLast() }
        }
        let completed = prefix + common + (matches.count == 1 && !common.hasSuffix("=") ? " " : "")
        return (words.dropLast() + [completed]).joined(separator: " ")
    }
}

/// A command line that cannot be carried out, and why.
public struct CommandError: Error, Equatable, Sendable {
    public let message: String

    public init(_ message: String) { self.message = message }
}
