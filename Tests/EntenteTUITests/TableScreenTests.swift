import EntenteCore
import EntenteSession
import EntenteTUI
import EntenteWorkbench
import EntenteWorkshop
import Testing
import EntenteTestSupport

/// The Table screen and the moves made from it, on the training scenario played through
/// the core's table (gains: docs/training.md, §1): what each seat is shown, what each key
/// asks the server for, and what stays hidden.
@Suite struct TableScreenTests {
    let size = Size(columns: 100, rows: 30)

    /// Round 1 under way: us proposes (shared-repair, allied-pool) to everyone, india
    /// counters to eu alone with (shared-repair, onshore), eu accepts the first (sealed),
    /// and there are a statement, private messages and a broadcast.
    func midRound(voting: Voting = .sealed, size: Size? = nil) throws -> TableHarness {
        var game = try TableHarness(seats: ["facilitator", "us", "eu", "india"], size: size ?? self.size, voting: voting)
        game.send(.workshop(.control(.startRound(seconds: nil))), at: "facilitator")
        game.type("choose cables=shared-repair", at: "us")
        game.type("choose chips=allied-pool", at: "us")
        game.send(.show(.table), at: "us")
        game.send(.workshop(.propose(to: nil)), at: "us")
        game.type("say We can pool chips among allies and share the repair fleet.", at: "us")
        game.type("choose cables=shared-repair", at: "india")
        game.send(.show(.table), at: "india")
        game.type("counter eu", at: "india")
        game.type("tell eu Onshoring keeps our market open later.", at: "india")
        game.send(.workshop(.respond(.accept, 1)), at: "eu")
        game.type("tell us Agreed on the pool; repair must be shared.", at: "eu")
        game.type("broadcast Ten minutes; proposals close with the round.", at: "facilitator")
        game.tick(after: 40)
        return game
    }

    func screen(_ bench: LocalWorkbench) -> [String] { WorkbenchView.render(bench).lines }

    @Test func aParticipantSeesItsOwnTableOnly() throws {
        let game = try midRound()
        var eu = game["eu"]
        eu.message = nil
        let lines = screen(eu)
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Round 1 · 3:45 left"), "the clock counts down in server time: 300 s less the 55 s of moves and a 40 s tick")
        #expect(text.contains("#1 us → everyone · open · you: accept"))
        #expect(text.contains("#2 india → you (re #1) · open"), "india's counter went to eu alone")
        #expect(text.contains("india → you: Onshoring"), "a private message to eu")
        #expect(text.contains("» facilitator: Ten minutes"))
        // The cursor is on the newest, india's counter: eu's own gain of it, nobody else's.
        #expect(text.contains("Your gain +10.0: you would join"))
        #expect(!text.contains("Gains:"), "no other actor's gain")
        try Snapshot.expect(WorkbenchView.render(eu), "table-participant-100x30")

        var us = game["us"]
        us.message = nil
        let seen = screen(us).joined(separator: "\n")
        #expect(!seen.contains("#2"), "us never saw india's counter, addressed to eu")
        #expect(!seen.contains("Onshoring"), "nor india's message to eu")
        #expect(seen.contains("eu → you: Agreed on the pool"))
        #expect(seen.contains("#1 you → everyone · open"), "eu's accept is sealed until the round closes")
        #expect(!seen.contains("accept ·") && !seen.contains("other accept"))
    }

    @Test func theFacilitatorSeesEveryProposalAnswerAndGain() throws {
        var game = try midRound()
        game.send(.workshop(.selectProposal(1)), at: "facilitator")
        var facilitator = game["facilitator"]
        facilitator.message = nil
        let text = screen(facilitator).joined(separator: "\n")
        #expect(text.contains("#2 india → eu (re #1)"))
        #expect(text.contains("#1 us → everyone · open · 1 other accept"))
        #expect(text.contains("Gains: us +35.0, eu +15.0, india +25.0"))
        #expect(text.contains("Answers: eu accept"))
        #expect(text.contains("india → eu: Onshoring"), "the facilitator reads every message")
        try Snapshot.expect(WorkbenchView.render(facilitator), "table-facilitator-100x30")
    }

    @Test func aNarrowTerminalStacksTheMessagesUnderTheProposals() throws {
        let game = try midRound(size: Size(columns: 60, rows: 24))
        var india = game["india"]
        india.message = nil
        try Snapshot.expect(WorkbenchView.render(india), "table-participant-60x24")
    }

