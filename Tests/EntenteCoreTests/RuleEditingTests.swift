import EntenteCore
import Testing

/// Coalition rules edited in place: set (added or replaced by id) and dropped, checked as a
/// loaded file is, with the futures keeping their meaning. Tests/Fixtures/futures/two-futures.yaml
/// has one rule, `half` (a capability share of 0.5); its future `thaw` removes `half` and adds
/// `all-three` (include-all us, eu, india).
@Suite struct RuleEditingTests {
    let scenario: Scenario

    init() throws { scenario = try TestData.load("Tests/Fixtures/futures/two-futures.yaml") }

    func thaw(_ scenario: Scenario) throws -> Future { try #require(scenario.futures.first { $0.id == "thaw" }) }

    func refusal(_ edit: () throws(ScenarioEditError) -> Scenario) -> String? {
        do { _ = try edit() } catch { return error.description }
        return nil
    }

    @Test func aRuleIsReplacedInPlaceAndAnotherAdded() throws {
        let stricter = try scenario.settingRule(Rule(id: "half", kind: .capabilityShare(atLeast: 0.6)))
        #expect(stricter.rules == [Rule(id: "half", kind: .capabilityShare(atLeast: 0.6))])
        #expect(try thaw(stricter).rulesRemoved == ["half"], "the future still removes the rule it names")
        // Ids named twice are kept once, as the loader keeps them.
        let added = try stricter.settingRule(Rule(id: "core", kind: .includeAny(["us", "eu", "us"])))
        #expect(added.rules.map(\.id) == ["half", "core"] && added.rules[1].kind == .includeAny(["us", "eu"]))
        #expect(try ScenarioLoader.parse(ScenarioWriter.yaml(added), file: "edited.yaml") == added)
    }

    /// Dropping `half` leaves the future's rules as they were: `all-three` alone.
    @Test func droppingARuleAFutureRemovesKeepsThatFuturesRules() throws {
        let dropped = try scenario.droppingRule("half")
        let (before, after) = (try thaw(scenario), try thaw(dropped))
        #expect(dropped.rules.isEmpty && after.rulesRemoved.isEmpty)
        #expect(dropped.applying(after).rules == scenario.applying(before).rules)
        #expect(try ScenarioLoader.parse(ScenarioWriter.yaml(dropped), file: "edited.yaml") == dropped)
    }

    @Test func badRulesAreRefusedWithTheReason() {
        let actors = scenario.actors.count
        #expect(refusal { () throws(ScenarioEditError) in try scenario.settingRule(Rule(id: "all-three", kind: .minMembers(2))) }
            == "future thaw adds a rule 'all-three' of its own; choose another id")
        #expect(refusal { () throws(ScenarioEditError) in try scenario.settingRule(Rule(id: "big", kind: .minMembers(actors + 1))) }
            == "min-members \(actors + 1) can never hold: the scenario has \(actors) actors")
        #expect(refusal { () throws(ScenarioEditError) in try scenario.settingRule(Rule(id: "none", kind: .minMembers(0))) }
            == "min-members takes a whole number of members, at least 1")
        #expect(refusal { () throws(ScenarioEditError) in try scenario.settingRule(Rule(id: "most", kind: .capabilityShare(atLeast: 1.5))) }
            == "capability-share takes a share of all capability from 0 to 1 (0.5 or 50% is half)")
        #expect(refusal { () throws(ScenarioEditError) in try scenario.settingRule(Rule(id: "Big", kind: .minMembers(1))) }
            == "'Big' is not a rule id: use a-z, 0-9 and -")
        #expect(refusal { () throws(ScenarioEditError) in try scenario.settingRule(Rule(id: "with", kind: .includeAll(["china"]))) }?
            .hasPrefix("unknown actor 'china'; expected one of: us") == true)
        #expect(refusal { () throws(ScenarioEditError) in try scenario.settingRule(Rule(id: "with", kind: .includeAll([]))) }
            == "include-all names at least one actor")
        #expect(refusal { () throws(ScenarioEditError) in try scenario.droppingRule("most") } == "unknown rule 'most'; expected one of: half")
        #expect(refusal { () throws(ScenarioEditError) in try scenario.droppingRule("half").droppingRule("half") } == "the scenario has no rules to drop")
    }
}
