import EntenteCore
import Testing

/// Adding, replacing and dropping an actor's links: checked as the loader checks a link,
/// and an edited scenario writes and reads back as it is.
@Suite struct LinkEditingTests {
    static let scenario = ScenarioEditingTests.small
    static let link = Link(when: [LinkCondition(issue: "reg", options: ["strict", "light"]), LinkCondition(issue: "tax", options: ["yes"])],
                           points: 6, note: "worth more together")

    @Test func addReplaceDrop() throws {
        let added = try Self.scenario.addingLink("a", Self.link)
        #expect(added.actors[0].links == [Self.link])
        #expect(added.needsFormat2)
        let penalty = Link(when: [LinkCondition(issue: "tax", options: ["no"]), LinkCondition(issue: "reg", options: ["sq"])], points: -2.5)
        let replaced = try added.replacingLink("a", at: 0, with: penalty)
        #expect(replaced.actors[0].links == [penalty])
        let dropped = try replaced.droppingLink("a", at: 0)
        #expect(dropped == Self.scenario)
    }

    @Test func anEditedScenarioReadsBackAsItIs() throws {
        let edited = try Self.scenario.addingLink("b", Self.link)
        let text = ScenarioWriter.yaml(edited)
        #expect(text.hasPrefix("entente: 2") || text.contains("\nentente: 2"), "links need format 2")
        #expect(try ScenarioLoader.parse(text, file: "edited.yaml") == edited)
    }

    @Test func badLinksAreRefused() {
        let one = Link(when: [LinkCondition(issue: "reg", options: ["strict"])], points: 1)
        let twice = Link(when: [LinkCondition(issue: "reg", options: ["strict"]), LinkCondition(issue: "reg", options: ["sq"])], points: 1)
        let noOption = Link(when: [LinkCondition(issue: "reg", options: []), LinkCondition(issue: "tax", options: ["yes"])], points: 1)
        let cases: [(Link, String)] = [
            (one, "a link needs at least two distinct issues; found 1"),
            (twice, "a link names each issue once; reg appears twice"),
            (noOption, "a link names no option of 'reg'"),
            (Link(when: Self.link.when, points: .nan), "a link's points are a number from -100 to 100"),
            (Link(when: Self.link.when, points: -100.5), "a link's points are a number from -100 to 100"),
        ]
        for (link, message) in cases {
            #expect(throws: ScenarioEditError(message)) { try Self.scenario.addingLink("a", link) }
        }
        #expect(throws: ScenarioEditError("unknown actor 'z'; expected one of: a, b")) { try Self.scenario.addingLink("z", Self.link) }
        #expect(throws: ScenarioEditError("a has no links")) { try Self.scenario.droppingLink("a", at: 0) }
        #expect(throws: ScenarioEditError("a has links 1 to 1; there is no link 2")) {
            try Self.scenario.addingLink("a", Self.link).replacingLink("a", at: 1, with: Self.link)
        }
    }
}
