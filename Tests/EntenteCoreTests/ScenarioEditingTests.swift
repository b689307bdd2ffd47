import EntenteCore
import Testing

/// Unbundling and rebundling issues, and the small edits of the workbench: hand-computed
/// cases and the invariants docs/model.md states (a split's "every part takes o" package
/// and a merged option give every actor the gain the original gave).
@Suite struct ScenarioEditingTests {
    /// Two actors, two issues. A: salience 2 on reg (sq 40, strict 100, light 10), 1 on tax
    /// (sq 0, yes 60); B: salience 1 on reg (sq 50, strict 20, light 80) with a red line on
    /// strict. Gains of reg=strict: A (2·60)/3 = 40, B red line.
    static let small = Scenario(
        title: "Small",
        actors: [
            Actor(id: "a", name: "A", capability: 1, interests: [
                "reg": Interest(salience: 2, valuation: .values(["sq": 40, "strict": 100, "light": 10])),
                "tax": Interest(salience: 1, valuation: .values(["no": 0, "yes": 60])),
            ]),
            Actor(id: "b", name: "B", capability: 1, interests: [
                "reg": Interest(salience: 1, valuation: .values(["sq": 50, "strict": 20, "light": 80]), redLines: ["strict"], note: "firm"),
            ]),
        ],
        issues: [
            Issue(id: "reg", name: "Regulation", lever: .regulation, statusQuo: "sq",
                  options: [IssueOption(id: "sq"), IssueOption(id: "strict", openness: 3), IssueOption(id: "light", openness: -1)]),
            Issue(id: "tax", name: "Tax", statusQuo: "no", options: [IssueOption(id: "no"), IssueOption(id: "yes")]),
        ])

    static func evaluate(_ scenario: Scenario, _ options: [String: String]) throws -> PackageEvaluation {
        PackageEvaluator(CompiledScenario(scenario)).evaluate(try scenario.package(options))
    }

    @Test func splitCarriesHalfTheSalienceAndTheValues() throws {
        let split = try Self.small.splitting("reg", into: [IssuePart(id: "privacy"), IssuePart(id: "ai", options: ["sq", "strict", "code"])])
        #expect(split.issues.map(\.id) == ["privacy", "ai", "tax"])
        #expect(split.issues[0].parent == "reg" && split.issues[1].parent == "reg")
        #expect(split.issues[0].name == "Regulation: privacy")
        #expect(split.issues[0].options.map(\.openness) == [0, 1.5, -0.5])
        #expect(split.issues[1].options.map(\.id) == ["sq", "strict", "code"])
        let a = split.actors[0].interests
        #expect(a["reg"] == nil && a["privacy"]?.salience == 1 && a["ai"]?.salience == 1)
        // A new option starts at the status quo's value: 40 for A, 50 for B.
        #expect(a["ai"]?.valuation == .values(["sq": 40, "strict": 100, "code": 40]))
        #expect(split.actors[1].interests["ai"]?.valuation == .values(["sq": 50, "strict": 20, "code": 50]))
        #expect(split.actors[1].interests["ai"]?.redLines == ["strict"] && split.actors[1].interests["ai"]?.note == "firm")
        // Both parts strict: A gains (1·60 + 1·60)/3 = 40, as with reg=strict; one part only: 20.
        let both = try Self.evaluate(split, ["privacy": "strict", "ai": "strict"])
        #expect(abs(both.gains[0] - 40) < 1e-6 && both.redLined.contains(1))
        #expect(abs(both.objective(.openness) - 3) < 1e-9)
        let one = try Self.evaluate(split, ["privacy": "strict"])
        #expect(abs(one.gains[0] - 20) < 1e-6)
        // Privacy light, AI at the status quo: B gains (0.5·30)/1 = 15 and A loses 0.5·30/... = (1·−30)/3 = −10.
        let light = try Self.evaluate(split, ["privacy": "light"])
        #expect(abs(light.gains[1] - 15) < 1e-6 && abs(light.gains[0] + 10) < 1e-6)
    }

    @Test func splitRefusesBadParts() {
        #expect(throws: ScenarioEditError.self) { try Self.small.splitting("reg", into: [IssuePart(id: "only")]) }
        #expect(throws: ScenarioEditError.self) { try Self.small.splitting("reg", into: [IssuePart(id: "tax"), IssuePart(id: "x")]) }
        #expect(throws: ScenarioEditError.self) { try Self.small.splitting("reg", into: [IssuePart(id: "x"), IssuePart(id: "x")]) }
        #expect(throws: ScenarioEditError.self) { try Self.small.splitting("reg", into: [IssuePart(id: "Bad"), IssuePart(id: "x")]) }
        #expect(throws: ScenarioEditError.self) { try Self.small.splitting("nope", into: [IssuePart(id: "x"), IssuePart(id: "y")]) }
        #expect(throws: ScenarioEditError.self) { try Self.small.merging("tax") }
    }

