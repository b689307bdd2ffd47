import EntenteWorkshop
import EntenteWorkshopBots
import Foundation
import Testing

/// `entente serve` and `entente debrief` as a trainer runs them: a game played to an
/// agreement through a real server, then the debrief read from its file, in full and for
/// one delegation; and the commands' refusals.
@Suite(.serialized) struct ServeDebriefTests {
    struct Code: Decodable { let seat: String; let code: String }

    @Test func aGamePlayedOnARealServerIsDebriefedFromItsFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-debrief-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("w.sqlite").path, codesFile = folder.appendingPathComponent("codes.json").path
        let server = try await ServerProcess(binary: BinaryRunner.binary.path, arguments: [
            BinaryRunner.root.appendingPathComponent("Data/training/cables-and-chips.yaml").path,
            "--db", db, "--codes", codesFile, "--codes-format", "json", "--listen", "127.0.0.1:0"])
        let attributes = try FileManager.default.attributesOfItem(atPath: codesFile)
        #expect((attributes[.posixPermissions] as? Int) == 0o600, "the codes are the trainer's alone")
        let codes = try JSONDecoder().decode([Code].self, from: Data(contentsOf: URL(fileURLWithPath: codesFile)))
        var seats: [String: FrameRecorder] = [:]
        for code in codes {
            let recorder = try await FrameRecorder.connect(url: server.url)
            recorder.client.send(.hello(code: code.code, resumeAfter: nil))
            try await recorder.wait { $0.welcomeSeq != nil }
            seats[code.seat] = recorder
        }
        func run(_ seat: String, _ id: String, _ command: TableCommand) async throws {
            seats[seat]!.client.send(.command(id: id, command: command))
            try await seats[seat]!.wait(for: "the ack of \(id)") { $0.isAck(id) }
        }
        try await run("facilitator", "start", .startRound(seconds: nil))
        try await run("us", "p", .propose(package: TablePackage(["cables": "shared-repair", "chips": "allied-pool"]), to: .everyone, counterTo: nil))
        try await run("eu", "a", .respond(proposal: 1, answer: .accept))
        try await run("india", "b", .respond(proposal: 1, answer: .accept))
        try await run("facilitator", "close", .closeRound)
        try await seats["us"]!.wait(for: "the agreement") { if case .event(_, let event) = $0, case .agreementReached = event.fact { true } else { false } }

        // While the server still runs, and from its file alone.
        let full = try BinaryRunner.run(["debrief", db])
        #expect(full.status == 0, "\(full.stderrText)")
        #expect(full.stdoutText.contains("cables=shared-repair, chips=allied-pool"), "\(full.stdoutText)")
        let json = try BinaryRunner.run(["debrief", db, "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let agreement = try #require((document["agreements"] as? [[String: Any]])?.first)
        #expect((agreement["members"] as? [String]) == ["us", "eu", "india"])
        #expect((agreement["gains"] as? [[String: Any]])?.count == 3)
        let euText = try BinaryRunner.run(["debrief", db, "--for", "eu"])
        #expect(euText.status == 0 && euText.stdoutText.contains("cables=shared-repair, chips=allied-pool"), "eu's debrief names the agreement too: \(euText.stdoutText)")
        let eu = try BinaryRunner.run(["debrief", db, "--for", "eu", "--format", "json"])
        let euDocument = try #require(try JSONSerialization.jsonObject(with: eu.stdout) as? [String: Any])
        let euGains = try #require(((euDocument["agreements"] as? [[String: Any]])?.first?["gains"]) as? [[String: Any]])
        #expect(euGains.compactMap { $0["actor"] as? String } == ["eu"], "eu's debrief shows its own gain only before the reveal")
        #expect(euDocument["possible"] == nil, "no engine analysis, which reads the others' stances, for a delegation")
        #expect(euDocument["full"] as? Bool == false && euDocument["seat"] as? String == "eu")

        let unknownTable = try BinaryRunner.run(["debrief", db, "--table", "nowhere"])
        #expect(unknownTable.status == 64 && unknownTable.stderrText.contains("expected one of: cables-and-chips-1"))
        let unknownSeat = try BinaryRunner.run(["debrief", db, "--for", "mars"])
        #expect(unknownSeat.status == 64 && unknownSeat.stderrText.contains("has no seat 'mars'"))
        #expect(try BinaryRunner.run(["debrief", folder.appendingPathComponent("none.sqlite").path]).status == 66)
        server.stop(signal: SIGTERM)
    }

    @Test func serveRefusesBadFlagsAndAnotherWorkshopsFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("w.sqlite").path
        let scenario = BinaryRunner.root.appendingPathComponent("Data/training/cables-and-chips.yaml").path
        let listen = try BinaryRunner.run(["serve", scenario, "--db", db, "--listen", "localhost"])
        #expect(listen.status == 64 && listen.stderrText.contains("--listen: expected HOST:PORT"))
        let engine = try BinaryRunner.run(["serve", scenario, "--db", db, "--engine-seats", "mars"])
        #expect(engine.status == 64 && engine.stderrText.contains("--engine-seats names 'mars'"))
        let none = try BinaryRunner.run(["serve", "--db", db])
        #expect(none.status == 64 && none.stderrText.contains("holds no tables yet"))
        // Codes are printed once, when the tables are made; a second run resumes.
        let first = try await ServerProcess(binary: BinaryRunner.binary.path, arguments: [scenario, "--db", db, "--listen", "127.0.0.1:0", "--engine-seats", "india"])
        #expect(first.stdout.contains("table cables-and-chips-1") && first.stdout.contains("delegation of india (engine)"))
        first.stop(signal: SIGTERM)
        let other = try BinaryRunner.run(["serve", BinaryRunner.root.appendingPathComponent("Data/training/four-futures.yaml").path, "--db", db])
        #expect(other.status == 64 && other.stderrText.contains("Use a new --db for a new workshop"))
        let again = try await ServerProcess(binary: BinaryRunner.binary.path, arguments: ["--db", db, "--listen", "127.0.0.1:0"])
        #expect(!again.stdout.contains("table cables-and-chips-1") && again.stderr.contains("resuming 1 table"))
        again.stop(signal: SIGTERM)
    }
}
