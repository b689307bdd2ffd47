import EntenteCore
import EntenteSession
@testable import EntenteWorkshop
import Testing
import EntenteTestSupport

/// Every rule of the table and every refusal, with the sentence the seat is told. The table
/// is the standards bargain (TableFixtures), round 1 running from t = 1000 to 1300.
@Suite struct RuleTests {
    let bargain = TableFixtures.bargain
    let facilitator = TableFixtures.facilitator

    @Test func onlyTheFacilitatorRunsTheTable() throws {
        let table = try TableFixtures.running()
        let commands: [TableCommand] = [
            .startRound(seconds: nil), .pause, .resume, .extend(seconds: 60), .closeRound, .callVote(proposal: 1),
            .injectFuture(future: "x", to: .everyone), .editActor(actor: "us", edit: .salience(issue: "seats", salience: 2), to: .everyone),
            .reassignSeat(seat: "us", player: .engine), .resetSeat(seat: "us"), .broadcast(text: "hi"), .reveal,
        ]
        for command in commands {
            #expect(command.isFacilitators)
            for seat in ["us", TableFixtures.observer] {
                #expect(table.refusal(command, from: seat) == TableError(.forbidden, "only the facilitator can \(command.verb)"), "\(command) from \(seat)")
            }
        }
    }

    @Test func onlyADelegationProposesAndResponds() throws {
        var table = try TableFixtures.running()
        try table.run(.propose(package: bargain, to: .everyone, counterTo: nil), from: "us", at: 1010)
        for seat in [facilitator, TableFixtures.observer] {
            let role = seat == facilitator ? "the facilitator" : "an observer"
            #expect(table.refusal(.propose(package: bargain, to: .everyone, counterTo: nil), from: seat) == TableError(.forbidden, "only a delegation makes proposals; this seat is \(role)"))
            #expect(table.refusal(.respond(proposal: 1, answer: .accept), from: seat) == TableError(.forbidden, "only a delegation responds to proposals; this seat is \(role)"))
        }
        #expect(table.refusal(.message(to: .everyone, text: "hi"), from: TableFixtures.observer) == TableError(.forbidden, "an observer watches the table and sends no messages"))
        #expect(table.refusal(.message(to: .seats(["us"]), text: "a word"), from: facilitator) == nil, "the facilitator may message a seat")
    }

    @Test func movesNeedARunningRound() throws {
        var table = Table(setup: try TableFixtures.setup())
        let propose = TableCommand.propose(package: bargain, to: .everyone, counterTo: nil)
        #expect(table.refusal(propose, from: "us") == TableError(.notNow, "no round has started yet; you can make a proposal once the facilitator starts one"))
        #expect(table.refusal(.message(to: .everyone, text: "before we start"), from: "us") == nil, "messages need no round")
        try table.run(.startRound(seconds: 100), from: facilitator, at: 1000)
        #expect(table.refusal(propose, from: "us", at: 1100) == TableError(.notNow, "round 1's time is up"))
        try table.run(.pause, from: facilitator, at: 1040)
        #expect(table.refusal(propose, from: "us", at: 1050) == TableError(.notNow, "round 1 is paused"))
        try table.run(.resume, from: facilitator, at: 1060)
        try table.run(.closeRound, from: facilitator, at: 1070)
        #expect(table.refusal(propose, from: "us", at: 1080) == TableError(.notNow, "round 1 is closed; you can make a proposal once the facilitator starts the next"))
    }

