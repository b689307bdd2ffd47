import EntenteCore
import Foundation
import Testing

/// Writing a scenario and reading it back gives the same scenario.
@Suite struct ScenarioWriterTests {
    func roundTrip(_ scenario: Scenario) throws -> Scenario {
        try ScenarioLoader.parse(ScenarioWriter.yaml(scenario), file: "written.yaml")
    }

    @Test func shippedScenariosRoundTrip() throws {
        for path in ["Data/open-internet.yaml", "Data/training/cables-and-chips.yaml",
                     "Data/training/standards-bargain.yaml", "Data/training/alliance-accession.yaml",
                     "Data/training/four-futures.yaml"] {
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

    @Test func versionTwoRoundTripsWithLinksAndFutures() throws {
        for text in [FormatTwoLoaderTests.valid, FutureOverlayTests.text] {
            let scenario = try ScenarioLoader.parse(text, file: "v2.yaml")
            let written = ScenarioWriter.yaml(scenario)
            #expect(written.hasPrefix("entente: 2\n"))
            #expect(try roundTrip(scenario) == scenario)
            #expect(ScenarioWriter.yaml(try roundTrip(scenario)) == written, "writing is stable")
        }
    }

    @Test func aScenarioWithoutLinksOrFuturesStaysVersionOne() throws {
        var scenario = try ScenarioLoader.parse(FormatTwoLoaderTests.valid, file: "v2.yaml")
        scenario.futures = []
        scenario.actors[0].links = []
        #expect(ScenarioWriter.yaml(scenario).hasPrefix("entente: 1\n"))
        #expect(try roundTrip(scenario) == scenario)
    }

    @Test func emptyEntriesAndAwkwardNotesSurvive() throws {
        var scenario = try ScenarioLoader.parse(FutureOverlayTests.text, file: "v2.yaml")
        scenario.futures[0].salience["b"] = [:]
        scenario.futures[0].values["b"] = [:]
        scenario.futures[0].links["a"] = []
        scenario.futures[0].note = "note: with # and {braces}"
        scenario.actors[1].links = [Link(when: [LinkCondition(issue: "y", options: ["n"]), LinkCondition(issue: "x", options: ["q", "p"])], points: 2.5, note: "line\nbreak")]
        scenario.futures.append(Future(id: "calm", name: "yes"))
        #expect(try roundTrip(scenario) == scenario)
    }

    @Test func briefsRoundTripAsBlocksWhereTheyCan() throws {
        var scenario = try TestData.load("Data/training/cables-and-chips.yaml")
        let briefs = [
            "Who you are.\n\nFrom the report: \"a quote\" (ch.1)\n- one\n- two: with colon # and hash",
            "ends with a newline\n", "two newlines\n\n", " leading space", "trailing space \nnext",
            "tab\there", "esc\u{1B}[31m", "\n\nstarts blank", "one line", "‘curly’ and “quotes” – 中国",
        ]
        for brief in briefs {
            scenario.actors[0].brief = brief
            let written = ScenarioWriter.yaml(scenario)
            #expect(written.hasPrefix("entente: 2\n"), "a brief needs format 2")
            #expect(try roundTrip(scenario) == scenario, "\(brief.debugDescription)")
        }
        scenario.actors[0].brief = "Who you are.\n\n- one"
        #expect(ScenarioWriter.yaml(scenario).contains("    brief: |-\n      Who you are.\n\n      - one\n"))
        scenario.actors[0].brief = "tab\there"
        #expect(ScenarioWriter.yaml(scenario).contains("    brief: \"tab\\there\"\n"))
    }

    @Test func journalRoundTripsBriefs() throws {
        var scenario = try TestData.load("Data/training/cables-and-chips.yaml")
        scenario.actors[1].brief = "You speak for the Union.\n\nWhat only you know: a secret."
        let journal = Journal(scenario: scenario, base: nil)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-journal-brief-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/cables.journal.yaml"
        try journal.write(to: path, file: "cables.yaml")
        #expect(Journal.read(path)?.scenario == scenario)
    }

    @Test func journalRoundTripsVersionTwo() throws {
        let scenario = try ScenarioLoader.parse(FutureOverlayTests.text, file: "v2.yaml")
        let journal = Journal(scenario: scenario, base: nil)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-journal-v2-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/overlay.journal.yaml"
        try journal.write(to: path, file: "overlay.yaml")
        #expect(Journal.read(path)?.scenario == scenario)
    }
}
