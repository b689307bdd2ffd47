import EntenteCore
import Testing

/// The other two training scenarios against the answers worked out by hand in
/// docs/training.md.
@Suite struct TrainingScenarioTests {
    func best(_ file: String, _ objective: Objective, top: Int = 10) throws -> [PackageEvaluation] {
        var request = SearchRequest()
        request.objective = objective
        request.top = top
        return try PackageSearch(try TestData.load(file)).run(request).packages
    }

    func options(_ evaluation: PackageEvaluation, _ file: String) throws -> [String] {
        try evaluation.package.options(in: TestData.load(file)).map(\.option)
    }

    @Test func standardsBargainNeedsBothIssues() throws {
        let file = "Data/training/standards-bargain.yaml"
        let ranked = try best(file, .totalGain)
        #expect(ranked.map { $0.objective(.totalGain) } == [115, 95, 85, 40, 10])
        #expect(try options(ranked[0], file) == ["reinforced", "g7-and-lmic"])
        #expect(ranked[0].gains == [25, 25, 25, 40])
        #expect(ranked[0].coalition.count == 4)
        #expect(ranked[0].objective(.novelty) == 0.5)
        // Either issue alone leaves the US or China out.
        #expect(ranked.filter { $0.coalition.count == 4 }.count == 1)
    }

    @Test func standardsBargainNoveltyAndPareto() throws {
        let file = "Data/training/standards-bargain.yaml"
        let novel = try best(file, .novelty, top: 1)
        #expect(try options(novel[0], file) == ["as-is", "g7-and-lmic"])
        #expect(abs(novel[0].objective(.novelty) - 2.0 / 3) < 1e-12)
        let pareto = try ParetoSearch(try TestData.load(file)).run(actors: ["us", "eu"])
        #expect(pareto.candidates == 4)
        #expect(try pareto.packages.map { try $0.options(in: TestData.load(file)).map(\.option) } == [["reinforced", "g7-minimum"], ["reinforced", "g7-and-lmic"]])
        #expect(try ParetoSearch(try TestData.load(file)).run(actors: ["us", "china"]).packages.count == 1)
    }

    @Test func allianceAccessionMargins() throws {
        let file = "Data/training/alliance-accession.yaml"
        let ranked = try best(file, .totalGain)
        #expect(ranked.map { $0.objective(.totalGain) } == [180, 140, 135, 85, 37.5, 35])
        #expect(ranked[0].gains == [20, 30, 25, 32.5, 72.5])
        #expect(abs(ranked[0].objective(.nash) - 17.3806) < 1e-4)
        #expect(ranked[0].objective(.minGain) == 20)
        // India gains 10 from the semiconductor pool alone: below its margin of 12.
        let semisOnly = ranked.first { $0.package.choices == [0, 0, 1] }!
        #expect(semisOnly.gains[2] == 10)
        #expect(!semisOnly.coalition.contains(2))
    }

    @Test func allianceAccessionNoveltyTieAndPareto() throws {
        let file = "Data/training/alliance-accession.yaml"
        let novel = try best(file, .novelty, top: 2)
        #expect(novel.map(\.package.choices) == [[0, 0, 1], [1, 0, 0]])
        #expect(novel.allSatisfy { $0.objective(.novelty) == 0.5 })
        let pareto = try ParetoSearch(try TestData.load(file)).run(actors: ["india", "kenya"])
        #expect(pareto.packages.map(\.choices) == [[1, 1, 1]])
    }
}