    @Test func theClockPausesResumesAndExtends() throws {
        var table = Table(setup: try TableFixtures.setup())
        #expect(table.refusal(.pause, from: facilitator) == TableError(.notNow, "no round is running"))
        #expect(table.refusal(.resume, from: facilitator) == TableError(.notNow, "no round is paused"))
        #expect(table.refusal(.extend(seconds: 60), from: facilitator) == TableError(.notNow, "no round is under way"))
        #expect(table.refusal(.closeRound, from: facilitator) == TableError(.notNow, "no round is under way"))
        #expect(table.refusal(.startRound(seconds: 0.5), from: facilitator) == TableError(.invalid, "a round's time is 1…86400 seconds, not 0.5"))
        try table.run(.startRound(seconds: nil), from: facilitator, at: 1000)
        #expect(table.board.phase == .running(deadline: 1300), "the setup's 300 seconds")
        #expect(table.refusal(.startRound(seconds: nil), from: facilitator) == TableError(.notNow, "round 1 is under way; close it before starting the next"))
        try table.run(.pause, from: facilitator, at: 1100)
        #expect(table.board.phase == .paused(remaining: 200) && table.board.remaining(at: 5000) == 200)
        try table.run(.extend(seconds: 50), from: facilitator, at: 1150)
        #expect(table.board.phase == .paused(remaining: 250))
        try table.run(.resume, from: facilitator, at: 2000)
        #expect(table.board.phase == .running(deadline: 2250))
        try table.run(.extend(seconds: 10), from: facilitator, at: 2100)
        #expect(table.board.phase == .running(deadline: 2260))
        #expect(table.refusal(.extend(seconds: 1e9), from: facilitator)?.code == .invalid)
        #expect(table.refusal(.pause, from: facilitator, at: 2260) == TableError(.notNow, "round 1's time is up; close it or extend it"))
        #expect(table.expiry(at: 2259).isEmpty)
        let expired = table.expiry(at: 2260)
        #expect(expired.map(\.fact) == [.roundClosed(round: 1, unsealed: [])])
        expired.forEach { table.apply($0) }
        try table.run(.startRound(seconds: 60), from: facilitator, at: 3000)
        #expect(table.board.round == 2 && table.board.phase == .running(deadline: 3060))
    }

    @Test func aProposalIsCheckedAndCanonical() throws {
        var table = try TableFixtures.running()
        let odd = TablePackage(["governance": "reinforced", "seats": "as-is"])
        let made = try table.run(.propose(package: odd, to: .seats(["china"]), counterTo: nil), from: "us", at: 1010)
        guard case .proposed(let proposal) = made[0].fact else { Issue.record("no proposal"); return }
        #expect(proposal.package == TablePackage(["governance": "reinforced"]), "the status quo is not named")
        func refusal(_ package: TablePackage = TableFixtures.bargain, _ to: Audience = .everyone, _ counterTo: Int? = nil, from seat: String = "eu") -> TableError? {
            table.refusal(.propose(package: package, to: to, counterTo: counterTo), from: seat)
        }
        #expect(refusal(TablePackage(["tariffs": "none"])) == TableError(.invalid, "unknown issue 'tariffs'; expected one of: governance, seats"))
        #expect(refusal(TablePackage(["seats": "all"])) == TableError(.invalid, "'all' is not an option of issue 'seats'; expected one of: as-is, g7-minimum, g7-and-lmic"))
        #expect(refusal(bargain, .seats([])) == TableError(.invalid, "name at least one seat, or address everyone"))
        #expect(refusal(bargain, .seats(["us", "us"])) == TableError(.invalid, "a seat is named twice"))
        #expect(refusal(bargain, .seats(["eu"])) == TableError(.invalid, "you cannot address yourself"))
        #expect(refusal(bargain, .seats(["mars"])) == TableError(.invalid, "no seat 'mars' at this table"))
        #expect(refusal(bargain, .seats([facilitator])) == TableError(.invalid, "proposals go to delegations; 'facilitator' is the facilitator"))
        #expect(refusal(bargain, .everyone, 9) == TableError(.invalid, "no proposal 9 on the table"))
        #expect(refusal(bargain, .everyone, 1) == TableError(.forbidden, "proposal 1 is not addressed to you"))
        #expect(refusal(bargain, .everyone, 1, from: "us") == TableError(.invalid, "proposal 1 is your own; withdraw it and propose again instead"))
        let counter = try table.run(.propose(package: bargain, to: .seats(["us"]), counterTo: 1), from: "china", at: 1020)
        guard case .proposed(let answer) = counter[0].fact else { Issue.record("no counter"); return }
        #expect(answer.counterTo == 1 && answer.id == 2 && answer.author == "china")
    }

