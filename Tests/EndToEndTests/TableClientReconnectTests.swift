import EntenteWorkshop
import EntenteWorkshopClient
import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The client against a real `entente serve`: it joins, the server is killed with SIGKILL,
/// a command given while it is down waits, and when the server is started again on its
/// file the client reconnects by itself, resumes, sends the command once under its id,
/// and reports every event exactly once.
@Suite(.serialized) struct TableClientReconnectTests {
    struct Code: Decodable { let seat: String; let code: String }

    /// What the client reported, for the test to wait on.
    final class Reports: Sendable {
        let updates = Mutex<[TableClient.Update]>([])
        /// Waits without holding a thread: the client's tasks run on the same pool as the
        /// tests, which is as wide as the machine has cores.
        func wait(seconds: Double = 30, _ what: String, until condition: ([TableClient.Update]) -> Bool) async -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if updates.withLock({ condition($0) }) { return true }
                try? await Task.sleep(for: .milliseconds(20))
            }
            Issue.record("no \(what) in \(seconds) s")
            return false
        }
        /// The messages among `updates` (the conditions of `wait` get the updates, under the lock).
        static func messages(_ updates: [TableClient.Update]) -> [String] {
            updates.compactMap { if case .event(let event) = $0, case .messaged(let message) = event.fact { message.text } else { nil } }
        }
        static func joins(_ updates: [TableClient.Update]) -> Int { updates.filter { if case .joined = $0 { true } else { false } }.count }
        var messages: [String] { updates.withLock { Self.messages($0) } }
        var joins: Int { updates.withLock { Self.joins($0) } }
    }

    @Test func reconnectsAfterAServerKillAndSendsTheWaitingCommandOnce() async throws {
        let binary = CLITests.binary.path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-client-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("workshop.sqlite").path, codesFile = folder.appendingPathComponent("codes.json").path
        let port = LoopbackSSHD.freePort()
        func serve(_ arguments: [String]) throws -> pid_t {
            let pid = try LoopbackSSHD.start([binary, "serve"] + arguments + ["--db", db, "--listen", "127.0.0.1:\(port)"])
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline, !LoopbackSSHD.accepts(port) { usleep(20_000) }
            return pid
        }
        var server = try serve([CLITests.root.path + "/Data/training/cables-and-chips.yaml", "--codes", codesFile, "--codes-format", "json"])
        let codes = try JSONDecoder().decode([Code].self, from: Data(contentsOf: URL(fileURLWithPath: codesFile)))
        let reports = Reports()
        let client = TableClient(url: "ws://127.0.0.1:\(port)/ws", code: codes.first { $0.seat == "eu" }!.code,
                                 backoff: Backoff(first: .milliseconds(100), longest: .seconds(1))) { update in reports.updates.withLock { $0.append(update) } }
        client.start()
        defer { client.stop() }
        #expect(await reports.wait("welcome") { $0.contains { if case .joined(let seat, _, _) = $0 { seat.id == "eu" } else { false } } })
        client.send(.message(to: .everyone, text: "before the crash"))
        #expect(await reports.wait("first message") { Reports.messages($0) == ["before the crash"] })
        #expect(client.pending == 0)

        kill(server, SIGKILL)
        var status: Int32 = 0
        waitpid(server, &status, 0)
        #expect(await reports.wait("drop") { $0.contains { if case .link(.reconnecting) = $0 { true } else { false } } })
        client.send(.message(to: .everyone, text: "while the server was down"))
        #expect(client.pending == 1, "kept until a server acknowledges it")

        server = try serve([])
        defer { kill(server, SIGTERM); waitpid(server, &status, 0) }
        #expect(await reports.wait("second welcome") { Reports.joins($0) == 2 })
        #expect(await reports.wait("the waiting message") { Reports.messages($0).count == 2 })
        #expect(await reports.wait("its ack") { _ in client.pending == 0 })
        // Nothing comes twice: the first message is in the second welcome's table, not sent again.
        try await Task.sleep(for: .milliseconds(300))
        #expect(reports.messages == ["before the crash", "while the server was down"])
        let last = reports.updates.withLock { $0.last { if case .joined = $0 { true } else { false } } }
        if case .joined(_, let table, _) = last { #expect(table.messages.map(\.text) == ["before the crash"]) }
    }

    /// The shipped scenario's facilitator is sent every stance: a welcome of over 100 KiB,
    /// larger than any frame a client may send. The debrief comes from the server's log,
    /// for each seat as it may see it.
    @Test func theShippedScenariosFacilitatorJoinsAndEachSeatGetsItsDebrief() async throws {
        let binary = CLITests.binary.path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-client-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let codesFile = folder.appendingPathComponent("codes.json").path
        let port = LoopbackSSHD.freePort()
        let server = try LoopbackSSHD.start([binary, "serve", CLITests.root.path + "/Data/open-internet.yaml",
                                             "--db", folder.appendingPathComponent("w.sqlite").path, "--codes", codesFile, "--codes-format", "json",
                                             "--listen", "127.0.0.1:\(port)"])
        var status: Int32 = 0
        defer { kill(server, SIGTERM); waitpid(server, &status, 0) }
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !LoopbackSSHD.accepts(port) { usleep(20_000) }
        let codes = try JSONDecoder().decode([Code].self, from: Data(contentsOf: URL(fileURLWithPath: codesFile)))
        func debrief(of seat: String) async -> String? {
            let reports = Reports()
            let client = TableClient(url: "ws://127.0.0.1:\(port)/ws", code: codes.first { $0.seat == seat }!.code) { update in
                reports.updates.withLock { $0.append(update) }
            }
            client.start()
            defer { client.stop() }
            guard await reports.wait("\(seat)'s welcome", until: { Reports.joins($0) == 1 }) else { return nil }
            #expect(client.requestDebrief())
            guard await reports.wait(seconds: 120, "\(seat)'s debrief", until: { $0.contains { if case .debrief = $0 { true } else { false } } }) else { return nil }
            return reports.updates.withLock { $0.lazy.compactMap { if case .debrief(let text) = $0 { text } else { nil } }.first }
        }
        let full = try #require(await debrief(of: "facilitator"))
        #expect(full.hasPrefix("DEBRIEF: THE OPEN INTERNET ON THE BRINK, OPEN-INTERNET-1\n"), "\(full.prefix(200))")
        #expect(!full.contains("Only what this seat may see"))
        let own = try #require(await debrief(of: "india"))
        #expect(own.hasPrefix("DEBRIEF: THE OPEN INTERNET ON THE BRINK, OPEN-INTERNET-1 — FOR INDIA\n") && own.contains("Only what this seat may see"), "\(own.prefix(400))")
    }

    @Test func aWrongCodeClosesForGoodWithTheServersReason() async throws {
        let binary = CLITests.binary.path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-client-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = LoopbackSSHD.freePort()
        let server = try LoopbackSSHD.start([binary, "serve", CLITests.root.path + "/Data/training/cables-and-chips.yaml",
                                             "--db", folder.appendingPathComponent("w.sqlite").path, "--codes", folder.appendingPathComponent("c").path,
                                             "--listen", "127.0.0.1:\(port)"])
        var status: Int32 = 0
        defer { kill(server, SIGTERM); waitpid(server, &status, 0) }
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !LoopbackSSHD.accepts(port) { usleep(20_000) }
        let reports = Reports()
        let client = TableClient(url: "ws://127.0.0.1:\(port)/ws", code: "NOT-A-CODE") { update in reports.updates.withLock { $0.append(update) } }
        client.start()
        defer { client.stop() }
        #expect(await reports.wait("the close") { $0.contains { if case .link(.closed) = $0 { true } else { false } } })
        try await Task.sleep(for: .milliseconds(500))
        #expect(reports.joins == 0)
        #expect(!reports.updates.withLock { $0.contains { if case .link(.reconnecting) = $0 { true } else { false } } }, "no retry with a code the server refused")
    }
}
