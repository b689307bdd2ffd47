/// How one package fares today and in every future of a scenario: for each, the package
/// evaluated in that future's scenario, and what changed against today (who left the
/// coalition, who joined, which rules fail). `entente futures` and the briefs show it.
///
/// ```swift
/// let outlook = FutureOutlook(scenario, package: package)
/// for row in outlook.rows { print(row.id, row.evaluation.viable, row.left) }
/// ```
public struct FutureOutlook: Sendable {
    /// One future (or today) and the package in it.
    public struct Row: Sendable {
        /// `today` or the future's id.
        public let id: String
        public let name: String
        /// The scenario of this future (today's scenario for today).
        public let scenario: Scenario
        public let evaluation: PackageEvaluation
        /// Members of today's coalition that are not members here, in actor order.
        public let left: [Int]
        /// Members here that are not members today, in actor order.
        public let joined: [Int]
        /// The ids of the rules that fail here, in the order of this future's rules.
        public let failedRules: [String]
    }

    /// Today first, then every future in scenario order.
    public let rows: [Row]

    /// Evaluates `package` today and in every future of `scenario`; `margin` is the extra
    /// gain every member must exceed, as in a search.
    public init(_ scenario: Scenario, package: Package, margin: Double = 0) {
        let today = Self.evaluate(package, in: scenario, margin: margin)
        var rows = [Row(id: Future.todayID, name: "Today", scenario: scenario, evaluation: today, left: [], joined: [],
                        failedRules: Self.failed(today))]
        for future in scenario.futures {
            let applied = scenario.applying(future)
            let evaluation = Self.evaluate(package, in: applied, margin: margin)
            let actors = scenario.actors.indices
            rows.append(Row(
                id: future.id, name: future.name, scenario: applied, evaluation: evaluation,
                left: actors.filter { today.coalition.contains($0) && !evaluation.coalition.contains($0) },
                joined: actors.filter { !today.coalition.contains($0) && evaluation.coalition.contains($0) },
                failedRules: Self.failed(evaluation)))
        }
        self.rows = rows
    }

    /// The row of one future (or `today`), if the scenario has it.
    public func row(_ id: String) -> Row? { rows.first { $0.id == id } }

    private static func evaluate(_ package: Package, in scenario: Scenario, margin: Double) -> PackageEvaluation {
        PackageEvaluator(CompiledScenario(scenario, margin: margin)).evaluate(package)
    }

    private static func failed(_ evaluation: PackageEvaluation) -> [String] {
        evaluation.rules.filter { !$0.holds }.map(\.id)
    }
}
