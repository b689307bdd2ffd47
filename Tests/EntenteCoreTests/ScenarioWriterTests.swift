import EntenteCore
import Testing

/// Writing a scenario and reading it back gives the same scenario.
@Suite struct ScenarioWriterTests {
    func roundTrip(_ scenario: Scenario) throws -> Scenario {
        try ScenarioLoader.parse(ScenarioWriter.yaml(scenario), file: "written.yaml")
    }

    @Test func shippedScenariosRoundTrip() throws {
        for path in ["Data/open-internet.yaml", "Data/training/cables-and-chips.yaml",
                     "Data/training/standards-bargain.yaml", "Data/training/alliance-accession.yaml"] {
            let scenario = try TestData.load(path)
            #expect(try roundTrip(scenario) == scenario, "\(path)")
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func generatedScenariosRoundTrip(seed: UInt64) throws {
        let scenario = ScenarioGenerator(actors: 7, issues: 4, options: 3, blocs: 2, seed: seed).generate()
        #expect(try roundTrip(scenario) == scenario)
    }

    @Test func awkwardTextSurvives() throws {
        var scenario = try TestData.load("Data/training/cables-and-chips.yaml")
        let names = ["null", "yes", "42", "- dash", "colon: here", "hash #tag", "\"quoted\"", "tab\there",
                     "line\nbreak", "esc\u{1B}[31m", "中国", "Côte d’Ivoire", " padded ", "[list]", "back\\slash"]
        for (index, name) in names.enumerated() {
            scenario.actors[index % scenario.actors.count].name = name
            let back = try roundTrip(scenario)
            #expect(back == scenario, "name \(name.debugDescription)")
        }
        scenario.title = "Title: with {braces}, and a note # not a comment"
        scenario.actors[0].interests["cables"]!.note = "multi\nline \"note\""
        #expect(try roundTrip(scenario) == scenario)
    }
}
