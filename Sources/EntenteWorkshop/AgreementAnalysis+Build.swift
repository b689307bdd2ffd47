import EntenteCore
import Foundation

extension AgreementAnalysis {
    /// What was possible for the agreement's members, by the engine's existing analyses in
    /// the scenario in force when it was reached: the members' Pareto set (`ParetoSearch`),
    /// their Nash and Kalai–Smorodinsky points (`BargainingAnalysis`), the best packages with
    /// a larger coalition (`PackageSearch`) and the holdouts (`HoldoutAnalysis`).
    init(_ agreement: Agreement, package: Package, evaluation: PackageEvaluation, in scenario: Scenario) {
        let members = agreement.members.compactMap(scenario.actorIndex)
        let memberGains = members.map { evaluation.gains[$0] }
        let evaluator = PackageEvaluator(CompiledScenario(scenario))

        var improvement: PossiblePackage?
        if let pareto = try? ParetoSearch(scenario).run(actors: agreement.members) {
            var bestSum = -Double.infinity
            for index in pareto.packages.indices {
                let gains = members.indices.map { pareto.gain(index, member: $0) }
                let dominates = zip(gains, memberGains).allSatisfy { $0 >= $1 } && zip(gains, memberGains).contains { $0 > $1 }
                let sum = gains.reduce(0, +)
                if dominates && sum > bestSum {
                    bestSum = sum
                    improvement = PossiblePackage(evaluator.evaluate(pareto.packages[index]), in: scenario)
                }
            }
        }
        paretoEfficient = improvement == nil
        self.improvement = improvement

        let points = try? BargainingAnalysis(scenario).points(for: members)
        func distance(_ point: BargainingPoint?) -> BargainingDistance? {
            guard let package = point?.packages.first else { return nil }
            let all = evaluator.evaluate(package).gains
            let gains = members.map { all[$0] }
            let squares = zip(memberGains, gains).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            return BargainingDistance(package: TablePackage(package, in: scenario), gains: gains, distance: squares.squareRoot())
        }
        nash = distance(points?.nash)
        kalaiSmorodinsky = distance(points?.kalaiSmorodinsky)

        var larger = SearchRequest()
        larger.include = agreement.members
        larger.minMembers = agreement.members.count + 1
        largerCoalitions = Debrief.best(in: scenario, request: larger)

        let outside = scenario.actors.indices.filter { !members.contains($0) }
        let holdouts = (try? HoldoutAnalysis(scenario).holdouts(of: package, actors: outside)) ?? []
        self.holdouts = holdouts.map { holdout in
            HoldoutReport(actor: scenario.actors[holdout.actor].id, gain: holdout.gain, lacking: holdout.lacking, redLines: holdout.redLines,
                          sweetener: holdout.sweeteners.first.map { TablePackage($0.package, in: scenario) })
        }
    }
}