    @Test func sealedAnswersShowOnceTheRoundClosesAndAnAgreementIsNamed() throws {
        var game = try midRound()
        game.send(.workshop(.respond(.accept, 1)), at: "india")
        #expect(game["us"].workshop?.table.agreements.isEmpty == true, "sealed answers are counted when the round closes")
        game.send(.workshop(.control(.closeRound)), at: "facilitator")
        #expect(game["us"].workshop?.table.agreements.map(\.members) == [["us", "eu", "india"]])
        #expect(screen(game["us"]).contains { $0.contains("1: #1 (round 1) us, eu, india") })
        let us = screen(game["us"]).joined(separator: "\n")
        #expect(us.contains("#1 you → everyone · agreement 1 · 2 others accept"), "the sealed answers are open now")
        #expect(us.contains("Round 1 · closed"))
        #expect(us.contains("Answers: eu accept, india accept") && !us.contains("sealed until"), "the close showed every answer: nothing is sealed now")
    }

    @Test func openVotingShowsAnswersAtOnce() throws {
        let game = try midRound(voting: .open)
        let us = screen(game["us"]).joined(separator: "\n")
        #expect(us.contains("#1 you → everyone · agreement 1 · 1 other accept"), "eu's accept is shown at once, and us with eu is viable")
        #expect(us.contains("open answers"))
    }

    // MARK: What the keys ask for

    @Test func keysBecomeTheSeatsCommands() throws {
        var game = try midRound()
        var eu = game["eu"]
        let keys = Keymap.workbench
        #expect(keys.action(for: .character("p"), in: eu) == .workshop(.propose(to: nil)))
        #expect(keys.action(for: .character("a"), in: eu) == .workshop(.respond(.accept, nil)))
        #expect(keys.action(for: .character("s"), in: eu) == nil, "starting a round is not a delegation's key")
        var facilitator = game["facilitator"]
        #expect(keys.action(for: .character("a"), in: facilitator) == nil, "the facilitator does not answer proposals")
        #expect(keys.action(for: .character("s"), in: facilitator) == .workshop(.control(.startRound(seconds: nil))))
        // eu's cursor is on india's counter (#2, to eu alone): a counter of it goes to india.
        _ = update(&eu, .editing(.setOption(issue: 1, option: 1)))
        #expect(update(&eu, .workshop(.counter(to: nil))) == [.table(.propose(package: TablePackage(["chips": "allied-pool"]), to: .seats(["india"]), counterTo: 2))])
        #expect(update(&eu, .workshop(.respond(.reject, nil))) == [.table(.respond(proposal: 2, answer: .reject))])
        #expect(update(&eu, .workshop(.withdraw(nil))).isEmpty && eu.message == "only its author withdraws #2")
        #expect(update(&eu, .workshop(.propose(to: ["nobody"]))).isEmpty)
        #expect(eu.message == "no seat 'nobody' at this table; expected one of: facilitator, us, india")
        #expect(update(&eu, .workshop(.control(.reveal))).isEmpty && eu.message == "that is the facilitator's to do")
        _ = update(&facilitator, .workshop(.togglePause))
        #expect(update(&facilitator, .workshop(.togglePause)) == [.table(.pause)])
        game.send(.workshop(.togglePause), at: "facilitator")
        #expect(game["facilitator"].workshop?.table.phase == .paused(remaining: 220))
        #expect(screen(game["eu"]).joined().contains("paused, 3:40 left"))
        #expect(update(&facilitator, .workshop(.inject(future: "nope", to: nil))).isEmpty)
    }

    @Test func commandLinesNameProposalsAndSeats() throws {
        var game = try midRound()
        var india = game["india"]
        for (line, effect) in [("accept #1", TableCommand.respond(proposal: 1, answer: .accept)), ("reject 1", .respond(proposal: 1, answer: .reject)),
                               ("withdraw 2", .withdraw(proposal: 2)), ("tell us,eu Hello there", .message(to: .seats(["us", "eu"]), text: "Hello there")),
                               ("say Hello all", .message(to: .everyone, text: "Hello all")), ("propose us eu", .propose(package: TablePackage(["cables": "shared-repair"]), to: .seats(["us", "eu"]), counterTo: nil))] {
            _ = update(&india, .openCommandLine)
            for character in line { _ = update(&india, .commandKey(.character(character))) }
            #expect(update(&india, .commandKey(.enter)) == [.table(effect)], "\(line)")
        }
        _ = update(&india, .openCommandLine)
        for character in "accept #9" { _ = update(&india, .commandKey(.character(character))) }
        #expect(update(&india, .commandKey(.enter)).isEmpty && india.message == "there is no proposal #9 on your table")
        #expect(game.type("extend 0", at: "facilitator").isEmpty && game["facilitator"].message == "'0' is not a number of seconds")
    }

    // MARK: Privacy and the document

