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
        func wait(seconds: Double = 30, _ what: String, until condition: ([TableClient.Update]) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if updates.withLock({ condition($0) }) { return true }
                usleep(20_000)
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

    @Test func reconnectsAfterAServerKillAndSendsTheWaitingCommandOnce() throws {
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
        #expect(reports.wait("welcome") { $0.contains { if case .joined(let seat, _, _) = $0 { seat.id == "eu" } else { false } } })
        client.send(.message(to: .everyone, text: "before the crash"))
        #expect(reports.wait("first message") { Reports.messages($0) == ["before the crash"] })
        #expect(client.pending == 0)

        kill(server, SIGKILL)
        var status: Int32 = 0
        waitpid(server, &status, 0)
        #expect(reports.wait("drop") { $0.contains { if case .link(.reconnecting) = $0 { true } else { false } } })
        client.send(.message(to: .everyone, text: "while the server was down"))
        #expect(client.pending == 1, "kept until a server acknowledges it")

        server = try serve([])
        defer { kill(server, SIGTERM); waitpid(server, &status, 0) }
        #expect(reports.wait("second welcome") { Reports.joins($0) == 2 })
        #expect(reports.wait("the waiting message") { Reports.messages($0).count == 2 })
        #expect(reports.wait("its ack") { _ in client.pending == 0 })
        // Nothing comes twice: the first message is in the second welcome's table, not sent again.
        usleep(300_000)
        #expect(reports.messages == ["before the crash", "while the server was down"])
        let last = reports.updates.withLock { $0.last { if case .joined = $0 { true } else { false } } }
        if case .joined(_, let table, _) = last { #expect(table.messages.map(\.text) == ["before the crash"]) }
    }

    @Test func aWrongCodeClosesForGoodWithTheServersReason() throws {
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
        #expect(reports.wait("the close") { $0.contains { if case .link(.closed) = $0 { true } else { false } } })
        usleep(500_000)
        #expect(reports.joins == 0)
        #expect(!reports.updates.withLock { $0.contains { if case .link(.reconnecting) = $0 { true } else { false } } }, "no retry with a code the server refused")
    }
}
