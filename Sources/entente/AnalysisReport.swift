import EntenteCore

// swift-format-ignore: UseSynthesizedInitializer
// (the memberwise initialiser a property wrapper's users call needs the explicit one)
/// An optional JSON field written as `null` when it has no value, never left out (the rule
/// in docs/cli.md, "JSON output"). Swift's synthesised encoding would omit it.
@propertyWrapper struct Nullable<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

/// `entente analyse --json`: field names documented in docs/cli.md.
struct AnalysisReport: Encodable {
    struct Point: Encodable {
        let value: Double
        let packages: [[String: String]]
        let ties: Int
    }

    struct Bargaining: Encodable {
        let group: [String]
        let complete: Bool
        let individuallyRational: Int
        @Nullable var ideals: [String: Double]?
        @Nullable var nash: Point?
        @Nullable var kalaiSmorodinsky: Point?
        @Nullable var egalitarian: Point?
        @Nullable var utilitarian: Point?
    }

    struct SweetenerEntry: Encodable {
        let changes: [String: String]
        let holdoutGain: Double
        let costs: [String: Double]
    }

    struct HoldoutEntry: Encodable {
        let actor: String
        let gain: Double
        let margin: Double
        let lacking: Double
        let redLines: [String]
        let sweeteners: [SweetenerEntry]
    }

    struct BlockEntry: Encodable {
        let changes: [String: String]
        let coalition: [String]
        let capability: Double
        let gains: [String: Double]
    }

    struct StabilityEntry: Encodable {
        let stable: Bool
        let proven: Bool
        @Nullable var block: BlockEntry?
    }

    struct Fragile: Encodable {
        let actor: String
        let issue: String
        let input: String
        let from: Double
        let to: Double
        let relativeChange: Double
    }

    struct RobustnessEntry: Encodable {
        let draws: Int
        let spread: Double
        let delta: Double
        let seed: UInt64
        let viableProbability: Double
        let stayProbability: [String: Double]
        let worstCaseGain: [String: Double]
        @Nullable var mostFragile: Fragile?
    }

    struct Bloc: Encodable {
        let grouping: String
        let members: [String]
        let size: Int
        let jaccard: Double
        let novelty: Double
    }

    struct BridgingEntry: Encodable {
        let drawsFrom: [String]
        let unaligned: [String]
        let blocs: [Bloc]
    }

    let options: [String: String]
    let coalition: [String]
    let viable: Bool
    let pivotal: [String]
    @Nullable var bargaining: Bargaining?
    let holdouts: [HoldoutEntry]
    let stability: StabilityEntry
    let robustness: RobustnessEntry
    let bridging: BridgingEntry

    init(_ analysis: PackageAnalysis, scenario: Scenario) {
        let id = { (actor: Int) in scenario.actors[actor].id }
        func changes(_ package: Package) -> [String: String] {
            Dictionary(uniqueKeysWithValues: PackageText(scenario: scenario).changed(package).map { ($0.issue.id, $0.option.id) })
        }
        func point(_ point: BargainingPoint?) -> Point? {
            point.map { Point(value: $0.value, packages: $0.packages.map(changes), ties: $0.ties) }
        }
        options = PackageJSON.options(analysis.evaluation.package, scenario)
        pivotal = analysis.pivotal.map(id)
        coalition = analysis.evaluation.coalition.members.map(id)
        viable = analysis.evaluation.viable
        bargaining = analysis.bargaining.map { points in
            Bargaining(
                group: points.group.map(id), complete: points.complete, individuallyRational: points.individuallyRational,
                ideals: points.ideals.map { Dictionary(uniqueKeysWithValues: zip(points.group.map(id), $0)) },
                nash: point(points.nash), kalaiSmorodinsky: point(points.kalaiSmorodinsky),
                egalitarian: point(points.egalitarian), utilitarian: point(points.utilitarian))
        }
        holdouts = analysis.holdouts.map { holdout in
            HoldoutEntry(
                actor: id(holdout.actor), gain: holdout.gain, margin: holdout.margin, lacking: holdout.lacking,
                redLines: holdout.redLines,
                sweeteners: holdout.sweeteners.map { sweetener in
                    SweetenerEntry(
                        changes: Dictionary(uniqueKeysWithValues: sweetener.changes.map {
                            (scenario.issues[$0].id, scenario.issues[$0].options[sweetener.package.choices[$0]].id)
                        }),
                        holdoutGain: sweetener.holdoutGain,
                        costs: Dictionary(uniqueKeysWithValues: sweetener.costs.map { (id($0.actor), $0.loss) }))
                })
        }
        stability = StabilityEntry(
            stable: analysis.stability.isStable, proven: analysis.stability.proven,
            block: analysis.stability.block.map { block in
                BlockEntry(
                    changes: Dictionary(uniqueKeysWithValues: PackageText(scenario: scenario)
                        .changed(block.package, from: analysis.evaluation.package).map { ($0.issue.id, $0.option.id) }),
                    coalition: block.coalition.map(id), capability: block.capability,
                    gains: Dictionary(uniqueKeysWithValues: block.coalition.map { (id($0), block.gains[$0]) }))
            })
        let robust = analysis.robustness
        robustness = RobustnessEntry(
            draws: robust.draws, spread: robust.spread, delta: robust.delta, seed: robust.seed,
            viableProbability: robust.viableProbability,
            stayProbability: Dictionary(uniqueKeysWithValues: robust.stayProbability.map { (id($0.actor), $0.value) }),
            worstCaseGain: Dictionary(uniqueKeysWithValues: robust.worstCaseGain.map { (id($0.actor), $0.value) }),
            mostFragile: robust.mostFragile.map {
                Fragile(actor: id($0.actor), issue: scenario.issues[$0.issue].id, input: $0.input.rawValue,
                        from: $0.from, to: $0.to, relativeChange: $0.relativeChange)
            })
        bridging = BridgingEntry(
            drawsFrom: analysis.bridging.drawsFrom, unaligned: analysis.bridging.unaligned.map(id),
            blocs: analysis.bridging.blocs.map {
                Bloc(grouping: $0.grouping, members: $0.members.map(id), size: $0.size, jaccard: $0.jaccard, novelty: $0.novelty)
            })
    }
}