    @Test func responsesFollowTheProposal() throws {
        var table = try TableFixtures.running()
        try table.run(.propose(package: bargain, to: .seats(["china", "eu"]), counterTo: nil), from: "us", at: 1010)
        #expect(table.refusal(.respond(proposal: 1, answer: .accept), from: "us") == TableError(.invalid, "proposal 1 is your own; its author counts as accepting it"))
        #expect(table.refusal(.respond(proposal: 1, answer: .accept), from: "tech-community") == TableError(.forbidden, "proposal 1 is not addressed to you"))
        #expect(table.refusal(.respond(proposal: 2, answer: .accept), from: "china") == TableError(.invalid, "no proposal 2 on the table"))
        try table.run(.respond(proposal: 1, answer: .reject), from: "china", at: 1020)
        #expect(table.refusal(.respond(proposal: 1, answer: .reject), from: "china") == TableError(.notNow, "you already rejected proposal 1"))
        try table.run(.respond(proposal: 1, answer: .accept), from: "china", at: 1030)
        #expect(table.board.proposal(1)?.responses == ["china": .accept], "the last answer counts")
        #expect(table.refusal(.withdraw(proposal: 1), from: "china") == TableError(.forbidden, "proposal 1 is us's to withdraw"))
        try table.run(.withdraw(proposal: 1), from: "us", at: 1040)
        #expect(table.board.proposal(1)?.status == .withdrawn)
        #expect(table.refusal(.withdraw(proposal: 1), from: "us") == TableError(.notNow, "proposal 1 was withdrawn"))
        #expect(table.refusal(.respond(proposal: 1, answer: .reject), from: "eu") == TableError(.notNow, "proposal 1 was withdrawn"))
        #expect(table.refusal(.callVote(proposal: 1), from: facilitator) == TableError(.notNow, "proposal 1 was withdrawn"))
        #expect(table.refusal(.propose(package: bargain, to: .everyone, counterTo: 1), from: "eu") == TableError(.notNow, "proposal 1 was withdrawn"))
        let closed = try table.run(.closeRound, from: facilitator, at: 1100)
        #expect(closed.count == 1, "a withdrawn proposal makes no agreement, though us and china accept it")
    }

    @Test func anAgreedProposalIsClosedAndTheTableGoesOn() throws {
        var table = try TableFixtures.running(voting: .open)
        try table.run(.propose(package: bargain, to: .everyone, counterTo: nil), from: "us", at: 1010)
        try table.run(.respond(proposal: 1, answer: .accept), from: "china", at: 1020)
        #expect(table.board.agreements.map(\.members) == [["us", "china"]])
        #expect(table.refusal(.respond(proposal: 1, answer: .reject), from: "eu") == TableError(.notNow, "proposal 1 is already agreement 1"))
        #expect(table.refusal(.withdraw(proposal: 1), from: "us") == TableError(.notNow, "proposal 1 is already agreement 1"))
        // A better deal for more members can still be made: the same package, from eu, to all.
        try table.run(.propose(package: bargain, to: .everyone, counterTo: 1), from: "eu", at: 1030)
        try table.run(.respond(proposal: 2, answer: .accept), from: "tech-community", at: 1040)
        #expect(table.board.agreements.count == 1, "eu + tech hold 2 of 6")
        let events = try table.run(.respond(proposal: 2, answer: .accept), from: "china", at: 1050)
        #expect(events.last?.fact == .agreementReached(Agreement(id: 2, proposal: 2, package: bargain, members: ["china", "eu", "tech-community"], round: 1)))
    }

    @Test func messagesAndBroadcastsAreChecked() throws {
        let table = try TableFixtures.running()
        let long = String(repeating: "x", count: Table.textLimit + 1)
        #expect(table.refusal(.message(to: .everyone, text: " \n"), from: "us") == TableError(.invalid, "the text is empty"))
        #expect(table.refusal(.message(to: .everyone, text: long), from: "us") == TableError(.invalid, "a text holds at most 2000 characters; this one has 2001"))
        #expect(table.refusal(.message(to: .seats(["us"]), text: "me"), from: "us") == TableError(.invalid, "you cannot address yourself"))
        #expect(table.refusal(.broadcast(text: ""), from: facilitator) == TableError(.invalid, "the text is empty"))
        let events = try table.decide(.message(to: .seats(["china", facilitator]), text: "a word"), from: "us", at: 1010)
        #expect(events.map(\.fact) == [.messaged(Message(id: 1, from: "us", to: .seats(["china", facilitator]), text: "a word", round: 1))])
    }

