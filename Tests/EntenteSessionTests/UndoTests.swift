import EntenteCore
import EntenteSession
import Testing

/// Undo, redo and the journal of changes, and the workspaces that follow the document.
@Suite struct UndoTests {
    let seat = SessionFixtures.facilitator.id

    @Test func undoRedoAndANewEditDroppingRedo() throws {
        var session = try SessionFixtures.session()
        let original = session.scenario
        _ = session.handle(.edit(.salience(actor: "us", issue: "cables", 2)), from: seat)
        let once = session.scenario
        _ = session.handle(.edit(.salience(actor: "us", issue: "cables", 3)), from: seat)
        // Defect 16 of issue 15: the message says what was undone.
        #expect(session.handle(.undo, from: seat).message == "undone: us on cables: salience 3.00" && session.scenario == once)
        #expect(session.handle(.undo, from: seat).message == "undone: us on cables: salience 2.00" && session.scenario == original)
        #expect(session.handle(.undo, from: seat).message == "nothing to undo")
        #expect(session.handle(.redo, from: seat).message == "redone: us on cables: salience 2.00" && session.scenario == once)
        _ = session.handle(.edit(.salience(actor: "eu", issue: "cables", 5)), from: seat)
        #expect(session.handle(.redo, from: seat).message == "nothing to redo", "a new edit drops what was undone")
        #expect(session.revision == 6 && session.journal.map(\.summary).suffix(3) == ["undo", "redo", "eu on cables: salience 5.00"])
    }

    @Test func anEditThatChangesNothingIsRefusedAndNotRecorded() throws {
        var session = try SessionFixtures.session()
        let reply = session.handle(.edit(.salience(actor: "us", issue: "cables", 1)), from: seat)
        #expect(reply.refused && reply.message == "no change: us on cables: salience 1.00" && session.journal.isEmpty && session.revision == 0)
        let wrong = session.handle(.edit(.salience(actor: "nobody", issue: "cables", 1)), from: seat)
        #expect(wrong.refused && wrong.message?.contains("nobody") == true)
    }

    /// Every seat's package, pins and holds follow the issues by id through a split and back.
    @Test func workspacesFollowTheDocument() throws {
        var session = try SessionFixtures.session()
        let eu = SessionFixtures.delegation("eu").id
        _ = session.handle(.workspace(.choose(issue: 1, option: 2)), from: eu)
        _ = session.handle(.workspace(.pin(Package(choices: [0, 1]))), from: eu)
        _ = session.handle(.workspace(.setFixed(issue: "chips", option: "open-market")), from: eu)
        _ = session.handle(.edit(.split(issue: "cables", parts: [IssuePart(id: "repair", options: nil), IssuePart(id: "consortium", options: nil)])), from: seat)
        let view = session.view(for: eu)
        #expect(view.scenario.issues.map(\.id) == ["repair", "consortium", "chips"])
        #expect(view.package.choices.count == 3 && view.package.choices[2] == 2 && view.fixed == ["chips": "open-market"])
        #expect(view.pins.count == 1 && view.pins[0].choices[2] == 1)
        _ = session.handle(.undo, from: seat)
        #expect(session.view(for: eu).package == Package(choices: [0, 2]))
    }

    @Test func restoringIsAnUndoableChange() throws {
        var session = try SessionFixtures.session()
        let original = session.scenario
        let journal = try original.settingSalience("india", "chips", to: 2)
        let reply = session.handle(.restore(journal), from: seat)
        #expect(reply.documentChanged && session.scenario == journal && session.journal.last?.summary == "the restored journal (2 changed lines of the file, all at once)")
        _ = session.handle(.undo, from: seat)
        #expect(session.scenario == original)
        #expect(session.handle(.restore(journal), from: SessionFixtures.observer.id).refused)
    }

    @Test func pinsKeepTheLimitAndNoDuplicates() throws {
        var session = try SessionFixtures.session()
        for choices in [[0, 0], [1, 0], [1, 0], [2, 0], [0, 1]] {
            _ = session.handle(.workspace(.pin(Package(choices: choices))), from: seat)
        }
        #expect(session.view(for: seat).pins.map(\.choices) == [[1, 0], [2, 0], [0, 1]])
        _ = session.handle(.workspace(.clearPins), from: seat)
        #expect(session.view(for: seat).pins.isEmpty)
    }
}
