/// Everything Entente says about one package, in one value: the evaluation, bargaining
/// points for a group, holdouts and their sweeteners, stability, robustness, blocs bridged
/// and the pivotal members. `entente analyse` prints it; the workbench's coalition finder
/// shows it for the selected result.
public struct PackageAnalysis: Sendable {
    public let evaluation: PackageEvaluation
    /// The group bargained for: the actors asked about, or the package's coalition.
    public let group: [Int]
    /// Nil when the group is empty (no coalition, and no actors asked about).
    public let bargaining: BargainingPoints?
    public let holdouts: [Holdout]
    public let stability: Stability
    public let robustness: Robustness
    public let bridging: BridgingReport
    /// Members whose leaving would leave the coalition not viable (a rule would fail).
    public let pivotal: [Int]
    /// Every actor's power in the scenario's capability-weighted voting game; nil when the
    /// game is too large for exact counts.
    public let power: [PowerIndex]?

    /// Robustness settings: Monte Carlo draws, perturbation spread, worst-case delta, seed.
    public struct Settings: Sendable, Equatable {
        public var draws = 10_000
        public var spread = 0.1
        public var delta = 5.0
        public var seed: UInt64 = 1

        public init() {}
    }

    /// Analyses `package` under the search space of `request` (table, fixes, margin): every
    /// part uses the coalition's membership under the request's margin, and proposes
    /// changes only to issues on the table and not fixed (model.md, "Analysis of a package").
    /// `actors` limits the bargaining group and the holdouts listed; nil takes the coalition
    /// and every actor outside it. The request's budget bounds each of the two searches
    /// (bargaining, stability), and `cancellation` stops them; what they found is then
    /// marked incomplete or not proven.
    public init(_ scenario: Scenario, package: Package, request: SearchRequest = SearchRequest(), actors: [Int]? = nil,
                settings: Settings = Settings(), cancellation: CancellationFlag? = nil) throws(SearchRequestError) {
        let evaluator = PackageEvaluator(CompiledScenario(scenario, margin: request.margin))
        evaluation = evaluator.evaluate(package)
        group = actors ?? evaluation.coalition.members
        bargaining = group.isEmpty ? nil
            : try BargainingAnalysis(scenario).points(for: group, request: request, around: package, cancellation: cancellation)
        holdouts = try HoldoutAnalysis(scenario).holdouts(of: package, request: request, actors: actors)
        stability = try StabilityAnalysis(scenario).check(package, request: request, cancellation: cancellation)
        robustness = RobustnessAnalysis(scenario).analyse(package, draws: settings.draws, spread: settings.spread, delta: settings.delta,
                                                          seed: settings.seed, margin: request.margin, cancellation: cancellation)
        bridging = Bridging.analyse(evaluation.coalition, in: scenario)
        power = WeightedVotingGame(capabilitiesOf: scenario).indices()
        let coalition = evaluation.coalition
        pivotal = evaluation.viable ? coalition.members.filter { member in
            var without = ActorSet(capacity: scenario.actors.count, members: coalition.members)
            without.remove(member)
            return without.isEmpty || !evaluator.rulesHold(for: without)
        } : []
    }
}
