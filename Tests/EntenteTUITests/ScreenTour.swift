import EntenteCore
import EntenteTUI
import Foundation

/// The shipped scenario with every screen in use, as a person leaves it after a while:
/// a package built by hand, search results with an analysis, three pins, a brief, the
/// help pages and the journal's question. Tests that must hold on every screen walk it.
enum ScreenTour {
    static func base(_ size: Size) throws -> AppState {
        let scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent("Data/open-internet.yaml").path)
        var state = AppState(scenario: scenario, file: "Data/open-internet.yaml", size: size)
        // Six issues free keep the search small enough for a test, and its result exact.
        for issue in scenario.issues.dropFirst(6) { _ = update(&state, .setOnTable(issue: issue.id, false)) }
        _ = update(&state, .show(.finder))
        guard case .startSearch(let searched, let request) = update(&state, .runSearch).first else { throw CocoaError(.featureUnsupported) }
        var effects = update(&state, .searchFinished(try PackageSearch(searched).run(request)))
        for _ in 0..<3 {
            _ = update(&state, .pin)
            effects = update(&state, .selectResult(1))
        }
        for case .analyse(let scenario, let package, let analysisRequest) in effects {
            _ = update(&state, .analysisReady(AnalysisResult(try PackageAnalysis(scenario, package: package, request: analysisRequest))))
        }
        _ = update(&state, .show(.builder))
        _ = update(&state, .changeOption(1))
        _ = update(&state, .selectIssue(2))
        _ = update(&state, .changeOption(2))
        return state
    }

    /// Every screen, each help page and the journal's question, with a name for messages.
    static func stops(_ size: Size) throws -> [(name: String, state: AppState)] {
        let base = try base(size)
        var stops: [(String, AppState)] = []
        for screen in ScreenID.allCases {
            var state = base
            _ = update(&state, .show(screen))
            if screen == .brief {
                var settings = BriefBuilder.Settings()
                settings.date = "2026-11-27"
                // Over the whole space the brief's searches would take minutes.
                settings.timeLimit = 0.5
                settings.draws = 500
                let text = BriefRenderer.render(try BriefBuilder(state.scenario).build(state.package, settings: settings), as: .text)
                _ = update(&state, .briefReady(state.package, audience: nil, text))
                _ = update(&state, .scroll(40))
            }
            stops.append((screen.title, state))
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
        _ = update(&journal, .journalFound(JournalOffer(scenario: edited, written: "2026-11-27 10:00", fileChanged: true)))
        stops.append(("journal", journal))
        _ = update(&journal, .toggleJournalChanges)
        stops.append(("journal changes", journal))
        return stops
    }
}
