import EntenteWorkshop
import EntenteWorkshopBots
import Foundation
import Testing

/// A real `entente serve` killed with SIGKILL in the middle of a round, with commands in
/// flight, then started again on the same file: every acknowledged command is still in the
/// log, a command sent again under its id is acknowledged without being applied twice, and
/// the participants carry on.
@Suite(.serialized) struct ServerCrashTests {
    struct Code: Decodable { let table: String; let seat: String; let code: String }

    @Test func killNineMidRoundLosesNoAcknowledgedEvent() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("workshop.sqlite").path, codesFile = folder.appendingPathComponent("codes.json").path
        let scenario = BinaryRunner.root.appendingPathComponent("Data/training/cables-and-chips.yaml").path
        var server: ServerProcess? = try await ServerProcess(binary: BinaryRunner.binary.path, arguments: [
            scenario, "--db", db, "--codes", codesFile, "--codes-format", "json", "--listen", "127.0.0.1:0"])
        let codes = try JSONDecoder().decode([Code].self, from: Data(contentsOf: URL(fileURLWithPath: codesFile)))
        func code(_ seat: String) -> String { codes.first { $0.seat == seat }!.code }
        let seats = ["us", "eu", "india"]

        func join(_ seat: String, url: String, resumeAfter: Int? = nil) async throws -> FrameRecorder {
            let recorder = try await FrameRecorder.connect(url: url)
            recorder.client.send(.hello(code: code(seat), resumeAfter: resumeAfter))
            try await recorder.wait(for: "\(seat)'s welcome") { $0.welcomeSeq != nil }
            return recorder
        }
        let facilitator = try await join("facilitator", url: server!.url)
        facilitator.client.send(.command(id: "start", command: .startRound(seconds: 3600)))
        try await facilitator.wait { $0.isAck("start") }
        var participants: [String: FrameRecorder] = [:]
        for seat in seats { participants[seat] = try await join(seat, url: server!.url) }
        participants["us"]!.client.send(.command(id: "proposal", command: .propose(package: TablePackage(["cables": "shared-repair"]), to: .everyone, counterTo: nil)))
        try await participants["us"]!.wait { $0.isAck("proposal") }

        // Every participant sends messages without waiting; the server dies while they flow.
        var sent: [String: [String]] = [:]
        for round in 0 ..< 25 {
            for seat in seats {
                let id = "\(seat)-\(round)"
                participants[seat]!.client.send(.command(id: id, command: .message(to: .everyone, text: id)))
                sent[seat, default: []].append(id)
            }
            if round == 10 { try await participants["india"]!.wait { $0.isAck("india-5") } }
        }
        let killed = server!.stop(signal: SIGKILL)
        #expect(killed & 0x7f == SIGKILL, "the server died of SIGKILL")
        var acknowledged: Set<String> = []
        for (seat, recorder) in participants {
            try await recorder.waitForEnd()
            for id in sent[seat]! where recorder.all.contains(where: { $0.frame?.isAck(id) == true }) { acknowledged.insert(id) }
        }
        let lastSeen = facilitator.all.compactMap { $0.frame?.eventSeq ?? $0.frame?.welcomeSeq }.max() ?? 0
        #expect(acknowledged.count >= 6, "commands were acknowledged before the kill")

        server = try await ServerProcess(binary: BinaryRunner.binary.path, arguments: ["--db", db, "--listen", "127.0.0.1:0"])
        #expect(server!.stderr.contains("resuming 1 table"))
        let back = try await join("facilitator", url: server!.url, resumeAfter: lastSeen)
        let (_, welcome) = try await back.wait { $0.welcomeSeq != nil }
        guard case .welcome(_, let table, _, let lastSeq) = welcome else { return }
        let logged = Set(table.messages.map(\.text))
        #expect(lastSeq >= lastSeen, "the log reaches at least the last event the facilitator saw")
        #expect(acknowledged.isSubset(of: logged), "lost: \(acknowledged.subtracting(logged).sorted())")
        #expect(table.proposals.count == 1)

        // The participants come back and send again everything they sent, under the same ids.
        for seat in seats {
            let recorder = try await join(seat, url: server!.url, resumeAfter: lastSeen)
            participants[seat] = recorder
            for id in sent[seat]! { recorder.client.send(.command(id: id, command: .message(to: .everyone, text: id))) }
            for id in sent[seat]! { try await recorder.wait(for: "the ack of \(id)") { $0.isAck(id) } }
        }
        let done = try await join("facilitator", url: server!.url)
        let (_, final) = try await done.wait { $0.welcomeSeq != nil }
        guard case .welcome(_, let after, _, _) = final else { return }
        let texts = after.messages.map(\.text)
        #expect(texts.count == Set(texts).count, "no message applied twice")
        #expect(Set(texts) == Set(sent.values.joined()), "every message sent is in the log once")
        // And play goes on: eu accepts the proposal made before the crash.
        participants["eu"]!.client.send(.command(id: "accept", command: .respond(proposal: 1, answer: .accept)))
        try await participants["eu"]!.wait { $0.isAck("accept") }
        print("kill -9: \(acknowledged.count) commands acknowledged before the kill, \(acknowledged.subtracting(logged).count) lost; \(logged.count) messages in the log at restart, \(texts.count) after every command was sent again")
        server!.stop(signal: SIGTERM)
    }
}
