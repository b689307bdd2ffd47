import EntenteCore
import Foundation
import Testing

/// The documented ranges (`Limits`, docs/scenario-format.md) are the engine's contract:
/// every scenario whose numbers lie inside them loads, compiles and evaluates to finite
/// figures, however extreme; every number outside them is rejected where it stands.
@Suite struct LimitsPropertyTests {
    static let seeds: [UInt64] = Array(1...30)

    /// A generated scenario with its numbers pushed to the ends of their ranges.
    static func extreme(_ seed: UInt64) -> Scenario {
        var random = SplitMix64(seed: seed &* 104_729)
        var scenario = ScenarioGenerator(
            actors: Int.random(in: 2...8, using: &random), issues: Int.random(in: 1...4, using: &random),
            options: Int.random(in: 2...4, using: &random), blocs: 2, seed: seed).generate()
        func pick(_ range: ClosedRange<Double>) -> Double {
            [range.lowerBound, range.upperBound, Double.random(in: range, using: &random)].randomElement(using: &random)!
        }
        for a in scenario.actors.indices {
            scenario.actors[a].capability = pick(Limits.capability)
            for key in scenario.actors[a].interests.keys {
                scenario.actors[a].interests[key]!.salience = pick(Limits.salience)
                if Bool.random(using: &random) { scenario.actors[a].interests[key]!.minGain = pick(Limits.value) }
            }
        }
        for i in scenario.issues.indices {
            for o in scenario.issues[i].options.indices {
                scenario.issues[i].options[o].openness = pick(Limits.openness)
            }
        }
        return scenario
    }

    @Test(arguments: seeds)
    func inRangeScenariosLoadCompileAndEvaluate(seed: UInt64) throws {
        let scenario = Self.extreme(seed)
        let loaded = try ScenarioLoader.parse(ScenarioWriter.yaml(scenario), file: "extreme.yaml")
        var random = SplitMix64(seed: seed)
        var request = SearchRequest()
        request.top = 5
        request.margin = [0, Limits.margin.upperBound, Double.random(in: Limits.margin, using: &random)].randomElement(using: &random)!
        for objective in Objective.allCases {
            request.objective = objective
            let result = try PackageSearch(loaded).run(request)
            for evaluation in result.packages {
                #expect(evaluation.gains.allSatisfy { $0.isFinite })
                #expect(evaluation.objectives.values.allSatisfy { $0.isFinite })
                for member in evaluation.coalition.members { #expect(evaluation.gains[member] > request.margin) }
            }
        }
        let evaluator = PackageEvaluator(CompiledScenario(loaded, margin: request.margin))
        for package in TestData.allPackages(loaded).prefix(200) {
            let evaluation = evaluator.evaluate(package)
            #expect(evaluation.gains.allSatisfy { $0.isFinite && abs($0) <= 100 })
            #expect(evaluation.objective(.capability) >= 0 && evaluation.objective(.capability) <= 1)
            #expect(evaluation.objective(.openness).isFinite)
        }
    }

    /// Each numeric field, the values just outside its range and the non-numbers.
    static let outOfRange: [(field: String, values: [String])] = [
        ("capability", ["-0.5", "1000000001", "1e308", ".inf", ".nan"]),
        ("salience", ["-1", "1000001", "1e308", "-.inf"]),
        ("openness", ["-100.001", "101", "9.3e12", ".nan"]),
        ("minGain", ["-1", "100.5", "1e400"]),
    ]

    @Test(arguments: seeds.prefix(10))
    func outOfRangeNumbersAreRejectedWhereTheyStand(seed: UInt64) throws {
        var scenario = Self.extreme(seed)
        for a in scenario.actors.indices {
            for key in scenario.actors[a].interests.keys { scenario.actors[a].interests[key]!.minGain = 1 }
        }
        let text = ScenarioWriter.yaml(scenario)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var random = SplitMix64(seed: seed)
        for (field, values) in Self.outOfRange {
            let candidates = lines.indices.filter { lines[$0].contains("\(field): ") }
            try #require(!candidates.isEmpty, "the written scenario has a \(field)")
            let row = candidates.randomElement(using: &random)!
            let value = values.randomElement(using: &random)!
            let start = lines[row].range(of: "\(field): ")!.upperBound
            let end = lines[row][start...].firstIndex { $0 == "," || $0 == " " || $0 == "}" } ?? lines[row].endIndex
            var broken = lines
            broken[row] = String(lines[row][..<start]) + value + String(lines[row][end...])
            let column = lines[row].distance(from: lines[row].startIndex, to: start) + 1
            do {
                _ = try ScenarioLoader.parse(broken.joined(separator: "\n"), file: "broken.yaml")
                Issue.record("\(field): \(value) loaded")
            } catch {
                guard case .invalid(let diagnostics) = error else { Issue.record("\(error)"); continue }
                #expect(diagnostics.map(\.location) == [SourceLocation(file: "broken.yaml", line: row + 1, column: column)],
                        "\(field): \(value) at \(row + 1):\(column): \(diagnostics)")
            }
        }
    }
}
