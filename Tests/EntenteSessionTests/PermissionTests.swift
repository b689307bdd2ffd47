import EntenteCore
import EntenteSession
import Testing

/// Who may do what: every command from every role, checked by the session, with the reason
/// given when it refuses.
@Suite struct PermissionTests {
    let eu = SessionFixtures.delegation("eu")

    @Test func aDelegationEditsItsOwnStanceOnly() throws {
        var session = try SessionFixtures.session()
        let own = session.handle(.edit(.salience(actor: "eu", issue: "cables", 2)), from: eu.id)
        #expect(!own.refused && own.documentChanged && own.message == "eu on cables: salience 2.00")
        for edit in [ScenarioEdit.salience(actor: "us", issue: "cables", 2), .value(actor: "india", issue: "chips", option: "onshore", 10),
                     .redLine(actor: "us", issue: "chips", option: "onshore", true)] {
            let reply = session.handle(.edit(edit), from: eu.id)
            #expect(reply.refused && !reply.documentChanged && reply.message == "in the workshop view only eu's stance can be edited", "\(edit)")
        }
        #expect(session.scenario.actors[0].interests["cables"]?.salience == 1, "the US stance is untouched")
    }

    @Test func theTableIsTheFacilitatorsToEdit() throws {
        var session = try SessionFixtures.session()
        let edits: [ScenarioEdit] = [
            .split(issue: "cables", parts: [IssuePart(id: "a", options: nil), IssuePart(id: "b", options: nil)]),
            .renameIssue(issue: "cables", name: "Cables"), .addOption(issue: "chips", option: "quota", name: nil),
            .dropOption(issue: "chips", option: "onshore"), .openness(issue: "chips", option: "onshore", 1),
        ]
        for edit in edits {
            let reply = session.handle(.edit(edit), from: eu.id)
            #expect(reply.refused && reply.message == "in the workshop view the issues are the facilitator's to edit", "\(edit)")
            #expect(session.handle(.edit(edit), from: SessionFixtures.observer.id).message == "an observer's seat sees everything and edits nothing")
        }
        #expect(session.revision == 0)
        #expect(!session.handle(.edit(edits[1]), from: SessionFixtures.facilitator.id).refused)
        #expect(session.revision == 1)
    }

    @Test func onlyTheFacilitatorLooksThroughADelegationsEyes() throws {
        var session = try SessionFixtures.session()
        let widen = session.handle(.workspace(.look(as: nil)), from: eu.id)
        #expect(widen.refused && widen.message == "this workbench is eu's (opened with --as); the full view is the facilitator's")
        #expect(widen.view.actor == "eu" && widen.view.evaluation.full == nil)
        #expect(session.handle(.workspace(.look(as: "us")), from: eu.id).refused, "nor as another delegation")
        #expect(session.handle(.workspace(.look(as: "us")), from: SessionFixtures.observer.id).refused)
        let preview = session.handle(.workspace(.look(as: "india")), from: SessionFixtures.facilitator.id)
        #expect(!preview.refused && preview.view.actor == "india" && preview.view.mayWiden)
        // While previewing, the facilitator is held to the delegation's rules, and told how to leave.
        let edit = session.handle(.edit(.renameIssue(issue: "cables", name: "x")), from: SessionFixtures.facilitator.id)
        #expect(edit.refused && edit.message == "in the workshop view the issues are the facilitator's to edit (:as all ends the view)")
        #expect(throws: SessionError.self) { try session.engineScenario(for: SessionFixtures.facilitator.id, "coalition finder") }
        #expect(session.handle(.workspace(.look(as: nil)), from: SessionFixtures.facilitator.id).view.evaluation.full != nil)
    }

    @Test func searchesAndAnalysesAreForSeatsThatSeeEverything() throws {
        let session = try SessionFixtures.session()
        #expect(throws: SessionError("the coalition finder reads every actor's private values; it is the facilitator's")) {
            try session.engineScenario(for: eu.id, "coalition finder")
        }
        #expect(try session.engineScenario(for: SessionFixtures.facilitator.id, "analysis") == session.scenario)
        #expect(try session.engineScenario(for: SessionFixtures.observer.id, "analysis") == session.scenario)
    }

    /// Undo takes back the last change only for a seat that may make it: a delegation may
    /// not undo what the facilitator or another delegation did.
    @Test func undoIsForWhoeverMayMakeTheChange() throws {
        var session = try SessionFixtures.session()
        _ = session.handle(.edit(.salience(actor: "us", issue: "cables", 3)), from: SessionFixtures.delegation("us").id)
        #expect(!session.view(for: eu.id).canUndo && session.view(for: SessionFixtures.delegation("us").id).canUndo)
        let refused = session.handle(.undo, from: eu.id)
        #expect(refused.refused && refused.message == "the last change was not eu's delegation's to undo")
        #expect(session.handle(.undo, from: SessionFixtures.observer.id).refused)
        #expect(session.handle(.undo, from: SessionFixtures.delegation("us").id).message == "undone: us on cables: salience 3.00")
        #expect(session.scenario.actors[0].interests["cables"]?.salience == 1)
        #expect(!session.handle(.redo, from: SessionFixtures.facilitator.id).refused, "the facilitator may redo anything")
    }

    @Test func workspaceCommandsCheckWhatTheyAreGiven() throws {
        var session = try SessionFixtures.session()
        #expect(session.handle(.workspace(.choose(issue: 5, option: 0)), from: eu.id).message == "no option 0 on issue 5")
        #expect(session.handle(.workspace(.build(Package(choices: [0]))), from: eu.id).message == "that package is not one of this scenario's")
        #expect(session.handle(.workspace(.setFixed(issue: "chips", option: "nope")), from: eu.id).message == "'nope' is not an option of issue 'chips'")
        #expect(session.handle(.workspace(.setOnTable(issue: "nope", false)), from: eu.id).message == "unknown issue 'nope'")
        _ = session.handle(.workspace(.setFixed(issue: "chips", option: "allied-pool")), from: eu.id)
        #expect(session.handle(.workspace(.choose(issue: 1, option: 0)), from: eu.id).message?.hasPrefix("chips is fixed at allied-pool") == true)
        #expect(session.view(for: SessionFixtures.facilitator.id).fixed.isEmpty, "one seat's holds are its own")
    }
}
