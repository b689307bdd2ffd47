import Foundation

/// Assembles a `Brief` from a scenario, a package and the analyses, for everyone or for
/// one delegation. A delegation brief holds the package and that actor's own case and
/// verdict only: who else joins, and whether the coalition is viable, rest on the other
/// actors' margins and red lines (docs/architecture.md, "What a delegation sees").
public struct BriefBuilder: Sendable {
    public struct Settings: Sendable {
        public var seed: UInt64 = 1
        public var draws = 10_000
        public var spread = 0.1
        public var date = "1970-01-01"
        /// The command line that reproduces the brief, quoted in the annex.
        public var command = ""
        /// An actor id for a delegation brief; nil for the full brief.
        public var audience: String?
        /// Seconds each of the two searches (stability, bargaining) may run; nil: no limit.
        /// A cut search is said so in the brief.
        public var timeLimit: Double?
        /// Stops those searches early (a newer brief superseded this one).
        public var cancellation: CancellationFlag?

        public init() {}
    }

    /// The scenario the brief is written in: today's, or one future's.
    public let scenario: Scenario
    /// Today's scenario, whose futures the brief compares.
    public let today: Scenario
    /// The future the brief is written in (nil: today).
    public let future: Future?

    public init(_ scenario: Scenario, future: Future? = nil) {
        today = scenario
        self.future = future
        self.scenario = future.map(scenario.applying) ?? scenario
    }

    public func build(_ package: Package, settings: Settings) throws(SearchRequestError) -> Brief {
        let audience = try settings.audience.map { id throws(SearchRequestError) -> Int in
            guard let index = scenario.actorIndex(id) else { throw SearchRequestError("unknown actor '\(id)'") }
            return index
        }
        let compiled = CompiledScenario(scenario)
        let evaluation = PackageEvaluator(compiled).evaluate(package)
        let members = evaluation.coalition.members
        let robustness = RobustnessAnalysis(scenario).analyse(package, draws: settings.draws, spread: settings.spread, seed: settings.seed)
        let stays = Dictionary(uniqueKeysWithValues: robustness.stayProbability.map { ($0.actor, $0.value) })
        let shownMembers = audience.map { [$0] } ?? members
        let full = audience == nil
        var request = SearchRequest()
        request.budget = SearchBudget(seconds: settings.timeLimit)
        let points = full && !members.isEmpty
            ? try BargainingAnalysis(scenario).points(for: members, request: request, around: package, cancellation: settings.cancellation) : nil
        return Brief(
            title: "Proposed package: \(scenario.title)" + (audience.map { " (for \(scenario.actors[$0].name))" } ?? "")
                + (future.map { " in the future \($0.name)" } ?? ""),
            date: settings.date, scenario: scenario.title, source: scenario.source,
            audience: audience.map { scenario.actors[$0].id },
            package: packageLines(package), unchanged: unchanged(package),
            coalition: full ? Brief.CoalitionSummary(
                members: members.map { scenario.actors[$0].name }, capabilityShare: evaluation.objective(.capability),
                viable: evaluation.viable, rules: evaluation.rules.map { Brief.RuleLine(id: $0.id, holds: $0.holds) }) : nil,
            standing: audience.map { Self.standing(of: $0, in: evaluation) },
            members: shownMembers.map { memberCase($0, package: package, gain: evaluation.gains[$0], stays: full ? nil : stays[$0], compiled: compiled) },
            bridging: full ? Bridging.analyse(evaluation.coalition, in: scenario).blocs.map { bloc in
                Brief.BlocLine(grouping: scenario.groupings.first { $0.id == bloc.grouping }?.name ?? bloc.grouping,
                               membersIn: bloc.members.count, size: bloc.size, novelty: bloc.novelty)
            } : nil,
            holdouts: full ? try holdouts(package) : nil,
            stability: full ? try stability(package, request: request, cancellation: settings.cancellation) : nil,
            robustness: full ? Brief.RobustnessLine(
                draws: robustness.draws, spread: robustness.spread, seed: robustness.seed,
                viableProbability: robustness.viableProbability, mostFragile: robustness.mostFragile.map(describe)) : nil,
            bargaining: points.map { bargaining(package, points: $0) },
            openness: evaluation.objective(.openness),
            statusQuoOpenness: scenario.issues.reduce(0) { $0 + $1.options[$1.statusQuoIndex].openness },
            future: future?.id,
            futures: today.futures.isEmpty ? nil : futureLines(package, audience: audience),
            annex: annex(settings, bargainingComplete: points?.complete ?? true))
    }