    @Test func mergeAfterSplitGivesTheIssueBack() throws {
        let split = try Self.small.splitting("reg", into: [IssuePart(id: "privacy"), IssuePart(id: "ai")])
        let merged = try split.merging("ai")
        #expect(merged == Self.small)
    }

    /// Issue 15, defect 8: a split saved and read back (and a part renamed since) still
    /// merges back under the broad issue's own name, not its id.
    @Test func mergeAfterSaveKeepsTheBroadIssuesName() throws {
        let split = try Self.small.splitting("reg", into: [IssuePart(id: "privacy"), IssuePart(id: "ai")])
        let saved = try ScenarioLoader.parse(ScenarioWriter.yaml(split), file: "saved.yaml")
        #expect(try saved.merging("privacy").issues[0].name == "Regulation")
        let renamed = try saved.renamingIssue("ai", to: "Rules for AI")
        #expect(try renamed.merging("privacy").issues[0].name == "Regulation")
    }

    /// Issue 15, defect 8: merging parts whose options differ names a combination in which
    /// the parts take the same option once, and describes it once.
    @Test func mergedCombinationsSayASharedOptionOnce() throws {
        var broad = Self.small
        broad.issues[0].options[0].name = "As today"
        broad.issues[0].options[0].description = "The rules as they are."
        let split = try broad.splitting("reg", into: [IssuePart(id: "privacy", options: ["sq", "strict"]), IssuePart(id: "ai", options: ["sq", "light"])])
        let merged = try split.merging("reg").issues[0]
        #expect(merged.options.map(\.name) == ["As today", "As today + light", "strict + As today", "strict + light"])
        #expect(merged.options[0].description == "The rules as they are.")
        #expect(merged.options[1].description == "The rules as they are.")
    }

    @Test func mergeOfDifferentPartsOffersEveryCombination() throws {
        let split = try Self.small.splitting("reg", into: [IssuePart(id: "privacy", options: ["sq", "strict"]), IssuePart(id: "ai", options: ["sq", "light"])])
        let merged = try split.merging("reg")
        let issue = merged.issues[0]
        #expect(issue.id == "reg" && issue.name == "Regulation" && issue.statusQuo == "sq--sq")
        #expect(issue.options.map(\.id) == ["sq--sq", "sq--light", "strict--sq", "strict--light"])
        #expect(issue.options.map(\.openness) == [0, -0.5, 1.5, 1])
        // B's red line on strict carries to both combinations with it.
        #expect(merged.actors[1].interests["reg"]?.redLines == ["strict--sq", "strict--light"])
        // A: salience 1 + 1, value of strict--light = (100 + 10) / 2 = 55.
        #expect(merged.actors[0].interests["reg"]?.salience == 2)
        #expect(merged.actors[0].interests["reg"]?.value(of: issue.options[3]) == 55)
    }

    @Test(arguments: Array(UInt64(1)...12))
    func splitThenMergeKeepsEveryGain(seed: UInt64) throws {
        let scenario = ScenarioGenerator(actors: 6, issues: 3, options: 3, blocs: 2, seed: seed).generate()
        let broad = scenario.issues[Int(seed) % scenario.issues.count]
        let parts = (0..<(2 + Int(seed % 2))).map { IssuePart(id: "part-\($0)") }
        let split = try scenario.splitting(broad.id, into: parts)
        let merged = try split.merging(broad.id)
        #expect(merged.issues.map(\.id) == scenario.issues.map(\.id))
        let original = PackageEvaluator(CompiledScenario(scenario))
        let splitEvaluator = PackageEvaluator(CompiledScenario(split))
        let mergedEvaluator = PackageEvaluator(CompiledScenario(merged))
        for package in TestData.allPackages(scenario) {
            let options = Dictionary(uniqueKeysWithValues: package.options(in: scenario))
            let expected = original.evaluate(package)
            var diagonal = options
            diagonal[broad.id] = nil
            for part in parts { diagonal[part.id] = options[broad.id] }
            for evaluation in [splitEvaluator.evaluate(try split.package(diagonal)), mergedEvaluator.evaluate(try merged.package(options))] {
                #expect(zip(evaluation.gains, expected.gains).allSatisfy { abs($0 - $1) < 1e-5 })
                #expect(evaluation.coalition == expected.coalition)
                #expect(abs(evaluation.objective(.openness) - expected.objective(.openness)) < 1e-5)
            }
        }
    }

