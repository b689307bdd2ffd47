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

/// `entente pareto --json`.
struct ParetoReport: Encodable {
    struct Entry: Encodable {
        let options: [String: String]
        let utilities: [String: Double]
        let gains: [String: Double]
    }

    let actors: [String]
    let packages: [Entry]
    let candidates: Int
    let explored: UInt64
    let cancelled: Bool

    init(_ result: ParetoResult, scenario: Scenario) {
        let ids = result.actors.map { scenario.actors[$0].id }
        actors = ids
        packages = result.packages.map { evaluation in
            Entry(
                options: PackageJSON.options(evaluation.package, scenario),
                utilities: Dictionary(uniqueKeysWithValues: result.actors.map { (scenario.actors[$0].id, evaluation.utilities[$0]) }),
                gains: Dictionary(uniqueKeysWithValues: result.actors.map { (scenario.actors[$0].id, evaluation.gains[$0]) }))
        }
        candidates = result.candidates
        explored = result.explored
        cancelled = result.cancelled
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