    /// The package today and in every future, for everyone or for one delegation.
    private func futureLines(_ package: Package, audience: Int?) -> [Brief.FutureLine] {
        FutureOutlook(today, package: package).rows.map { row in
            let names = { (actors: [Int]) in actors.map { row.scenario.actors[$0].name } }
            let evaluation = row.evaluation, full = audience == nil
            return Brief.FutureLine(
                id: row.id, name: row.name, description: today.futures.first { $0.id == row.id }?.description ?? "",
                viable: full ? evaluation.viable : nil, memberCount: full ? evaluation.coalition.count : nil,
                capabilityShare: full ? evaluation.objective(.capability) : nil,
                left: full ? names(row.left) : nil, joined: full ? names(row.joined) : nil,
                failedRules: full ? row.failedRules : nil,
                standing: audience.map { Self.standing(of: $0, in: evaluation) }, gain: audience.map { evaluation.gains[$0] })
        }
    }

    /// One actor's own verdict on a package: it depends on its own gain, margin and red
    /// lines alone.
    private static func standing(of actor: Int, in evaluation: PackageEvaluation) -> String {
        evaluation.coalition.contains(actor) ? "member" : evaluation.redLined.contains(actor) ? "out: a red line" : "out: gains too little"
    }

    private func packageLines(_ package: Package) -> [Brief.PackageLine] {
        package.differences(from: scenario.statusQuo).map { index in
            let issue = scenario.issues[index]
            let option = issue.options[package.choices[index]], statusQuo = issue.options[issue.statusQuoIndex]
            return Brief.PackageLine(
                issue: issue.name, option: option.name, description: option.description,
                replaces: statusQuo.name, opennessChange: option.openness - statusQuo.openness)
        }
    }

    private func unchanged(_ package: Package) -> [String] {
        let changed = Set(package.differences(from: scenario.statusQuo))
        return scenario.issues.indices.filter { !changed.contains($0) }.map { scenario.issues[$0].name }
    }

    /// The member's gain term by term (`CompiledScenario.terms`): each issue the package
    /// moves, and each link where the package makes it hold or stop holding; the terms add
    /// up to the gain shown.
    private func memberCase(_ actor: Int, package: Package, gain: Double, stays: Double?, compiled: CompiledScenario) -> Brief.MemberCase {
        let stance = scenario.actors[actor]
        let terms = compiled.terms(of: actor, in: package).map { term -> Brief.Contribution in
            switch term.source {
            case .issue(let index):
                let issue = scenario.issues[index]
                let interest = stance.interests[issue.id]
                return Brief.Contribution(issue: issue.name, option: issue.options[package.choices[index]].name, points: term.points,
                                          stance: interest?.preference(on: issue) ?? "", note: interest?.note ?? "")
            case .link(let index, let holds):
                let link = stance.links[index]
                let issues = link.when.compactMap { condition in scenario.issueIndex(condition.issue).map { scenario.issues[$0].name } }
                return Brief.Contribution(issue: issues.joined(separator: " with "), option: holds ? "taken together" : "no longer together",
                                          points: term.points, stance: "", note: link.note)
            }
        }
        let gainsFrom = terms.filter { $0.points > 0 }.sorted { $0.points > $1.points }
        let concedes = terms.filter { $0.points < 0 }.sorted { $0.points < $1.points }
        return Brief.MemberCase(
            actor: stance.id, name: stance.name, gain: gain, gainsFrom: gainsFrom, concedes: concedes,
            talkingPoints: talkingPoints(stance.name, gain: gain, gainsFrom: gainsFrom, concedes: concedes), stays: stays)
    }

    private func talkingPoints(_ name: String, gain: Double, gainsFrom: [Brief.Contribution], concedes: [Brief.Contribution]) -> [String] {
        var points: [String] = []
        if let best = gainsFrom.first {
            points.append("\(best.issue): \(best.option) is worth \(Figures.signed(best.points)) points to \(name), more than any other part of the package; overall \(name) gains \(Figures.signed(gain)).")
        }
        if gainsFrom.count > 1 {
            points.append("It also gains on " + gainsFrom.dropFirst().prefix(3).map { "\($0.issue) (\(Figures.signed($0.points)))" }.joined(separator: ", ") + ".")
        }
        if let cost = concedes.first {
            let total = concedes.reduce(0) { $0 + $1.points }
            points.append("What it concedes, starting with \(cost.issue) (\(Figures.signed(cost.points))), costs \(Figures.signed(total)) in all: less than it gains.")
        } else {
            points.append("It concedes nothing: no issue it cares about moves against it.")
        }
        return points
    }

