import EntenteCore

/// `entente search --json`: field names are documented in docs/cli.md and kept stable.
struct SearchReport: Encodable {
    struct Entry: Encodable {
        let options: [String: String]
        let coalition: [String]
        let viable: Bool
        let objectives: [String: Double]
        let gains: [String: Double]
        let rules: [String: Bool]

        init(_ evaluation: PackageEvaluation, scenario: Scenario) {
            options = PackageJSON.options(evaluation.package, scenario)
            coalition = evaluation.coalition.members.map { scenario.actors[$0].id }
            viable = evaluation.viable
            objectives = Dictionary(uniqueKeysWithValues: Objective.allCases.map { ($0.rawValue, evaluation.objective($0)) })
            gains = PackageJSON.byActor(evaluation.gains, scenario)
            rules = Dictionary(evaluation.rules.map { ($0.id, $0.holds) }, uniquingKeysWith: { first, _ in first })
        }
    }

    let objective: String
    let packages: [Entry]
    let explored: UInt64
    let spaceSize: Double
    let cancelled: Bool
    let strategy: String
    let proven: Bool
    let ruledOut: Double

    init(_ result: SearchResult, scenario: Scenario, objective: Objective) {
        self.objective = objective.rawValue
        strategy = result.strategy.rawValue
        proven = result.proven
        ruledOut = result.ruledOut
        packages = result.packages.map { Entry($0, scenario: scenario) }
        explored = result.explored
        spaceSize = result.spaceSize
        cancelled = result.cancelled
    }
}

/// `entente pareto --json`, written straight into bytes: a set can hold tens of thousands
/// of packages, too many to build as one value first. The same bytes `JSONText.encode` gave
/// for its fields (`actors`, `cancelled`, `candidates`, `explored`, `future`, and per
/// package `gains`, `options`, `utilities`), keys sorted.
enum ParetoReport {
    /// The report of a set found in `future` (a future's id, or "today").
    static func json(_ result: ParetoResult, scenario: Scenario, future: String) -> JSONWriter {
        let ids = result.actors.map { scenario.actors[$0].id }
        // The group's actors and the issues in the order of their ids, as sorted keys, and
        // every key and option id escaped once.
        let members = JSONWriter.sortedKeys(ids).map { id in ids.firstIndex(of: id)! }
        let memberKeys = ids.map(JSONWriter.encoded)
        let issueIDs = scenario.issues.map(\.id)
        let issues = JSONWriter.sortedKeys(issueIDs).map { id in issueIDs.firstIndex(of: id)! }
        let issueKeys = issueIDs.map(JSONWriter.encoded)
        let optionIDs = scenario.issues.map { $0.options.map { JSONWriter.encoded($0.id) } }
        let gainsKey = JSONWriter.encoded("gains"), optionsKey = JSONWriter.encoded("options")
        let utilitiesKey = JSONWriter.encoded("utilities")
        var json = JSONWriter(capacity: 1 << 16)
        json.beginObject()
        json.key("actors")
        json.beginArray()
        for id in ids { json.string(id) }
        json.endArray()
        json.key("cancelled")
        json.bool(result.cancelled)
        json.key("candidates")
        json.integer(result.candidates)
        json.key("explored")
        json.integer(result.explored)
        json.key("future")
        json.string(future)
        json.key("packages")
        json.beginArray()
        for (index, package) in result.packages.enumerated() {
            let before = json.bytes.count
            json.beginObject()
            json.key(gainsKey)
            json.beginObject()
            for member in members {
                json.key(memberKeys[member])
                json.number(result.gain(index, member: member))
            }
            json.endObject()
            json.key(optionsKey)
            json.beginObject()
            for issue in issues {
                json.key(issueKeys[issue])
                json.string(optionIDs[issue][package.choices[issue]])
            }
            json.endObject()
            json.key(utilitiesKey)
            json.beginObject()
            for member in members {
                json.key(memberKeys[member])
                json.number(result.utility(index, member: member))
            }
            json.endObject()
            json.endObject()
            // The first package says about how long the others are.
            if index == 0 { json.reserveCapacity((json.bytes.count - before + 16) * result.packages.count) }
        }
        json.endArray()
        json.endObject()
        json.endDocument()
        return json
    }
}

enum PackageJSON {
    /// Every issue with the option in force, issues off the table at their status quo.
    static func options(_ package: Package, _ scenario: Scenario) -> [String: String] {
        Dictionary(uniqueKeysWithValues: package.options(in: scenario).map { ($0.issue, $0.option) })
    }

    static func byActor(_ values: [Double], _ scenario: Scenario) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: zip(scenario.actors, values).map { ($0.id, $1) })
    }
}
