import EntenteCore
import EntenteSession
import Testing

/// `view(for:)` builds what a seat may see, and nothing else: a delegation's view holds no
/// other actor's saliences, values, red lines, margins, links, notes or gains.
@Suite struct ProjectionTests {
    /// Every text and number of an actor's private stance, as the scenario file writes them.
    func privateText(of actor: Actor) -> [String] {
        actor.interests.values.map(\.note).filter { !$0.isEmpty } + actor.links.map(\.note)
    }

    @Test(arguments: ["us", "eu", "india"])
    func aDelegationsViewHoldsOnlyItsOwnStance(actor: String) throws {
        var session = try SessionFixtures.session()
        let seat = SessionFixtures.delegation(actor)
        _ = session.handle(.workspace(.choose(issue: 0, option: 2)), from: seat.id)
        _ = session.handle(.workspace(.pin(Package(choices: [1, 1]))), from: seat.id)
        let view = session.view(for: seat.id)
        let full = session.scenario
        #expect(view.scenario.actors.map(\.id) == full.actors.map(\.id), "names are public")
        #expect(view.scenario.actors.map(\.capability) == full.actors.map(\.capability), "so are capabilities")
        #expect(view.scenario.issues == full.issues && view.scenario.groupings == full.groupings && view.scenario.rules == full.rules)
        #expect(view.scenario.actors.first { $0.id == actor } == full.actors.first { $0.id == actor }, "its own stance whole")
        let written = ScenarioWriter.yaml(view.scenario)
        for other in full.actors where other.id != actor {
            let seen = try #require(view.scenario.actors.first { $0.id == other.id })
            #expect(seen.interests.isEmpty && seen.links.isEmpty, "\(other.id)'s stance")
            for text in privateText(of: other) { #expect(!written.contains(text), "\(other.id): \(text)") }
            for future in view.scenario.futures {
                #expect(future.salience[other.id] == nil && future.values[other.id] == nil && future.links[other.id] == nil
                        && future.tilt[other.id] == nil && future.redLinesAdded[other.id] == nil && future.redLinesRemoved[other.id] == nil)
            }
        }
        #expect(view.scenario.futures.map(\.name) == ["A split world"] && view.scenario.futures[0].salience[actor] != nil)
        #expect(!written.contains("future-note"))
        // Evaluations: its own standing, equal to what the full evaluation says of it.
        let index = try #require(full.actorIndex(actor))
        let evaluator = PackageEvaluator(CompiledScenario(full))
        for evaluation in [view.evaluation] + view.pinEvaluations {
            let reference = evaluator.evaluate(evaluation.package)
            #expect(evaluation.full == nil)
            #expect(evaluation.own == Standing(actor: index, gain: reference.gains[index], joins: reference.coalition.contains(index),
                                               redLined: reference.redLined.contains(index)))
            #expect(full.actors.indices.filter { $0 != index }.allSatisfy { evaluation.standing(of: $0) == nil })
        }
    }

    /// What a delegation sees does not change when another actor's private stance does:
    /// nothing of it reaches the view.
    @Test func anotherActorsStanceDoesNotReachTheView() throws {
        var session = try SessionFixtures.session()
        let eu = SessionFixtures.delegation("eu")
        _ = session.handle(.workspace(.choose(issue: 1, option: 2)), from: eu.id)
        let before = session.view(for: eu.id)
        for edit in [ScenarioEdit.salience(actor: "us", issue: "chips", 4.25), .value(actor: "india", issue: "cables", option: "national", 3),
                     .redLine(actor: "us", issue: "chips", option: "open-market", false)] {
            #expect(!session.handle(.edit(edit), from: SessionFixtures.facilitator.id).refused)
        }
        let after = session.view(for: eu.id)
        #expect(after.scenario == before.scenario && after.evaluation == before.evaluation)
        #expect(after.revision == before.revision + 3, "only the revision says the document moved")
    }

    @Test func theFacilitatorAndObserversSeeEverything() throws {
        let session = try SessionFixtures.session()
        for seat in [SessionFixtures.facilitator, SessionFixtures.observer] {
            let view = session.view(for: seat.id)
            #expect(view.scenario == session.scenario && view.evaluation.full != nil && view.evaluation.own == nil)
        }
    }

    /// The journal records who changed what; a delegation reads its own changes and those of
    /// the public table, not another delegation's edits of its stance.
    @Test func theJournalAsEachSeatMayReadIt() throws {
        var session = try SessionFixtures.session()
        _ = session.handle(.edit(.salience(actor: "us", issue: "cables", 3)), from: SessionFixtures.delegation("us").id)
        _ = session.handle(.edit(.salience(actor: "eu", issue: "cables", 2)), from: SessionFixtures.delegation("eu").id)
        _ = session.handle(.edit(.renameIssue(issue: "chips", name: "Chips")), from: SessionFixtures.facilitator.id)
        #expect(session.journal.map(\.seat) == ["seat-us", "seat-eu", "solo"] && session.journal.map(\.revision) == [1, 2, 3])
        #expect(session.journal(for: SessionFixtures.delegation("eu").id).map(\.summary) == ["eu on cables: salience 2.00", "chips is now called Chips"])
        #expect(session.journal(for: SessionFixtures.facilitator.id).count == 3)
    }

    /// The changes a journal would restore, as a delegation may see them.
    @Test func journalChangesAreProjected() throws {
        let session = try SessionFixtures.session()
        var journal = try session.scenario.settingSalience("us", "cables", to: 4.5)
        journal = try journal.settingSalience("eu", "cables", to: 3.5)
        let changes = session.changes(to: journal, for: SessionFixtures.delegation("eu").id)
        #expect(changes.contains { $0.contains("salience: 3.5") } && !changes.contains { $0.contains("4.5") })
        #expect(session.changes(to: journal, for: SessionFixtures.facilitator.id).contains { $0.contains("4.5") })
    }

    /// A brief asked for by a delegation is its delegation brief, whatever the settings say.
    @Test func aDelegationsBriefIsItsOwn() throws {
        let session = try SessionFixtures.session()
        var settings = BriefBuilder.Settings()
        settings.date = "2026-12-01"
        settings.draws = 200
        let brief = try session.brief(of: Package(choices: [2, 1]), for: SessionFixtures.delegation("india").id, settings: settings)
        #expect(brief.audience == "india")
        let text = BriefRenderer.render(brief, as: .text)
        for actor in session.scenario.actors where actor.id != "india" {
            for note in privateText(of: actor) { #expect(!text.contains(note), "\(actor.id): \(note)") }
        }
    }
}