    private func holdouts(_ package: Package) throws(SearchRequestError) -> [Brief.HoldoutLine] {
        try HoldoutAnalysis(scenario).holdouts(of: package).map { holdout in
            Brief.HoldoutLine(
                actor: scenario.actors[holdout.actor].name, lacking: holdout.lacking, redLines: holdout.redLines,
                sweeteners: holdout.sweeteners.map { sweetener in
                    Brief.SweetenerLine(
                        changes: sweetener.changes.map { "\(scenario.issues[$0].name): \(scenario.issues[$0].options[sweetener.package.choices[$0]].name)" },
                        holdoutGain: sweetener.holdoutGain,
                        paidBy: sweetener.costs.map { "\(scenario.actors[$0.actor].name) \(Figures.signed(-$0.loss))" })
                })
        }
    }

    private func stability(_ package: Package, request: SearchRequest, cancellation: CancellationFlag?) throws(SearchRequestError) -> Brief.StabilityLine {
        let result = try StabilityAnalysis(scenario).check(package, request: request, cancellation: cancellation)
        guard let block = result.block else {
            return Brief.StabilityLine(stable: true, proven: result.proven, blockers: [], blockerCapability: 0, theyPrefer: [])
        }
        return Brief.StabilityLine(
            stable: false, proven: result.proven, blockers: block.coalition.map { scenario.actors[$0].name },
            blockerCapability: block.capability,
            theyPrefer: block.package.differences(from: package).map { index in
                let issue = scenario.issues[index]
                return "\(issue.name): \(issue.options[block.package.choices[index]].name) instead of \(issue.options[package.choices[index]].name)"
            })
    }

    private func bargaining(_ package: Package, points: BargainingPoints) -> [Brief.BargainingLine] {
        let group = points.group
        let evaluation = PackageEvaluator(CompiledScenario(scenario)).evaluate(package)
        let gains = group.map { evaluation.gains[$0] }
        let ideals = points.ideals ?? []
        let values: [(String, BargainingPoint?, Double)] = [
            ("Nash (largest product of gains)", points.nash, gains.reduce(0) { $0 + log($1) }),
            ("Kalai–Smorodinsky (largest smallest share of each member's best)", points.kalaiSmorodinsky,
             zip(gains, ideals).map { $0 / $1 }.min() ?? 0),
            ("egalitarian (largest smallest gain)", points.egalitarian, gains.min() ?? 0),
            ("utilitarian (largest total gain)", points.utilitarian, gains.reduce(0, +)),
        ]
        return values.compactMap { name, point, this in
            point.map { Brief.BargainingLine(solution: name, isThisPackage: $0.value - this < 1e-9, bestValue: $0.value, thisValue: this) }
        }
    }

    private func describe(_ fragile: FragileInput) -> String {
        "\(scenario.actors[fragile.actor].name)'s \(fragile.input.rawValue) on \(scenario.issues[fragile.issue].name): "
            + "\(Figures.fixed(fragile.from)) → \(Figures.fixed(fragile.to)) (\(Figures.percent(fragile.relativeChange)) of its scale) would take it out"
    }

    private func annex(_ settings: Settings, bargainingComplete: Bool) -> Brief.Annex {
        let cut = bargainingComplete ? [] : [
            "The bargaining points compare this package with the best among the packages scanned in \(Figures.fixed(settings.timeLimit ?? 0, 0)) s, not the whole space.",
        ]
        return Brief.Annex(
            method: [
                "Each actor's utility is the salience-weighted mean of its values (0 to 100) for the options in force; its gain is the change from the status quo.",
                "An actor joins the coalition when its gain exceeds its margin and the package contains none of its red lines.",
                "Holdouts' sweeteners are the nearest packages (at most three issues changed) that keep every member and add the holdout.",
                "Stability asks whether a viable coalition prefers another package; robustness perturbs values by ±\(Figures.fixed(settings.spread * 100, 0)) points and saliences by ±\(Figures.percent(settings.spread)) in \(settings.draws) seeded draws.",
            ] + cut,
            assumptions: [
                "The scenario's capabilities, saliences and values are editable judgements, not data; every figure here follows from them.",
                "Source of the judgements: \(scenario.source.isEmpty ? "not stated" : scenario.source).",
            ],
            command: settings.command)
    }
}