    @Test(arguments: Array(UInt64(1)...8))
    func productMergeKeepsEveryGain(seed: UInt64) throws {
        let scenario = ScenarioGenerator(actors: 5, issues: 3, options: 3, blocs: 2, seed: seed).generate()
        let first = scenario.issues[0]
        let split = try scenario.splitting(first.id, into: [
            IssuePart(id: "left", options: [first.options[0].id, first.options[1].id, "new"]),
            IssuePart(id: "right", options: [first.options[2].id, first.options[0].id]),
        ])
        let merged = try split.merging("left")
        #expect(merged.issues[0].options.count == 6)
        let splitEvaluator = PackageEvaluator(CompiledScenario(split))
        let mergedEvaluator = PackageEvaluator(CompiledScenario(merged))
        for package in TestData.allPackages(split) {
            let options = package.options(in: split)
            var bundled = Dictionary(uniqueKeysWithValues: options.dropFirst(2).map { ($0.issue, $0.option) })
            bundled[first.id] = options[0].option + "--" + options[1].option
            let expected = splitEvaluator.evaluate(package)
            let evaluation = mergedEvaluator.evaluate(try merged.package(bundled))
            #expect(zip(evaluation.gains, expected.gains).allSatisfy { abs($0 - $1) < 1e-5 })
            #expect(evaluation.coalition == expected.coalition)
        }
    }

    @Test func editedScenariosStayValidFiles() throws {
        // The format-1 scenario: the shipped one links its first regulation issue (the EU's
        // data-and-AI link), and splitting a linked issue is the links' own case.
        let scenario = try TestData.load("Tests/Fixtures/open-internet-format1.yaml")
        let regulation = scenario.issues.first { $0.lever == .regulation }!
        var edited = try scenario.splitting(regulation.id, into: [IssuePart(id: "part-a"), IssuePart(id: "part-b", options: [regulation.statusQuo, "fresh"])])
        edited = try edited.addingOption("part-a", "extra", name: "Extra option")
        edited = try edited.settingValue(scenario.actors[0].id, "part-a", "extra", to: 75)
        edited = try edited.settingRedLine(scenario.actors[1].id, "part-b", "fresh", true)
        edited = try edited.renamingIssue("part-b", to: "Part B: a new name")
        let reloaded = try ScenarioLoader.parse(ScenarioWriter.yaml(edited), file: "edited.yaml")
        #expect(reloaded == edited)
    }

    @Test func smallEdits() throws {
        let added = try Self.small.addingOption("tax", "half", name: "Half")
        #expect(added.actors[0].interests["tax"]?.valuation == .values(["no": 0, "yes": 60, "half": 0]))
        #expect(try Self.evaluate(added, ["tax": "half"]).gains == [0, 0])
        let dropped = try Self.small.droppingOption("reg", "strict")
        #expect(dropped.issues[0].options.map(\.id) == ["sq", "light"] && dropped.actors[1].interests["reg"]?.redLines == [])
        #expect(throws: ScenarioEditError.self) { try Self.small.droppingOption("reg", "sq") }
        #expect(throws: ScenarioEditError.self) { try Self.small.settingRedLine("a", "reg", "sq", true) }
        #expect(throws: ScenarioEditError.self) { try Self.small.settingValue("a", "reg", "sq", to: 101) }
        #expect(throws: ScenarioEditError.self) { try Self.small.settingValue("b", "tax", "yes", to: 10) }
        let valued = try Self.small.settingValue("b", "reg", "strict", to: 90).settingRedLine("b", "reg", "strict", false)
        // B: salience 1 of 1, 90 − 50 = +40.
        #expect(abs(try Self.evaluate(valued, ["reg": "strict"]).gains[1] - 40) < 1e-6)
        let cares = try Self.small.settingSalience("b", "tax", to: 1)
        #expect(cares.actors[1].interests["tax"]?.valuation == .values(["no": 50, "yes": 50]))
        // B now splits its attention: reg light gives (1·30)/2 = 15.
        #expect(abs(try Self.evaluate(cares, ["reg": "light"]).gains[1] - 15) < 1e-6)
        let renamed = try Self.small.renamingOption("reg", "light", to: "Light touch")
        #expect(renamed.issues[0].options[2].name == "Light touch")
    }

    @Test func packagesFollowTheEdits() throws {
        let split = try Self.small.splitting("reg", into: [IssuePart(id: "privacy"), IssuePart(id: "ai")])
        let package = try Self.small.package(["reg": "light", "tax": "yes"])
        #expect(package.carried(from: Self.small, to: split).options(in: split).map(\.option) == ["sq", "sq", "yes"])
        let dropped = try Self.small.droppingOption("reg", "light")
        #expect(package.carried(from: Self.small, to: dropped).options(in: dropped).map(\.option) == ["sq", "yes"])
    }
}

extension ScenarioEditingTests {
    @Test func optionOpennessAndDescription() throws {
        let open = try Self.small.settingOpenness("reg", "light", to: 2).describingOption("reg", "light", as: "A light touch")
        #expect(open.issues[0].options[2].openness == 2 && open.issues[0].options[2].description == "A light touch")
        // Openness of reg=light (2) plus tax=no (0).
        #expect(try Self.evaluate(open, ["reg": "light"]).objective(.openness) == 2)
        #expect(throws: ScenarioEditError.self) { try Self.small.settingOpenness("reg", "light", to: .nan) }
        #expect(throws: ScenarioEditError.self) { try Self.small.describingOption("reg", "nope", as: "") }
    }
}
