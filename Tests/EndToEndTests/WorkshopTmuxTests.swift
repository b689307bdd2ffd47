import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A whole workshop in four terminals: a facilitator and three delegations on the training
/// scenario (docs/training.md, §1), one of them logged in through a real OpenSSH server
/// whose ForceCommand runs `entente join`. Round 1 ends with india's proposal rejected; eu's
/// terminal is killed and eu joins again from a new one; in round 2 the server is killed
/// with SIGKILL after us proposes and started again on its file, every terminal carries on,
/// and the round closes on an agreement that `entente debrief` names.
@Suite(.serialized) struct WorkshopTmuxTests {
    struct Code: Decodable { let seat: String; let code: String }

    @Test func fourTerminalsPlayTwoRoundsThroughACrashToAnAgreement() throws {
        let binary = CLITests.binary.path, root = CLITests.root.path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-workshop-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("workshop.sqlite").path, codesFile = folder.appendingPathComponent("codes.json").path
        let log = folder.appendingPathComponent("serve.log").path
        let port = LoopbackSSHD.freePort()
        let url = "ws://127.0.0.1:\(port)/ws"
        func serve(_ arguments: [String]) throws -> pid_t {
            let pid = try LoopbackSSHD.start([binary, "serve"] + arguments + ["--db", db, "--listen", "127.0.0.1:\(port)"], output: log)
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline, !LoopbackSSHD.accepts(port) { usleep(50_000) }
            return pid
        }
        var server: pid_t? = try serve([root + "/Data/training/cables-and-chips.yaml", "--codes", codesFile, "--codes-format", "json"])
        func stop(_ signal: Int32) {
            guard let pid = server else { return }
            kill(pid, signal)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            server = nil
        }
        defer { stop(SIGTERM) }
        #expect(LoopbackSSHD.accepts(port), "the server listens: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        let codes = try JSONDecoder().decode([Code].self, from: Data(contentsOf: URL(fileURLWithPath: codesFile)))
        func join(_ seat: String) -> String { "\(binary) join \(url) \(codes.first { $0.seat == seat }!.code)" }

        let facilitator = try TmuxSession(directory: root), us = try TmuxSession(directory: root)
        var eu = try TmuxSession(directory: root)
        let india = try TmuxSession(directory: root)
        // india logs in over SSH; sshd's ForceCommand seats it.
        var sshd: LoopbackSSHD?
        if LoopbackSSHD.available {
            sshd = try LoopbackSSHD(forcing: join("india"))
            india.type(sshd!.login)
        } else {
            #expect(ProcessInfo.processInfo.environment["CI"] == nil, "CI installs openssh-server (.ci/run)")
            print("sshd is not installed (\(LoopbackSSHD.sshd)): india joins without SSH; .ci/run installs openssh-server")
            india.type(join("india"))
        }
        facilitator.type(join("facilitator"))
        us.type(join("us"))
        eu.type(join("eu"))
        for (name, session) in [("facilitator", facilitator), ("us", us), ("eu", eu), ("india", india)] {
            let joined = session.wait(seconds: 30) { $0.contains("9 Table") && $0.contains("connected") }
            #expect(joined.ok, "\(name) joined: \(joined.screen)\n\(sshd?.log ?? "")")
        }

        // Round 1: india offers the open chip market; us and eu turn it down.
        facilitator.send("s")
        #expect(us.wait(for: "Round 1 · ").ok)
        india.type(":choose chips=open-market")
        india.send("9", "p")
        #expect(facilitator.wait(for: "#1 india → everyone").ok)
        us.send("x")
        #expect(us.wait(for: "you: reject").ok)
        eu.send("x")
        #expect(eu.wait(for: "you: reject").ok)
        facilitator.send("C")
        #expect(facilitator.wait(for: "Round 1 · closed").ok)

        // eu's terminal goes; eu joins again from a new one and finds the table as it was.
        eu = try TmuxSession(directory: root)
        eu.type(join("eu"))
        let back = eu.wait(seconds: 30) { $0.contains("#1 india → everyone") && $0.contains("you: reject") }
        #expect(back.ok, "eu's rejoin shows round 1: \(back.screen)")

        // Round 2: us proposes the package every delegation gains from most in total.
        facilitator.send("s")
        #expect(eu.wait(for: "Round 2 · ").ok)
        us.type(":choose cables=shared-repair")
        us.type(":choose chips=allied-pool")
        us.send("9", "p")
        #expect(facilitator.wait(for: "#2 us → everyone").ok)
        #expect(eu.wait(for: "#2 us → everyone").ok)

        // The server dies mid-round and comes back on its file; every terminal reconnects.
        stop(SIGKILL)
        #expect(us.wait(seconds: 20) { $0.contains("reconnecting") }.ok, "us sees the line drop")
        server = try serve([])
        for (name, session) in [("facilitator", facilitator), ("us", us), ("eu", eu), ("india", india)] {
            let again = session.wait(seconds: 30) { $0.contains("connected") && !$0.contains("reconnecting") && $0.contains("Round 2") }
            #expect(again.ok, "\(name) carries on after the restart: \(again.screen)")
        }
        eu.send("a")
        #expect(eu.wait(for: "you: accept").ok)
        india.send("a")
        #expect(india.wait(for: "you: accept").ok)
        facilitator.send("C")
        let agreed = facilitator.wait(seconds: 20) { $0.contains("1: #2 (round 2) us, eu, india") }
        #expect(agreed.ok, "the round closes on an agreement: \(agreed.screen)")
        let participant = us.wait(for: "1: #2 (round 2) us, eu, india").screen

        facilitator.send("d")
        let debriefed = facilitator.wait(seconds: 60) { $0.contains("Debrief so far") && $0.contains("AGREEMENT 1 on #2: us, eu, india") }
        #expect(debriefed.ok, "the facilitator's live debrief: \(debriefed.screen)")
        if let path = ProcessInfo.processInfo.environment["ENTENTE_CAPTURES"] {
            let text = "A participant's Table screen (us, 100×30), after the agreement:\n\n" + participant
                + "\n\nThe facilitator's live debrief (d on the Table screen):\n\n" + debriefed.screen
            try? text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        for session in [facilitator, us, eu, india] { session.send("q") }

        stop(SIGTERM)
        let debrief = try BinaryRunner.run(["debrief", db])
        #expect(debrief.status == 0, "\(debrief.stderrText)")
        #expect(debrief.stdoutText.contains("AGREEMENT 1 on #2: us, eu, india"), "\(debrief.stdoutText.prefix(2000))")
    }
}
