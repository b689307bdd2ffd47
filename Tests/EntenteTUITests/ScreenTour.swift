import EntenteCore
import EntenteSession
import EntenteTUI
import EntenteWorkbench
import Foundation
import EntenteTestSupport

/// The shipped scenario with every screen in use, as a person leaves it after a while:
/// a package built by hand, search results with an analysis, three pins, a brief, the
/// help pages and the journal's question. Tests that must hold on every screen walk it.
enum ScreenTour {
    static func base(_ size: Size) throws -> LocalWorkbench {
        let scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent("Data/open-internet.yaml").path)
        var bench = LocalWorkbench(scenario: scenario, file: "Data/open-internet.yaml", size: size)
        // Six issues free keep the search small enough for a test, and its result exact.
        for issue in scenario.issues.dropFirst(6) { _ = update(&bench, .editing(.setOnTable(issue: issue.id, false))) }
        _ = update(&bench, .show(.finder))
        try search(&bench)
        var effects: [Effect] = []
        for _ in 0..<3 {
            _ = update(&bench, .browsing(.pin))
            effects = update(&bench, .finder(.selectResult(1)))
        }
        try analyse(&bench, effects)
        _ = update(&bench, .show(.builder))
        _ = update(&bench, .editing(.changeOption(1)))
        _ = update(&bench, .editing(.selectIssue(2)))
        _ = update(&bench, .editing(.changeOption(2)))
        return bench
    }

    /// Runs the search Enter asks for, as the effect runner would, and reports it back;
    /// returns the effects of the report (the first result's analysis).
    @discardableResult
    static func search(_ bench: inout LocalWorkbench) throws -> [Effect] {
        guard case .startSearch(let request) = update(&bench, .finder(.runSearch)).first else { throw CocoaError(.featureUnsupported) }
        let scenario = try bench.session.engineScenario(for: bench.view.seat.id, "search")
        return update(&bench, .finder(.searchFinished(try PackageSearch(scenario).run(request))))
    }

    /// Runs the analyses among `effects` and reports them back.
    static func analyse(_ bench: inout LocalWorkbench, _ effects: [Effect]) throws {
        for case .analyse(let package, let request) in effects {
            let scenario = try bench.session.engineScenario(for: bench.view.seat.id, "analysis")
            let analysis = try PackageAnalysis(scenario, package: package, request: request)
            _ = update(&bench, .finder(.analysisReady(AnalysisResult(analysis, revision: bench.view.revision))))
        }
    }

    /// Every screen, each help page and the journal's question, with a name for messages.
    static func stops(_ size: Size) throws -> [(name: String, state: LocalWorkbench)] {
        let base = try base(size)
        var stops: [(String, LocalWorkbench)] = []
        for screen in base.screens {
            var bench = base
            _ = update(&bench, .show(screen))
            if screen == .brief {
                var settings = BriefBuilder.Settings()
                settings.date = "2026-11-27"
                // Over the whole space the brief's searches would take minutes.
                settings.timeLimit = 0.5
                settings.draws = 500
                let text = BriefRenderer.render(try BriefBuilder(bench.scenario).build(bench.package, settings: settings), as: .text)
                _ = update(&bench, .files(.briefReady(bench.package, audience: nil, text)))
                _ = update(&bench, .scroll(40))
            }
            stops.append((screen.title, bench))
        }
        var help = base
        _ = update(&help, .toggleHelp)
        stops.append(("keys", help))
        var commands = base
        _ = update(&commands, .showCommands)
        stops.append(("commands", commands))
        var command = base
        _ = update(&command, .openCommandLine)
        for character in "value india" { _ = update(&command, .commandKey(.character(character))) }
        stops.append(("command line", command))
        var journal = base
        var edited = base.scenario
        edited.actors[0].name += " (edited)"
        let changes = ScenarioDiff.lines(from: base.scenario, to: edited)
        _ = update(&journal, .files(.journalFound(JournalOffer(changes: changes, written: "2026-11-27 10:00", fileChanged: true))))
        stops.append(("journal", journal))
        _ = update(&journal, .files(.toggleJournalChanges))
        stops.append(("journal changes", journal))
        return stops
    }
}
