import EntenteCore
import Testing

/// Splitting and merging an issue that links and futures name: carried exactly, or refused
/// with what to do; a merge after a split gives everything back; dropping an option or a
/// red line keeps every future loadable.
@Suite struct LinkFutureEditingTests {
    static let text = """
        entente: 2
        title: Edits
        issues:
          - { id: dida, name: DIDA, statusQuo: none, options: [none, d10, open] }
          - { id: semis, name: Semis, statusQuo: national, options: [national, pool] }
        actors:
          - id: india
            name: India
            capability: 2
            interests:
              dida: { salience: 2, values: { none: 40, d10: 60, open: 70 }, redLines: [open] }
              semis: { salience: 1, values: { national: 50, pool: 80 } }
            links:
              - { when: { dida: [d10, open], semis: pool }, points: 6 }
          - id: us
            name: US
            capability: 3
            interests:
              dida: { salience: 1, values: { none: 20, d10: 90, open: 60 } }
        futures:
          - id: cold
            name: Cold
            salience: { india: { dida: 0.4 } }
            values: { us: { dida: { open: -10 } } }
            redLines: { remove: { india: { dida: [open] } }, add: { us: { dida: [open] } } }
            links: { us: [ { when: { dida: d10, semis: national }, points: -4 } ] }
        """

    static func scenario() throws -> Scenario { try ScenarioLoader.parse(text, file: "edits.yaml") }

    @Test func splitCarriesLinksAndFuturesExactlyAndMergeGivesThemBack() throws {
        let scenario = try Self.scenario()
        let split = try scenario.splitting("dida", into: [IssuePart(id: "dida-a"), IssuePart(id: "dida-b")])
        #expect(split.actors[0].links == [Link(when: [
            LinkCondition(issue: "dida-a", options: ["d10", "open"]), LinkCondition(issue: "dida-b", options: ["d10", "open"]),
            LinkCondition(issue: "semis", options: ["pool"]),
        ], points: 6)])
        let future = split.futures[0]
        #expect(future.salience == ["india": ["dida-a": 0.2, "dida-b": 0.2]])
        #expect(future.values == ["us": ["dida-a": ["open": -10], "dida-b": ["open": -10]]])
        #expect(future.redLinesRemoved == ["india": ["dida-a": ["open"], "dida-b": ["open"]]])
        #expect(future.redLinesAdded == ["us": ["dida-a": ["open"], "dida-b": ["open"]]])
        #expect(future.links["us"]?.first?.when.map(\.issue) == ["dida-a", "dida-b", "semis"])
        // The split file loads, and the merge restores the scenario, links and futures included.
        #expect(try ScenarioLoader.parse(ScenarioWriter.yaml(split), file: "split.yaml") == split)
        #expect(try split.merging("dida") == scenario)
    }

    @Test func everyPackageOfTheSplitGivesTheBroadGainsInEveryFuture() throws {
        let scenario = try Self.scenario()
        let split = try scenario.splitting("dida", into: [IssuePart(id: "dida-a"), IssuePart(id: "dida-b")])
        for package in TestData.allPackages(scenario) {
            let diagonal = Package(choices: [package.choices[0], package.choices[0], package.choices[1]])
            let before = FutureOutlook(scenario, package: package).rows
            let after = FutureOutlook(split, package: diagonal).rows
            for (old, new) in zip(before, after) {
                #expect(zip(old.evaluation.gains, new.evaluation.gains).allSatisfy { abs($0 - $1) < 1e-5 }, "\(old.id) \(package.choices)")
                #expect(old.evaluation.coalition == new.evaluation.coalition)
            }
        }
    }

    @Test func splitRefusesALinkOnAnOptionAPartDoesNotKeep() throws {
        let scenario = try Self.scenario()
        #expect(throws: ScenarioEditError("the link of india names dida = d10 or open; part dida-b would not keep open. Keep those options in every part, or change the link first")) {
            try scenario.splitting("dida", into: [IssuePart(id: "dida-a"), IssuePart(id: "dida-b", options: ["none", "d10"])])
        }
    }

    @Test func mergeRefusesWhatItCannotCarry() throws {
        var scenario = try Self.scenario()
        var split = try scenario.splitting("dida", into: [IssuePart(id: "dida-a"), IssuePart(id: "dida-b")])
        // A link on two parts of one issue would name one issue once merged.
        split.actors[1].links = [Link(when: [LinkCondition(issue: "dida-a", options: ["d10"]), LinkCondition(issue: "dida-b", options: ["d10", "open"])], points: 3)]
        #expect(throws: ScenarioEditError("the link of us names only parts of dida (dida-a = d10, dida-b = d10 or open); merged, it would name one issue, and a link needs two. Fold it into the values, or drop it, first")) {
            try split.merging("dida")
        }
        // Parts that share options merge to "every part takes o": d10 with open never meets.
        split.actors[1].links = [Link(when: [LinkCondition(issue: "dida-a", options: ["d10"]), LinkCondition(issue: "dida-b", options: ["open"]), LinkCondition(issue: "semis", options: ["pool"])], points: 3)]
        #expect(throws: ScenarioEditError("the link of us (dida-a = d10, dida-b = open) could never hold once the parts are merged into dida: no merged option has those options together. Change the link first")) {
            try split.merging("dida")
        }
        split.actors[1].links = []
        split.futures[0].values["us"]!["dida-b"] = ["open": -20]
        #expect(throws: ScenarioEditError("future cold changes us's values on the parts of dida differently for open; give every part the same change (as a split leaves them), or remove them, before merging")) {
            try split.merging("dida")
        }
        split.futures[0].values["us"]!["dida-b"] = ["open": -10]
        split.futures[0].salience["india"]!["dida-b"] = 0.5
        #expect(throws: ScenarioEditError("future cold changes india's salience on the parts of dida out of proportion to its saliences there; make the changes proportional (as a split leaves them), or remove them, before merging")) {
            try split.merging("dida")
        }
        scenario.futures = []
        #expect(try scenario.splitting("dida", into: [IssuePart(id: "dida-a"), IssuePart(id: "dida-b")]).merging("dida") == scenario)
    }

    @Test func mergingDifferentPartsCarriesTheLinkToEveryCombination() throws {
        var scenario = try Self.scenario()
        scenario.futures = []
        scenario.actors[0].links = []
        let split = try scenario.splitting("dida", into: [IssuePart(id: "dida-a", options: ["none", "d10"]), IssuePart(id: "dida-b", options: ["none", "open"])])
        var linked = split
        linked.actors[0].links = [Link(when: [LinkCondition(issue: "dida-b", options: ["open"]), LinkCondition(issue: "semis", options: ["pool"])], points: 6)]
        let merged = try linked.merging("dida")
        // Options none--none, none--open, d10--none, d10--open: the link holds where dida-b is open.
        #expect(merged.actors[0].links == [Link(when: [LinkCondition(issue: "dida", options: ["none--open", "d10--open"]), LinkCondition(issue: "semis", options: ["pool"])], points: 6)])
    }

    @Test func droppingAnOptionOrARedLineKeepsTheFuturesLoadable() throws {
        let scenario = try Self.scenario()
        let dropped = try scenario.droppingOption("dida", "open")
        #expect(dropped.actors[0].links[0].when[0].options == ["d10"])
        #expect(dropped.futures[0].values.isEmpty && dropped.futures[0].redLinesRemoved.isEmpty && dropped.futures[0].redLinesAdded.isEmpty)
        #expect(try ScenarioLoader.parse(ScenarioWriter.yaml(dropped), file: "dropped.yaml") == dropped)
        #expect(throws: ScenarioEditError("the link of india holds only when dida is d10; change or drop the link before dropping the option")) {
            try dropped.droppingOption("dida", "d10")
        }
        #expect(throws: ScenarioEditError("future cold adds 0.4 to this salience, which would take it past 1000000; lower it or that change first")) {
            try scenario.settingSalience("india", "dida", to: 1_000_000)
        }
        let lifted = try scenario.settingRedLine("india", "dida", "open", false)
        #expect(lifted.futures[0].redLinesRemoved.isEmpty)
        #expect(try ScenarioLoader.parse(ScenarioWriter.yaml(lifted), file: "lifted.yaml") == lifted)
        #expect(lifted.applying(lifted.futures[0]) == scenario.applying(scenario.futures[0]).settingRedLineOff("india", "dida"))
    }
}

