import EntenteCore
import Testing

/// Loading and validation: every error kind names its exact line and column, all errors
/// of a file come at once, and nothing is loaded in part.
@Suite struct ScenarioLoaderTests {
    static let valid = """
        entente: 1
        title: T
        actors:
          - { id: a, name: A, capability: 1, interests: { x: { salience: 1, values: { p: 10, q: 20 } } } }
        issues:
          - { id: x, name: X, statusQuo: p, options: [p, q] }
        """

    func diagnostics(_ text: String) -> [String] {
        do {
            _ = try ScenarioLoader.parse(text, file: "s.yaml")
            return []
        } catch {
            guard case .invalid(let list) = error else { return ["unreadable"] }
            return list.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        }
    }

    /// Replaces `old` in the valid scenario and returns the resulting diagnostics.
    func errors(replacing old: String, with new: String) -> [String] {
        diagnostics(Self.valid.replacingOccurrences(of: old, with: new))
    }

    @Test func validScenarioLoads() throws {
        let scenario = try ScenarioLoader.parse(Self.valid, file: "s.yaml")
        #expect(scenario.actors.map(\.id) == ["a"])
        #expect(scenario.issues[0].options.map(\.name) == ["p", "q"])
        #expect(scenario.actors[0].kind == .other)
        #expect(scenario.issues[0].lever == .other)
    }

    @Test func shippedScenariosAreValid() throws {
        for path in ["Data/open-internet.yaml", "Data/training/cables-and-chips.yaml",
                     "Data/training/standards-bargain.yaml", "Data/training/alliance-accession.yaml",
                     "Data/training/four-futures.yaml"] {
            _ = try TestData.load(path)
        }
    }

    @Test func shippedScenarioMeetsTheBrief() throws {
        let scenario = try TestData.load("Data/open-internet.yaml")
        #expect(scenario.actors.count >= 18)
        #expect(scenario.issues.count >= 14)
        #expect(Set(scenario.issues.map(\.lever)).isSuperset(of: [.infrastructure, .supplyChains, .standards, .regulation, .institutions]))
        // Two options where the report proposes one change to the status quo; no option is
        // invented to fill a quota.
        #expect(scenario.issues.allSatisfy { (2...5).contains($0.options.count) })
        #expect(scenario.issues.allSatisfy { $0.options.first?.id == $0.statusQuo }, "ties go to the smaller change")
        #expect(Set(scenario.groupings.map(\.id)).isSuperset(of: ["g7", "d10", "quad", "aukus", "ttc", "brics", "lmics"]))
        #expect(scenario.rules.count >= 2)
        #expect(scenario.futures.map(\.id) == ["bipolar-nationalist", "bipolar-internationalist", "multipolar-nationalist", "multipolar-internationalist"])
        #expect(scenario.futures.allSatisfy { !$0.note.isEmpty })
        for actor in scenario.actors {
            #expect(actor.interests.values.allSatisfy { !$0.note.isEmpty }, "every stance of \(actor.id) has a note")
            #expect(actor.links.allSatisfy { !$0.note.isEmpty }, "every link of \(actor.id) has a note")
        }
        // The alliance's guarantees are linked to it (issue 13): India's chip link.
        let india = try #require(scenario.actors.first { $0.id == "india" })
        #expect(india.links.contains { link in link.when.map(\.issue).sorted() == ["dida", "semis"] })
    }

    @Test func yamlSyntaxError() {
        #expect(diagnostics("entente: 1\ntitle: [unclosed\n") == ["3:1 YAML syntax: did not find expected ',' or ']' while parsing a flow sequence"])
    }

    @Test func emptyFileAndWrongShape() {
        #expect(diagnostics("") == ["1:1 the file is empty; expected a scenario starting with 'entente: 1'"])
        #expect(diagnostics("- 1\n") == ["1:1 expected the scenario as a mapping of fields, found a list"])
    }

