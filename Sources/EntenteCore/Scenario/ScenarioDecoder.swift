import Yams

/// Turns the YAML node tree of a scenario file into a `Scenario`, checking structure,
/// ranges and every cross-reference, and collecting all problems with their locations.
///
/// Issues are decoded first so that actors' stances can be checked against their options;
/// then actors, groupings (which name actors) and rules (which name actors and groupings).
struct ScenarioDecoder {
    let fields: YAMLFields

    /// The format versions this decoder reads: 1, and 2, which adds links, futures and role briefs.
    static let formatVersions = 1...2

    /// The version a scenario is written in: the oldest that can hold it.
    static func formatVersion(for scenario: Scenario) -> Int { scenario.needsFormat2 ? 2 : 1 }

    func decode(_ root: Node) -> Scenario? {
        guard let top = fields.mapping(
            root, what: "the scenario",
            required: ["entente", "title", "actors", "issues"],
            optional: ["source", "groupings", "rules", "futures"])
        else { return nil }

        var version = Self.formatVersions.upperBound
        if let node = top["entente"], let declared = fields.integer(node, what: "format version", atLeast: 1) {
            if Self.formatVersions.contains(declared) {
                version = declared
            } else {
                fields.report(node, "unsupported format version \(declared); expected entente: 1 or entente: 2")
            }
        }
        let title = top["title"].flatMap { fields.string($0, what: "title") } ?? ""
        let source = top["source"].flatMap { fields.string($0, what: "source") } ?? ""

        let issues = top["issues"].map(decodeIssues) ?? []
        let actors = top["actors"].map { decodeActors($0, issues: issues, version: version) } ?? []
        let groupings = top["groupings"].map { decodeGroupings($0, actors: actors) } ?? []
        let rules = top["rules"].map { decodeRules($0, actors: actors, groupings: groupings) } ?? []
        var futures: [Future] = []
        if let node = top["futures"] {
            if requireVersion2(version, for: "futures", at: top.keys["futures"]!) {
                let today = Scenario(title: title, actors: actors, issues: issues, groupings: groupings, rules: rules)
                futures = decodeFutures(node, today: today)
            }
        }

        return Scenario(title: title, source: source, actors: actors, issues: issues, groupings: groupings, rules: rules, futures: futures)
    }

    /// Reports `what` at `node` unless the file declares version 2; true when it does.
    func requireVersion2(_ version: Int, for what: String, at node: Node) -> Bool {
        guard version < 2 else { return true }
        fields.report(node, "\(what) need format version 2; declare 'entente: 2' at the top of the file")
        return false
    }

    // MARK: Issues

    private func decodeIssues(_ node: Node) -> [Issue] {
        guard let entries = fields.sequence(node, what: "issues") else { return [] }
        fields.checkCount(entries, of: node, what: "issues", in: Limits.issues)
        var ids: [(id: String, node: Node)] = []
        var parents: [(parent: String, node: Node, issue: String)] = []
        var issues: [Issue] = []
        for entry in entries {
            guard let issue = fields.mapping(
                entry, what: "an issue",
                required: ["id", "name", "statusQuo", "options"],
                optional: ["lever", "parent"])
            else { continue }
            guard let idNode = issue["id"], let id = fields.identifier(idNode, what: "issue id") else { continue }
            ids.append((id, idNode))
            let name = issue["name"].flatMap { fields.string($0, what: "issue name") } ?? id
            let lever = issue["lever"].flatMap { fields.choice($0, what: "lever", as: Lever.self) } ?? .other
            var parent: String?
            if let node = issue["parent"], !fields.isNull(node), let value = fields.identifier(node, what: "parent issue id") {
                parent = value
                parents.append((value, node, id))
            }
            let options = issue["options"].map { decodeOptions($0, issue: id) } ?? []
            var statusQuo = ""
            if let node = issue["statusQuo"], let value = fields.identifier(node, what: "status quo option id") {
                statusQuo = value
                if !options.isEmpty && !options.contains(where: { $0.id == value }) {
                    fields.report(node, "status quo '\(value)' is not an option of issue '\(id)'; expected one of: \(options.map(\.id).joined(separator: ", "))")
                }
            }
            issues.append(Issue(id: id, name: name, lever: lever, parent: parent, statusQuo: statusQuo, options: options))
        }
        fields.reportDuplicates(ids, what: "issue id")
        let known = Set(ids.map(\.id))
        for (parent, node, _) in parents {
            // The broad issue is replaced by its parts: on the table together they would count twice.
            if known.contains(parent) {
                fields.report(node, "parent '\(parent)' is still an issue of this scenario; expected the id of the broad issue its parts replaced")
            }
        }
        return issues
    }

    private func decodeOptions(_ node: Node, issue: String) -> [IssueOption] {
        guard let entries = fields.sequence(node, what: "options") else { return [] }
        if entries.isEmpty {
            fields.report(node, "issue '\(issue)' has no options; expected at least one (its status quo)")
        }
        if entries.count > Limits.options.upperBound {
            fields.report(node, "issue '\(issue)' has \(entries.count) options; expected at most \(Limits.options.upperBound)")
        }
        var ids: [(id: String, node: Node)] = []
        var options: [IssueOption] = []
        for entry in entries {
            if case .scalar = entry {
                guard let id = fields.identifier(entry, what: "option id") else { continue }
                ids.append((id, entry))
                options.append(IssueOption(id: id))
                continue
            }
            guard let option = fields.mapping(
                entry, what: "an option",
                required: ["id"], optional: ["name", "position", "openness", "description"])
            else { continue }
            guard let idNode = option["id"], let id = fields.identifier(idNode, what: "option id") else { continue }
            ids.append((id, idNode))
            options.append(IssueOption(
                id: id,
                name: option["name"].flatMap { fields.string($0, what: "option name") },
                position: option["position"].flatMap { fields.number($0, what: "position", in: Limits.position) },
                openness: option["openness"].flatMap { fields.number($0, what: "openness", in: Limits.openness) } ?? 0,
                description: option["description"].flatMap { fields.string($0, what: "description") } ?? ""))
        }
        fields.reportDuplicates(ids, what: "option id in issue '\(issue)'")
        return options
    }
}
