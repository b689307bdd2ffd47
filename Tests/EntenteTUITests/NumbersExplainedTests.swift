import EntenteCore
import EntenteSession
@testable import EntenteTUI
import EntenteWorkbench
import Foundation
import Testing
import EntenteTestSupport

/// The Overview explains the numbers the other screens show: each rule in words, every
/// actor's capability and share, the unit of gain, Nash, novelty, Shapley–Shubik and the
/// heat map's shades, on Data/training/cables-and-chips.yaml and Data/open-internet.yaml.
@Suite struct NumbersExplainedTests {
    func overview(_ file: String, width: Int = 100) throws -> [String] {
        let scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent(file).path)
        let bench = LocalWorkbench(scenario: scenario, file: file, size: Size(columns: width + 2, rows: 30))
        return OverviewScreen.lines(bench.state, width: width).map(\.text)
    }

    @Test func theRulesAreSpelledOut() throws {
        let scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent("Data/open-internet.yaml").path)
        let lines = try overview("Data/open-internet.yaml")
        #expect(lines.contains("Rules: a coalition is viable when it is not empty and every rule holds"))
        for rule in scenario.rules {
            #expect(lines.contains { $0.hasPrefix("  \(rule.id): ") }, "\(rule.id) is explained")
        }
        #expect(RuleKind.capabilityShare(atLeast: 0.67).words == "members hold at least 67.0% of all capability")
        #expect(RuleKind.minMembers(1).words == "at least 1 member")
        #expect(RuleKind.includeAll(["us", "eu"]).words == "every one of us, eu is a member")
    }

    /// cables-and-chips.yaml: the US 3, the EU 2, India 1 (6 in all): 50%, 33.3%, 16.7%.
    @Test func capabilitiesAndSharesAreListed() throws {
        let lines = try overview("Data/training/cables-and-chips.yaml")
        let start = try #require(lines.firstIndex { $0.hasPrefix("Capabilities") })
        let rows = lines[(start + 1)...].prefix(3).map { $0.split(separator: " ").suffix(2).joined(separator: " ") }
        #expect(rows == ["3.00 50.0%", "2.00 33.3%", "1.00 16.7%"], "\(lines[start...].prefix(4))")
    }

    @Test func theGlossaryExplainsEveryFigure() throws {
        let text = try overview("Data/training/cables-and-chips.yaml").joined(separator: " ")
            .split(separator: " ").joined(separator: " ")
        for term in ["Gain: utility points.", "Nash: the sum of the logarithms", "Novelty: 1 less the largest overlap (Jaccard similarity)",
                     "Shapley–Shubik: in the game where capability is the vote", "· no stance, ░ a quarter, ▒ half, ▓ three quarters, █ its most salient"] {
            #expect(text.contains(term), "\(term)")
        }
    }
}
