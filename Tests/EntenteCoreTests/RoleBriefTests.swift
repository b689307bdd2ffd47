import EntenteCore
import Testing

/// Role briefs: the trainer's text and one actor's own numbers, worked by hand on the
/// cables-and-chips training scenario, and nothing of any other actor's stance.
@Suite struct RoleBriefTests {
    func scenario() throws -> Scenario {
        var scenario = try TestData.load("Data/training/cables-and-chips.yaml")
        scenario.actors[2].brief = "Who you are: India.\n\nWhat only you know:\n- chips matter less\n  than cables"
        scenario.actors[0].links = [
            Link(when: [LinkCondition(issue: "cables", options: ["shared-repair"]), LinkCondition(issue: "chips", options: ["onshore", "allied-pool"])], points: 6),
            Link(when: [LinkCondition(issue: "cables", options: ["national"]), LinkCondition(issue: "chips", options: ["onshore"])], points: -2),
        ]
        return scenario
    }

    /// India: saliences 3 (cables) and 1 (chips) of 4, so weights 3/4 and 1/4; a gain alone
    /// is the weight times the change in value from the status quo (national 30, onshore 60).
    @Test func indiasNumbersByHand() throws {
        let role = RoleBrief(actor: 2, of: try scenario())
        #expect(role.name == "India" && role.kind == .state && role.capability == 1)
        #expect(abs(role.capabilityShare - 1.0 / 6) < 1e-12)
        #expect(role.margin == 4)
        #expect(role.interests.map(\.issue) == ["cables", "chips"])
        #expect(role.interests.map(\.weight) == [0.75, 0.25])
        #expect(role.interests[0].options.map(\.gainAlone) == [0, 30, 15])  // 0.75 × (70 − 30), 0.75 × (50 − 30)
        #expect(role.interests[1].options.map(\.gainAlone) == [0, -5, 5])  // 0.25 × (40 − 60), 0.25 × (80 − 60)
        #expect(role.interests[0].options.map(\.isStatusQuo) == [true, false, false])
        #expect(role.interests.allSatisfy { $0.options.allSatisfy { !$0.isRedLine } })
        #expect(role.links.isEmpty)
    }

    /// The US: chips (salience 3) is heavier than cables (1), so it comes first; its red line
    /// and its links are listed with whether they hold at the status quo.
    @Test func heaviestFirstRedLinesAndLinks() throws {
        let role = RoleBrief(actor: 0, of: try scenario())
        #expect(role.interests.map(\.issue) == ["chips", "cables"])
        #expect(role.interests[0].options.map(\.isRedLine) == [false, false, true])
        #expect(role.interests[0].options.map(\.gainAlone) == [0, 30, -15])  // 0.75 × (80 − 40), 0.75 × (20 − 40)
        #expect(role.links.map(\.points) == [6, -2])
        #expect(role.links.map(\.holdsAtStatusQuo) == [false, true])
        #expect(role.links[0].conditions == ["Submarine cable protection and repair: Shared repair fleet", "Semiconductor supply: National onshoring or Allied supply pool"])
        #expect(role.text == "")
    }

    @Test func renderedInTextAndMarkdown() throws {
        let role = RoleBrief(actor: 2, of: try scenario())
        let text = RoleBriefRenderer.render(role, markdown: false)
        #expect(text.hasPrefix("Role brief: India\n=================\n"))
        #expect(text.contains("Who you are: India.\n"))
        #expect(text.contains("- chips matter less than cables\n"), "a list item's lines are joined")
        #expect(text.contains("more than 4.00 points"))
        #expect(text.contains("+30.00") && text.contains(Figures.signed(-5)) && text.contains("weight 75.0%"))
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 72, "\(line)") }
        let markdown = RoleBriefRenderer.render(role, markdown: true)
        #expect(markdown.hasPrefix("# Role brief: India\n"))
        #expect(markdown.contains("| National repair fleets (status quo) | 30 |  |  |"))
        #expect(markdown.contains("## Your links\n\nNone: your gain is the sum of your issues."))
    }

    /// Changing every other actor's stance, links and brief changes nothing in India's.
    @Test func nothingOfAnotherActor() throws {
        let scenario = try scenario()
        var other = scenario
        for index in [0, 1] {
            for (issue, interest) in other.actors[index].interests {
                var changed = interest
                changed.salience += 2
                if case .values(let values) = interest.valuation { changed.valuation = .values(values.mapValues { 100 - $0 }) }
                changed.redLines = []
                changed.note = "secret \(issue)"
                other.actors[index].interests[issue] = changed
            }
            other.actors[index].links = []
            other.actors[index].brief = "secret brief"
        }
        for markdown in [false, true] {
            let mine = RoleBriefRenderer.render(RoleBrief(actor: 2, of: scenario), markdown: markdown)
            #expect(mine == RoleBriefRenderer.render(RoleBrief(actor: 2, of: other), markdown: markdown))
            for actor in scenario.actors where actor.id != "india" {
                for note in actor.interests.values.map(\.note) { #expect(!mine.contains(note)) }
            }
        }
    }

    @Test func textFromTheFileIsEscaped() throws {
        var scenario = try scenario()
        scenario.actors[2].brief = "esc\u{1B}[2J here"
        let text = RoleBriefRenderer.render(RoleBrief(actor: 2, of: scenario), markdown: false)
        #expect(!text.contains("\u{1B}") && text.contains("esc\\u{1B}[2J here"))
    }
}
