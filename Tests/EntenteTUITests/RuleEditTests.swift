import EntenteCore
import EntenteSession
@testable import EntenteTUI
import EntenteWorkbench
import Foundation
import Testing
import EntenteTestSupport

/// Coalition rules edited in place with `:rule`, undoable and journalled through the
/// session and shown on the Overview, on Data/training/cables-and-chips.yaml: the US 3, the
/// EU 2, India 1; critical-mass needs half the capability, more-than-one two members. Shared
/// repair with the open market brings in the EU and India (3 of 6, exactly half).
@Suite struct RuleEditTests {
    func bench(seat: Seat = .solo) throws -> LocalWorkbench {
        var bench = try LocalWorkbench.opening("Data/training/cables-and-chips.yaml", seat: seat)
        bench.run("choose cables=shared-repair")
        bench.run("choose chips=open-market")
        return bench
    }

    func overviewRules(_ bench: LocalWorkbench) throws -> [String] {
        let lines = OverviewScreen.lines(bench.state, width: 98).map(\.text)
        let start = try #require(lines.firstIndex { $0.hasPrefix("Rules:") })
        return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
    }

    @Test func aRuleIsTightenedUndoneAndJournalled() throws {
        var bench = try bench()
        #expect(bench.state.evaluation.full?.viable == true)
        bench.run("rule critical-mass capability-share 60%")
        let message = "rule critical-mass is now: members hold at least 60.0% of all capability"
        #expect(bench.view.today.rules[0] == Rule(id: "critical-mass", kind: .capabilityShare(atLeast: 0.6)) && bench.message == message)
        #expect(bench.dirty && bench.session.journal.last?.summary == message)
        #expect(bench.state.evaluation.full?.viable == false, "the EU and India hold 50%, short of 60%")
        #expect(try overviewRules(bench).first == "  critical-mass: members hold at least 60.0% of all capability")
        bench.run("undo")
        #expect(bench.message == "undone: " + message && bench.state.evaluation.full?.viable == true)
        #expect(try overviewRules(bench).first == "  critical-mass: members hold at least 50.0% of all capability")
        bench.run("redo")
        #expect(bench.view.today.rules[0].kind == .capabilityShare(atLeast: 0.6))
    }

    @Test func rulesAreAddedAndDroppedAndSaveAndLoadBack() throws {
        var bench = try bench()
        bench.run("rule with-us include-all us")
        #expect(bench.message == "rule with-us added: every one of us is a member")
        #expect(bench.state.evaluation.full?.viable == false, "the US stays out of this package")
        bench.run("rule atlantic include-any transatlantic,india")
        #expect(bench.view.today.rules.last == Rule(id: "atlantic", kind: .includeAny(["transatlantic", "india"])))
        bench.run("rule more-than-one drop")
        #expect(bench.message == "dropped rule more-than-one (at least 2 members)")
        #expect(bench.view.today.rules.map(\.id) == ["critical-mass", "with-us", "atlantic"])
        #expect(try overviewRules(bench) == [
            "  critical-mass: members hold at least 50.0% of all capability", "  with-us: every one of us is a member",
            "  atlantic: at least one of transatlantic, india (or a member of that grouping) is a member",
            "  :rule ID KIND VALUE… sets a rule, :rule ID drop drops it (:help rule lists the kinds)",
        ])
        let written = ScenarioWriter.yaml(bench.view.today)
        #expect(try ScenarioLoader.parse(written, file: "edited.yaml") == bench.view.today)
    }

    /// Each mistake says what is wrong, and the rules stay as they were.
    @Test(arguments: [
        ("rule big min-members 4", "min-members 4 can never hold: the scenario has 3 actors"),
        ("rule big min-members many", "min-members takes a whole number of members, not 'many'"),
        ("rule most capability-share 1.5", "capability-share takes a share of all capability from 0 to 1 (0.5 or 50% is half)"),
        ("rule most capability-share lots", "capability-share takes a share such as 0.5 or 50%, not 'lots'"),
        ("rule with include-all china", "unknown actor 'china'; expected one of: us, eu, india"),
        ("rule with include-any nato", "unknown actor or grouping 'nato'; expected one of: us, eu, india, transatlantic"),
        ("rule with sometimes 3", "unknown rule kind 'sometimes'; expected one of: capability-share, min-members, include-all, include-any, or drop"),
        ("rule gone drop", "unknown rule 'gone'; expected one of: critical-mass, more-than-one"),
        ("rule Big! min-members 2", "'Big!' is not a rule id: use a-z, 0-9 and -"),
        ("rule critical-mass", ":" + (Commands.help(for: "rule") ?? "")),
        ("rule critical-mass drop now", ":" + (Commands.help(for: "rule") ?? "")),
    ])
    func badRulesSayWhy(line: String, message: String) throws {
        var bench = try bench()
        let before = bench.view.today.rules
        bench.run(line)
        #expect(bench.message == message)
        #expect(bench.view.today.rules == before && !bench.dirty)
    }

    @Test func tabCompletesRulesKindsAndTheirActors() throws {
        let scenario = try bench().view.today
        #expect(Commands.complete("ru", scenario: scenario).text == "rule ")
        #expect(Commands.complete("rule cr", scenario: scenario).text == "rule critical-mass ")
        #expect(Commands.complete("rule x mi", scenario: scenario).text == "rule x min-members ")
        #expect(Commands.complete("rule x include", scenario: scenario).candidates == ["include-all", "include-any"])
        #expect(Commands.complete("rule x include-all e", scenario: scenario).text == "rule x include-all eu ")
        #expect(Commands.complete("rule x include-all us e", scenario: scenario).text == "rule x include-all us eu ", "every actor word completes")
        #expect(Commands.complete("rule x include-any tr", scenario: scenario).text == "rule x include-any transatlantic ")
        #expect(Commands.complete("rule x min-members 2", scenario: scenario).candidates.isEmpty)
        #expect(Commands.help(for: "rule")?.hasPrefix("rule ID KIND|drop VALUE…: set a coalition rule") == true)
    }

    /// The rules are the facilitator's: a delegation may not change them.
    @Test func aDelegationMayNotEditTheRules() throws {
        var bench = try bench(seat: Seat(id: "india", role: .delegation("india")))
        bench.run("rule more-than-one drop")
        #expect(bench.view.today.rules.count == 2)
        #expect(bench.message == "in the workshop view the issues are the facilitator's to edit")
        #expect(try overviewRules(bench).allSatisfy { !$0.contains(":rule") }, "no advice to edit what the seat may not")
    }
}