    @Test func seatsAreReassignedAndReset() throws {
        var table = try TableFixtures.running()
        #expect(table.refusal(.reassignSeat(seat: "mars", player: .engine), from: facilitator) == TableError(.invalid, "no seat 'mars' at this table"))
        #expect(table.refusal(.reassignSeat(seat: TableFixtures.observer, player: .engine), from: facilitator)
            == TableError(.invalid, "only a delegation can be handed to a person or the engine; 'observer' is an observer"))
        #expect(table.refusal(.reassignSeat(seat: "us", player: .person), from: facilitator) == TableError(.notNow, "seat 'us' is already played by a person"))
        try table.run(.reassignSeat(seat: "us", player: .engine), from: facilitator, at: 1010)
        #expect(table.seat("us")?.player == .engine)
        #expect(table.refusal(.resetSeat(seat: "mars"), from: facilitator) == TableError(.invalid, "no seat 'mars' at this table"))
        #expect(try table.decide(.resetSeat(seat: "china"), from: facilitator, at: 1020).map(\.fact) == [.seatReset(seat: "china")])
    }

    @Test func revealAndVoteCalls() throws {
        var table = try TableFixtures.running()
        #expect(table.refusal(.callVote(proposal: 1), from: facilitator) == TableError(.invalid, "no proposal 1 on the table"))
        try table.run(.propose(package: bargain, to: .seats(["china"]), counterTo: nil), from: "us", at: 1010)
        try table.run(.callVote(proposal: 1), from: facilitator, at: 1020)
        #expect(table.board.proposal(1)?.voteCalled == true)
        try table.run(.reveal, from: facilitator, at: 1030)
        #expect(table.refusal(.reveal, from: facilitator) == TableError(.notNow, "the table is already revealed"))
        #expect(table.scenario(for: "eu") == table.scenario, "after the reveal a delegation sees everything")
    }

    @Test func injectsChangeTheScenarioInForce() throws {
        let scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent("Data/training/four-futures.yaml").path)
        var table = Table(setup: TableSetup.standard(scenario))
        let facilitator = "facilitator"
        #expect(table.refusal(.injectFuture(future: "mars", to: .everyone), from: facilitator)
            == TableError(.invalid, "the scenario has no future 'mars'; expected one of: bipolar-nationalist, bipolar-internationalist, multipolar-nationalist, multipolar-internationalist"))
        try table.run(.injectFuture(future: "bipolar-nationalist", to: .seats(["us"])), from: facilitator, at: 10)
        let expected = scenario.applying(scenario.futures[0])
        #expect(table.scenario == expected)
        #expect(table.scenario(for: "us") == expected.seen(by: "us"), "us was told")
        #expect(table.scenario(for: "china") == scenario.seen(by: "china"), "china was not")
        #expect(table.refusal(.injectFuture(future: "bipolar-nationalist", to: .everyone), from: facilitator) == TableError(.notNow, "the future 'bipolar-nationalist' is already in force"))
        #expect(table.refusal(.editActor(actor: "mars", edit: .salience(issue: "dida", salience: 1), to: .everyone), from: facilitator) == TableError(.invalid, "no actor 'mars' in the scenario"))
        #expect(table.refusal(.editActor(actor: "china", edit: .value(issue: "dida", option: "none", value: 500), to: .everyone), from: facilitator)?.code == .invalid)
        try table.run(.editActor(actor: "china", edit: .redLine(issue: "dida", option: "d10-core", on: false), to: .seats(["india"])), from: facilitator, at: 20)
        // The future added open-accession to China's red lines; the edit took d10-core off.
        #expect(table.scenario.actors[1].interests["dida"]?.redLines == ["open-accession"])
        #expect(table.scenario(for: "china")?.actors[1].interests["dida"]?.redLines == [], "the edited actor's seat is always told, not of the future")
        #expect(table.scenario(for: "kenya")?.actors[1].interests.isEmpty == true)
    }
}
