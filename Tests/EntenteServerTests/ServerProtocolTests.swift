import EntenteCore
@testable import EntenteServer
import EntenteWorkshop
import EntenteWorkshopBots
import Foundation
import Testing

/// The server's protocol against a real server on loopback: every refusal is an error frame
/// and a log line and the connection goes on; a command id is applied once; a rejoin closes
/// the old connection; a reconnect resumes; the server's clock closes rounds; the engine
/// answers for its seats; a restart replays the log.
@Suite(.serialized) struct ServerProtocolTests {
    static let allied = TablePackage(["cables": "shared-repair", "chips": "allied-pool"])

    /// Sends a command and waits for its ack (or the error frame with `code`).
    @discardableResult
    func send(_ command: TableCommand, id: String, from recorder: FrameRecorder, expecting code: ErrorCode? = nil) async throws -> ServerFrame {
        let from = recorder.all.count
        recorder.client.send(.command(id: id, command: command))
        return try await recorder.wait(from: from, for: "the answer to \(id)") { frame in
            if let code { frame.isError(code, id: id) } else { frame.isAck(id) || frame.isError(.forbidden, id: id) || frame.isError(.invalid, id: id) || frame.isError(.notNow, id: id) }
        }.frame
    }

    func pong(_ recorder: FrameRecorder) async throws {
        let from = recorder.all.count
        recorder.client.send(.ping)
        try await recorder.wait(from: from, for: "a pong") { if case .pong = $0 { true } else { false } }
    }

    @Test func aWrongCodeIsRefusedLoggedAndTheConnectionClosedAfterAFew() async throws {
        let server = try await LiveServer.start()
        defer { server.remove() }
        let client = try await FrameRecorder.connect(url: server.url)
        client.client.send(.hello(code: "AAAA-BBBB-CCCC-DDDD", resumeAfter: nil))
        try await client.wait(for: "wrong-code") { $0.isError(.wrongCode) }
        #expect(server.log.contains("wrong-code"))
        client.client.send(.hello(code: "not even a code", resumeAfter: nil))
        try await client.wait(from: 1, for: "a second wrong-code") { $0.isError(.wrongCode) }
        for _ in 0 ..< 3 { client.client.send(.hello(code: "AAAA-BBBB-CCCC-DDDD", resumeAfter: nil)) }
        try await client.waitForEnd()
        #expect(client.all.filter { $0.frame?.isError(.wrongCode) == true }.count == WorkshopConnection.wrongCodeLimit)
        await server.stop()
    }

