import EntenteCore
import EntenteTUI
import EntenteWorkbench
import Foundation
import Testing

/// The effect runner without a terminal: files, journals, searches and briefs, each
/// performed as the workbench asks and answered with the actions it posts back.
@Suite struct EffectRunnerTests {
    /// A copy of a training scenario in a folder of the test's own, with its journal folder.
    struct Workspace {
        let folder: URL
        let file: String
        let journals: String
        let scenario: Scenario

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-runner-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let source = TestPaths.repository.appendingPathComponent("Data/training/cables-and-chips.yaml")
            file = folder.appendingPathComponent("cables.yaml").path
            try FileManager.default.copyItem(atPath: source.path, toPath: file)
            journals = folder.appendingPathComponent("state").path
            scenario = try ScenarioLoader.load(path: file)
        }

        func runner(viewer: String? = nil) -> EffectRunner {
            EffectRunner(scenario: scenario, file: file, viewer: viewer, journalFolder: journals)
        }
    }

    /// The actions the runner posts until one satisfies `done` (at most 60 s).
    func actions(from runner: EffectRunner, until done: (Action) -> Bool) -> [Action] {
        var seen: [Action] = []
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            seen += runner.drain()
            if seen.contains(where: done) { return seen }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return seen
    }

    func edited(_ scenario: Scenario) throws -> Scenario {
        try scenario.settingSalience(scenario.actors[0].id, scenario.issues[0].id, to: 2.5)
    }

    /// The training file has comments: saving asks first, and saves when told to.
    @Test func savesAndReportsSaved() throws {
        let workspace = try Workspace()
        let runner = workspace.runner()
        defer { runner.cancel() }
        let scenario = try edited(workspace.scenario)
        runner.perform(.save(scenario, path: workspace.file, force: false))
        let asked = actions(from: runner) { if case .message = $0 { true } else { false } }
        #expect(asked.contains { if case .message(let text) = $0 { text.hasPrefix("saving would drop 4 comments (line 1:") } else { false } })
        runner.perform(.save(scenario, path: workspace.file, force: true))
        let posted = actions(from: runner) { if case .saved = $0 { true } else { false } }
        #expect(posted.contains(.saved(workspace.file)))
        #expect(try ScenarioLoader.load(path: workspace.file) == scenario)
    }

    @Test func refusesToOverwriteAFileChangedOnDisk() throws {
        let workspace = try Workspace()
        let runner = workspace.runner()
        defer { runner.cancel() }
        try (String(contentsOfFile: workspace.file, encoding: .utf8) + "\n").write(toFile: workspace.file, atomically: true, encoding: .utf8)
        runner.perform(.save(workspace.scenario, path: workspace.file, force: false))
        let posted = actions(from: runner) { if case .message = $0 { true } else { false } }
        #expect(posted.contains { if case .message(let text) = $0 { text.hasPrefix("changed on disk since it was opened") } else { false } })
    }

    @Test func anAutosavedJournalIsLockedWhileOpenAndOfferedAfterwards() throws {
        let workspace = try Workspace()
        let scenario = try edited(workspace.scenario)
        do {
            let first = workspace.runner()
            first.perform(.autosave(scenario, file: workspace.file))
            let second = workspace.runner()
            let posted = actions(from: second) { if case .journalLocked = $0 { true } else { false } }
            #expect(posted.contains { if case .journalLocked = $0 { true } else { false } }, "the first workbench holds the journal")
        }
        let third = workspace.runner()
        let posted = actions(from: third) { if case .journalFound = $0 { true } else { false } }
        let offer = posted.compactMap { if case .journalFound(let offer) = $0 { offer } else { nil } }.first
        #expect(offer?.scenario == scenario && offer?.fileChanged == false)
    }

    @Test func opensOffTheLoopAndLocatesErrors() throws {
        let workspace = try Workspace()
        let runner = workspace.runner()
        defer { runner.cancel() }
        let broken = workspace.folder.appendingPathComponent("broken.yaml").path
        try "title: x\nactors: [\n".write(toFile: broken, atomically: true, encoding: .utf8)
        runner.perform(.open(broken))
        let failed = actions(from: runner) { if case .openFailed = $0 { true } else { false } }
        #expect(failed.contains { if case .openFailed(let file, let reason) = $0 { file == broken && reason.contains("broken.yaml:") } else { false } })
        runner.perform(.open(workspace.file))
        let loaded = actions(from: runner) { if case .loaded = $0 { true } else { false } }
        #expect(loaded.contains(.loaded(workspace.scenario, file: workspace.file)))
    }

    @Test func searchesReportProgressAndTheResult() throws {
        let workspace = try Workspace()
        let runner = workspace.runner()
        defer { runner.cancel() }
        var request = SearchRequest()
        request.top = 5
        runner.perform(.startSearch(workspace.scenario, request))
        let posted = actions(from: runner) { if case .searchFinished = $0 { true } else { false } }
        let result = posted.compactMap { if case .searchFinished(let result) = $0 { result } else { nil } }.first
        #expect(result?.packages == (try PackageSearch(workspace.scenario).run(request)).packages)
    }

    /// A brief written for a participant holds no other actor's note.
    @Test func writesTheDelegationBriefOfTheAudience() throws {
        let workspace = try Workspace()
        let runner = workspace.runner(viewer: "eu")
        defer { runner.cancel() }
        let path = workspace.folder.appendingPathComponent("brief.txt").path
        runner.perform(.writeBrief(workspace.scenario, workspace.scenario.statusQuo, audience: "eu", path: path, force: false))
        _ = actions(from: runner) { $0 == .message("brief written to \(path)") }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("eu") || text.contains("EU"))
        for actor in workspace.scenario.actors where actor.id != "eu" {
            for note in actor.interests.values.map(\.note) where !note.isEmpty {
                #expect(!text.contains(note), "\(actor.id)'s note")
            }
        }
        runner.perform(.writeBrief(workspace.scenario, workspace.scenario.statusQuo, audience: "eu", path: path, force: false))
        #expect(actions(from: runner) { if case .message = $0 { true } else { false } }.contains(.message("\(path) exists; :brief! \(path) overwrites it")))
    }
}