/// Splitting and merging back on random scenarios with random futures.
@Suite struct FutureEditingPropertyTests {
    @Test(arguments: FutureOutlookTests.seeds)
    func splitThenMergeGivesEveryFutureBackAndSplitKeepsItsGains(seed: UInt64) throws {
        let scenario = FutureOutlookTests.scenarioWithFutures(seed)
        let broad = scenario.issues[0].id
        let split = try scenario.splitting(broad, into: [IssuePart(id: "part-a"), IssuePart(id: "part-b")])
        #expect(try ScenarioLoader.parse(ScenarioWriter.yaml(split), file: "split.yaml") == split)
        #expect(try split.merging(broad) == scenario)
        func evaluators(_ scenario: Scenario) -> [PackageEvaluator] {
            ([scenario] + scenario.futures.map(scenario.applying)).map { PackageEvaluator(CompiledScenario($0)) }
        }
        let (before, after) = (evaluators(scenario), evaluators(split))
        for package in TestData.allPackages(scenario) {
            let diagonal = Package(choices: [package.choices[0]] + package.choices)
            for (future, (old, new)) in zip(before, after).enumerated() {
                let (was, now) = (old.evaluate(package), new.evaluate(diagonal))
                #expect(zip(was.gains, now.gains).allSatisfy { abs($0 - $1) < 1e-5 }, "future \(future)")
                #expect(was.coalition == now.coalition, "future \(future)")
            }
        }
    }
}

extension Scenario {
    /// The scenario with an actor's red lines on an issue cleared (to compare futures).
    func settingRedLineOff(_ actor: String, _ issue: String) -> Scenario {
        var result = self
        result.actors[actorIndex(actor)!].interests[issue]!.redLines = []
        return result
    }
}
