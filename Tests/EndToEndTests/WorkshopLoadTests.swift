import EntenteWorkshopBots
import Foundation
import Testing

/// A 20-second load test against a real `entente serve`: bots on two tables, with drops and
/// rejoins and rounds closed by the server's clock, and afterwards every table's log must be
/// complete. Only the log is checked here; the timings are the benchmark's
/// (`entente bench-workshop`), never a test's.
@Suite(.serialized) struct WorkshopLoadTests {
    @Test func aShortLoadTestLeavesEveryLogComplete() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var test = LoadTest(binary: BinaryRunner.binary.path, scenarioFile: BinaryRunner.root.appendingPathComponent("Data/training/alliance-accession.yaml").path)
        test.tables = 2
        test.minutes = 2
        test.timeScale = 6
        test.roundMinutes = 0.5
        test.dropChance = 0.05
        let report = try await test.run(in: folder)
        #expect(report.logProblems.isEmpty, "\(report.logProblems)")
        #expect(report.participants == 10 && report.facilitators == 2)
        #expect(report.disconnects > 0, "bots dropped and rejoined")
        #expect(report.acknowledged > 100 && report.framesChecked > report.loggedEvents)
        print("load test: \(report.loggedEvents) events logged, \(report.framesChecked) event frames checked, \(report.disconnects) rejoins, \(report.acknowledged) of \(report.commandsSent) commands acknowledged")
    }
}