    @Test func framesBeforeHelloMalformedUnknownAndOversizedGetErrorFrames() async throws {
        let server = try await LiveServer.start()
        defer { server.remove() }
        let client = try await FrameRecorder.connect(url: server.url)
        client.client.send(.command(id: "early", command: .reveal))
        try await client.wait(for: "not-joined") { $0.isError(.notJoined, id: "early") }
        let us = try await server.join("us")
        for (text, code, id, message) in [
            ("not json", ErrorCode.badFrame, nil, "the frame: not JSON"),
            (#"{"shout":{}}"#, .badFrame, nil, "the frame: unknown kind 'shout'"),
            (#"{"command":{"id":"x1","command":{"launchMissiles":{}}}}"#, .unknownCommand, "x1", "unknown command 'launchMissiles'"),
            (#"{"command":{"id":"x2","command":{"propose":{"to":{"everyone":{}}}}}}"#, .badFrame, "x2", "command.command.propose: missing 'package'"),
            (#"{"command":{"id":"x3"}}"#, .badFrame, "x3", "command: missing 'command'"),
            (#"{"command":{"id":"","command":{"reveal":{}}}}"#, .badFrame, nil, "a command id is 1 to 128 characters"),
        ] as [(String, ErrorCode, String?, String)] {
            let from = us.all.count
            us.client.sendRaw(text)
            let (_, frame) = try await us.wait(from: from, for: "\(code) for \(text)") { $0.isError(code) }
            // The id the frame gave its command is echoed, however malformed the rest.
            #expect(frame == .error(id: id, code: code, message: message), "\(text)")
            #expect(server.log.contains(message))
        }
        let from = us.all.count
        us.client.sendRaw(#"{"ping":{}}"# + String(repeating: " ", count: 70_000))
        let (_, tooLarge) = try await us.wait(from: from, for: "too-large") { $0.isError(.tooLarge) }
        if case .error(_, _, let said) = tooLarge { #expect(said == "a frame of 70011 bytes is over the limit of 65536") }
        #expect(server.log.contains("over the limit of 65536"))
        try await pong(us)
        await server.stop()
    }

    @Test func aFloodIsRefusedAndTheConnectionCarriesOnWhenItEnds() async throws {
        var limits = FrameLimits()
        limits.burst = 5
        limits.perSecond = 20
        let server = try await LiveServer.start(limits: limits)
        defer { server.remove() }
        let us = try await server.join("us")
        for n in 0 ..< 30 { us.client.send(.command(id: "flood-\(n)", command: .message(to: .everyone, text: "flood \(n)"))) }
        let (_, refused) = try await us.wait(for: "rate-limited") { $0.isError(.rateLimited) }
        guard case .error(let id?, _, _) = refused else { Issue.record("the flooded command's id is not echoed: \(refused)"); return }
        #expect(id.hasPrefix("flood-"))
        #expect(server.log.contains("rate-limited"))
        // Every command got an answer: an ack for the burst, rate-limited for the rest.
        for n in 0 ..< 30 { try await us.wait(for: "the answer to flood-\(n)") { $0.isAck("flood-\(n)") || $0.isError(.rateLimited, id: "flood-\(n)") } }
        try await Task.sleep(for: .milliseconds(500))
        try await pong(us)
        await server.stop()
    }

    @Test func aParticipantCannotRunTheTableNorActAsAnotherSeat() async throws {
        let server = try await LiveServer.start()
        defer { server.remove() }
        let facilitator = try await server.join("facilitator"), us = try await server.join("us"), eu = try await server.join("eu")
        let refused = try await send(.startRound(seconds: nil), id: "s", from: us, expecting: .forbidden)
        #expect(refused == .error(id: "s", code: .forbidden, message: "only the facilitator can start a round"))
        #expect(server.log.contains("only the facilitator can start a round"))
        try await send(.startRound(seconds: nil), id: "s", from: facilitator)
        // A frame naming another seat is still the connection's own seat's.
        us.client.sendRaw(#"{"command":{"id":"p","seat":"eu","command":{"propose":{"package":{"options":{"cables":"shared-repair"}},"to":{"everyone":{}}}}}}"#)
        try await us.wait(for: "the ack of p") { $0.isAck("p") }
        let (_, proposed) = try await eu.wait(for: "the proposal") { if case .event(_, let event) = $0, case .proposed = event.fact { true } else { false } }
        if case .event(_, let event) = proposed, case .proposed(let proposal) = event.fact { #expect(proposal.author == "us") }
        let withdraw = try await send(.withdraw(proposal: 1), id: "w", from: eu, expecting: .forbidden)
        #expect(withdraw == .error(id: "w", code: .forbidden, message: "proposal 1 is us's to withdraw"))
        let second = try await FrameRecorder.connect(url: server.url)
        second.client.send(.hello(code: server.code("us"), resumeAfter: nil))
        try await second.wait { $0.welcomeSeq != nil }
        second.client.send(.hello(code: server.code("eu"), resumeAfter: nil))
        try await second.wait(for: "a refused second hello") { $0.isError(.badFrame) }
        await server.stop()
    }

    @Test func aCommandIdIsAppliedOnceAndARetryIsAcknowledgedAgainEvenAfterARestart() async throws {
        let server = try await LiveServer.start()
        defer { server.remove() }
        let facilitator = try await server.join("facilitator"), us = try await server.join("us")
        try await send(.startRound(seconds: nil), id: "start", from: facilitator)
        for _ in 0 ..< 3 { try await send(.propose(package: Self.allied, to: .everyone, counterTo: nil), id: "same", from: us) }
        #expect(us.all.filter { $0.frame?.isAck("same") == true }.count == 3)
        let logged = try server.store.events(of: server.firstTable)
        #expect(logged.filter { $0.commandID == "same" }.count == 1, "one proposal in the log")
        // The same id from another seat is that seat's own command.
        let eu = try await server.join("eu")
        let answer = try await send(.respond(proposal: 1, answer: .accept), id: "same", from: eu)
        #expect(answer.isAck("same"))
        await server.stop()
        let restarted = try await LiveServer.start(reusing: server)
        let again = try await restarted.join("us")
        try await send(.propose(package: Self.allied, to: .everyone, counterTo: nil), id: "same", from: again)
        #expect(try restarted.store.events(of: restarted.firstTable).count == logged.count + 1, "only eu's response was added")
        await restarted.stop()
    }

    @Test func aRejoinClosesTheOldConnectionAndAReconnectResumes() async throws {
        let server = try await LiveServer.start()
        defer { server.remove() }
        let facilitator = try await server.join("facilitator")
        let first = try await server.join("us")
        try await send(.startRound(seconds: nil), id: "start", from: facilitator)
        let seen = try await first.wait(for: "the round's start") { $0.eventSeq != nil }.frame.eventSeq!
        let second = try await server.join("us", resumeAfter: seen)
        try await first.wait(for: "the replaced error") { $0.isError(.replaced) }
        try await first.waitForEnd()
        #expect(first.client.endReason == "the seat was joined from another terminal", "the close frame says why")
        #expect(server.log.contains("us joined again"))
        // While us is away, eu proposes; us comes back resuming after what it saw.
        second.client.close()
        try await second.waitForEnd()
        let eu = try await server.join("eu")
        try await send(.propose(package: Self.allied, to: .everyone, counterTo: nil), id: "p", from: eu)
        let third = try await server.join("us", resumeAfter: seen)
        let (_, welcome) = try await third.wait { $0.welcomeSeq != nil }
        guard case .welcome(_, let table, _, let lastSeq) = welcome else { return }
        #expect(lastSeq == seen + 1)
        #expect(table.proposals.map(\.proposal.author) == ["eu"], "the missed proposal is in the welcome's table")
        try await send(.respond(proposal: 1, answer: .accept), id: "r", from: third)
        await server.stop()
    }

    @Test func figuresAndClaimsAClientSendsAreIgnored() async throws {
        let server = try await LiveServer.start()
        defer { server.remove() }
        let facilitator = try await server.join("facilitator"), us = try await server.join("us")
        try await send(.startRound(seconds: nil), id: "start", from: facilitator)
        // A proposal claiming gains, members and an agreement: the table reads only the
        // package and audience, and decides itself whether anyone agreed.
        us.client.sendRaw(#"{"command":{"id":"claim","command":{"propose":{"package":{"options":{"cables":"shared-repair","chips":"allied-pool"}},"to":{"everyone":{}},"gains":{"us":99,"eu":99,"india":99},"members":["us","eu","india"],"agreed":true}}}}"#)
        try await us.wait(for: "the ack of claim") { $0.isAck("claim") }
        us.client.sendRaw(#"{"command":{"id":"self","command":{"respond":{"proposal":1,"answer":"accept","seat":"eu","gain":99}}}}"#)
        // The frame names eu, but the connection is us's: us answering its own proposal.
        let answer = try await us.wait(for: "the answer to self") { $0.isAck("self") || $0.isError(.invalid, id: "self") }.frame
        #expect(answer == .error(id: "self", code: .invalid, message: "proposal 1 is your own; its author counts as accepting it"))
        try await send(.closeRound, id: "close", from: facilitator)
        let logged = try server.store.events(of: server.firstTable)
        #expect(!logged.contains { $0.body.contains("agreementReached") }, "no agreement: only us accepted")
        #expect(!logged.contains { $0.body.contains("99") || $0.body.contains("agreed") }, "nothing the client claimed is in the log")
        await server.stop()
    }

    @Test func theServersClockClosesARoundAtItsDeadline() async throws {
        let server = try await LiveServer.start()
        defer { server.remove() }
        let facilitator = try await server.join("facilitator"), us = try await server.join("us")
        try await send(.startRound(seconds: 60), id: "start", from: facilitator)
        server.clock.advance(59)
        try await send(.propose(package: Self.allied, to: .everyone, counterTo: nil), id: "in-time", from: us)
        server.clock.advance(2)
        // Refused whether the tick has closed the round yet or not: the deadline is the server's.
        try await send(.propose(package: Self.allied, to: .everyone, counterTo: nil), id: "late", from: us, expecting: .notNow)
        try await us.wait(for: "the round's close") { if case .event(_, let event) = $0, case .roundClosed = event.fact { true } else { false } }
        #expect(server.log.contains("closed at its deadline"))
        await server.stop()
    }

    @Test func theEngineAnswersForItsSeatsThroughTheSamePath() async throws {
        var plan = TablePlan()
        plan.engineActors = ["india"]
        let server = try await LiveServer.start(plan: plan)
        defer { server.remove() }
        let facilitator = try await server.join("facilitator"), us = try await server.join("us")
        try await send(.startRound(seconds: nil), id: "start", from: facilitator)
        // India gains under shared repair with the allied pool (docs/training.md: +25).
        try await send(.propose(package: Self.allied, to: .everyone, counterTo: nil), id: "p", from: us)
        let (_, answer) = try await facilitator.wait(for: "india's answer") { if case .event(_, let event) = $0, case .responded = event.fact { true } else { false } }
        if case .event(_, let event) = answer, case .responded(let response) = event.fact { #expect(response.seat == "india" && response.answer == .accept) }
        let logged = try server.store.events(of: server.firstTable)
        #expect(logged.last?.seat == "india" && logged.last?.commandID?.hasPrefix("engine-") == true)
        await server.stop()
    }

    @Test func aRestartReplaysTheLogToTheSameTable() async throws {
        let server = try await LiveServer.start()
        defer { server.remove() }
        let facilitator = try await server.join("facilitator"), us = try await server.join("us")
        try await send(.startRound(seconds: nil), id: "start", from: facilitator)
        try await send(.propose(package: Self.allied, to: .everyone, counterTo: nil), id: "p", from: us)
        try await send(.message(to: .seats(["eu"]), text: "a word"), id: "m", from: us)
        let before = await server.server.tables[server.firstTable]!.snapshot()
        await server.stop()
        let restarted = try await LiveServer.start(reusing: server)
        let after = await restarted.server.tables[restarted.firstTable]!.snapshot()
        #expect(after.lastSeq == before.lastSeq && after.table.board == before.table.board)
        let eu = try await restarted.join("eu")
        let (_, welcome) = try await eu.wait { $0.welcomeSeq != nil }
        if case .welcome(_, let table, _, _) = welcome { #expect(table.messages.map(\.text) == ["a word"]) }
        await restarted.stop()
    }
}