    @Test func missingRequiredFieldsAreAllReported() {
        #expect(diagnostics("entente: 1\nactors: []\n") == [
            "1:1 missing required field 'title' in the scenario",
            "1:1 missing required field 'issues' in the scenario",
            "2:9 0 actors; expected 1 to 2000",
        ])
    }

    @Test func unsupportedVersion() {
        #expect(errors(replacing: "entente: 1", with: "entente: 3") == ["1:10 unsupported format version 3; expected entente: 1 or entente: 2"])
    }

    @Test func unknownField() {
        #expect(errors(replacing: "title: T", with: "title: T\ncolour: red") == [
            "3:1 unknown field 'colour' in the scenario; expected one of: entente, title, actors, issues, source, groupings, rules, futures",
        ])
    }

    @Test func invalidAndDuplicateIDs() {
        #expect(errors(replacing: "{ id: x, name: X", with: "{ id: X!, name: X").contains("6:11 invalid issue id 'X!'; expected lower-case letters, digits and '-'"))
        #expect(errors(replacing: "options: [p, q]", with: "options: [p, q, p]") == ["6:53 duplicate option id in issue 'x' 'p'; first defined at line 6, column 47"])
    }

    @Test func valueOutOfRangeAndUnknownOption() {
        #expect(errors(replacing: "q: 20", with: "q: 101") == ["4:89 value of 'q' 101 is out of range; expected 0 to 100"])
        #expect(errors(replacing: "q: 20", with: "q: 20, r: 5") == ["4:93 'r' is not an option of issue 'x'; expected one of: p, q"])
    }

    @Test func missingValueForAnOption() {
        #expect(errors(replacing: "p: 10, q: 20", with: "p: 10") == ["4:77 missing values for options of 'x': q; expected a value 0 to 100 for every option"])
    }

    @Test func salienceOutOfRangeAndNotANumber() {
        #expect(errors(replacing: "salience: 1", with: "salience: -1") == ["4:66 salience -1 is out of range; expected 0 to 1000000"])
        #expect(errors(replacing: "salience: 1", with: "salience: '1'") == ["4:66 expected salience as a number, found '1'"])
    }

    @Test func redLineOnStatusQuo() {
        #expect(errors(replacing: "q: 20 }", with: "q: 20 }, redLines: [p]") == ["4:106 red line 'p' is the status quo of 'x'; a red line must be an option that changes it"])
    }

    @Test func parentMustBeTheReplacedBroadIssue() {
        #expect(errors(replacing: "name: X,", with: "name: X, parent: regulation,") == [])
        #expect(errors(replacing: "name: X,", with: "name: X, parent: x,")
            == ["6:31 parent 'x' is still an issue of this scenario; expected the id of the broad issue its parts replaced"])
    }

    @Test func missingStatusQuo() {
        #expect(errors(replacing: "statusQuo: p", with: "statusQuo: z") == ["6:34 status quo 'z' is not an option of issue 'x'; expected one of: p, q"])
        #expect(errors(replacing: "statusQuo: p, ", with: "") == ["6:5 missing required field 'statusQuo' in an issue"])
    }

    @Test func unknownIssueInInterests() {
        #expect(errors(replacing: "interests: { x:", with: "interests: { y:") == ["4:51 unknown issue 'y' in interests of 'a'; expected one of: x"])
    }

    @Test func positionNeedsPositionsOnEveryOption() {
        #expect(errors(replacing: "values: { p: 10, q: 20 }", with: "position: 40") == ["4:79 a stance by 'position' needs a position on every option of 'x'; missing on: p, q"])
    }

    @Test func positionValuation() throws {
        let text = Self.valid
            .replacingOccurrences(of: "values: { p: 10, q: 20 }", with: "position: 40")
            .replacingOccurrences(of: "options: [p, q]", with: "options: [{ id: p, position: 10 }, { id: q, position: 70 }]")
        let scenario = try ScenarioLoader.parse(text, file: "s.yaml")
        let interest = scenario.actors[0].interests["x"]!
        #expect(interest.value(of: scenario.issues[0].options[0]) == 70)
        #expect(interest.value(of: scenario.issues[0].options[1]) == 70)
    }

    @Test func groupingAndRuleErrors() {
        let base = Self.valid + "\ngroupings:\n  - { id: g, members: [a, b] }\nrules:\n  - { id: r, kind: include-all, actors: [] }\n  - { id: s, kind: capability-share, atLeast: 2 }\n  - { id: t, kind: quorum }\n  - { id: u, kind: min-members }\n"
        #expect(diagnostics(base) == [
            "8:27 unknown actor 'b' in grouping 'g'; expected an actor id",
            "10:41 rule 'r' names nobody; expected at least one actor",
            "11:47 atLeast 2 is out of range; expected 0 to 1",
            "12:20 unknown rule kind 'quorum'; expected one of: capability-share, min-members, include-all, include-any",
            "13:5 a rule of kind 'min-members' needs the field 'count'",
        ])
    }

    @Test func includeAnyAcceptsGroupings() throws {
        let text = Self.valid + "\ngroupings:\n  - { id: g, members: [a] }\nrules:\n  - { id: r, kind: include-any, actors: [g] }\n"
        let scenario = try ScenarioLoader.parse(text, file: "s.yaml")
        #expect(scenario.rules[0].kind == .includeAny(["g"]))
    }

    @Test func controlCharactersAreEscapedInMessages() {
        let messages = errors(replacing: "{ id: a, name: A,", with: "{ id: a, name: A, kind: \"\\e[31m\",")
        #expect(messages == ["4:29 unknown actor kind '\\u{1B}[31m'; expected one of: state, bloc, firm, forum, other"])
    }

    @Test func everyErrorOfTheBrokenFixtureAtOnce() throws {
        #expect(throws: ScenarioLoadError.self) { try TestData.load("Tests/Fixtures/broken.yaml") }
        do {
            _ = try ScenarioLoader.load(path: TestData.path("Tests/Fixtures/broken.yaml"))
        } catch {
            guard case .invalid(let list) = error else { Issue.record("expected diagnostics"); return }
            #expect(list.map { "\($0.location.line):\($0.location.column)" } == [
                "7:17", "11:17", "11:38", "11:43", "12:20", "13:9", "23:16", "26:29", "28:47",
            ])
        }
    }

    @Test func missingFileIsUnreadable() {
        #expect(throws: ScenarioLoadError.unreadable(path: "/nonexistent.yaml", reason: "no such file")) {
            try ScenarioLoader.load(path: "/nonexistent.yaml")
        }
    }
}