    @Test func aDelegationCannotEditItsStanceAtATableAndTheFacilitatorsEditGoesToTheServer() throws {
        var game = try midRound()
        var eu = game["eu"]
        _ = update(&eu, .show(.interests))
        #expect(update(&eu, .editing(.adjustSalience(0.1))).isEmpty)
        #expect(eu.message == "at a workshop table your stance is the scenario's; the facilitator may change it")
        #expect(update(&eu, .files(.undo)).isEmpty && eu.message?.hasPrefix("a workshop table keeps every move") == true)
        #expect(update(&eu, .files(.requestSave(nil, force: false))).isEmpty)
        var facilitator = game["facilitator"]
        #expect(update(&facilitator, .editing(.edit(.value(actor: "eu", issue: "chips", option: "onshore", 70))))
            == [.table(.editActor(actor: "eu", edit: .value(issue: "chips", option: "onshore", value: 70), to: .seats(["eu"])))])
        #expect(update(&facilitator, .editing(.edit(.renameIssue(issue: "chips", name: "Chips")))).isEmpty)
        _ = update(&facilitator, .workshop(.announceEdits(true)))
        #expect(update(&facilitator, .editing(.edit(.salience(actor: "us", issue: "chips", 2))))
            == [.table(.editActor(actor: "us", edit: .salience(issue: "chips", salience: 2), to: .everyone))])
        game.send(.editing(.edit(.value(actor: "eu", issue: "chips", option: "onshore", 70))), at: "facilitator")
        #expect(game["eu"].message == "the facilitator changed your stance (3 shows it)")
        #expect(!screen(game["us"]).joined().contains("stance was changed"), "an edit told to eu alone is not shown to us")
    }

    @Test func textFromAnotherSeatNeverReachesTheTerminalRaw() throws {
        var game = try midRound()
        game.type("say \u{1B}]0;owned\u{07}\u{1B}[2J hello", at: "india")
        let grid = WorkbenchView.render(game["us"])
        for cell in grid.cells { #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }) }
        let text = grid.lines.joined(separator: " ")
        #expect(text.contains("india → everyone:") && text.contains("hello"))
    }

    @Test func theTableTabIsAWorkshopsOnly() throws {
        var solo = LocalWorkbench(scenario: try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent("Data/training/cables-and-chips.yaml").path),
                                  file: "cables.yaml", size: size)
        #expect(!solo.screens.contains(.table))
        #expect(update(&solo, .show(.table)).isEmpty && solo.screen == .overview)
        #expect(update(&solo, .workshop(.propose(to: nil))).isEmpty && solo.message == "that is for a workshop table: entente join URL CODE")
        #expect(!WorkbenchView.render(solo).lines[0].contains("Table"))
        let game = try midRound()
        #expect(WorkbenchView.render(game["eu"]).lines[0].contains("9 Table"))
    }

    /// The client reports the line up just before the first welcome, while the workbench
    /// is not at a table yet: the welcome itself says the line is up.
    @Test func theFirstWelcomeShowsTheLineUp() throws {
        let game = try midRound()
        var fresh = LocalWorkbench(scenario: try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent("Data/training/cables-and-chips.yaml").path),
                                   file: "cables.yaml", size: size)
        #expect(update(&fresh, .workshop(.link(.connected))).isEmpty && fresh.message == nil, "no message about a line before the table")
        _ = update(&fresh, .workshop(.joined(seat: game.table.seat("eu")!, table: Table.seatTable(for: "eu", setup: game.table.setup, replaying: []))))
        #expect(screen(fresh)[1].hasSuffix("eu · European Union · connected"), "\(screen(fresh)[1])")
    }

    @Test func theLineToTheServerShowsInTheHeader() throws {
        var game = try midRound()
        var eu = game["eu"]
        _ = update(&eu, .workshop(.link(.reconnecting(reason: "the server is not answering (connection refused)", retry: 1.6))))
        #expect(screen(eu)[1].contains("reconnecting in 1.6 s"))
        _ = update(&eu, .workshop(.joined(seat: game.table.seat("eu")!, table: Table.seatTable(for: "eu", setup: game.table.setup, replaying: []))))
        #expect(eu.message == "back at the table" && eu.workshop?.table.proposals.isEmpty == true, "a welcome replaces the table held")
        #expect(screen(eu)[1].hasSuffix("connected"), "a welcome means the line is up: \(screen(eu)[1])")
        game.send(.workshop(.toggleDebrief), at: "eu")
        #expect(game["eu"].message?.hasPrefix("the debrief is the facilitator's") == true)
        #expect(game.send(.workshop(.toggleDebrief), at: "facilitator") == [.prepareDebrief])
        game.send(.workshop(.debriefReady("Debrief\nAgreement 1: us, eu")), at: "facilitator")
        #expect(screen(game["facilitator"]).contains { $0.contains("Agreement 1: us, eu") })
    }
}
