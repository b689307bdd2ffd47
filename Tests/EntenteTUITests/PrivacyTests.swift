import EntenteCore
import EntenteSession
import EntenteTUI
import EntenteWorkbench
import Foundation
import Testing
import EntenteTestSupport

/// A delegation's workbench holds and draws nothing of another actor's private stance:
/// every screen, rendered to the cell grid, and the state behind it are the same whatever
/// the other actors' saliences, values, red lines, margins, links and notes are, and no
/// other actor's note text appears anywhere.
@Suite struct PrivacyTests {
    static let size = Size(columns: 120, rows: 40)

    /// The training scenario with a link on every actor, so links are there to leak.
    func scenario() throws -> Scenario {
        var scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent("Data/training/cables-and-chips.yaml").path)
        for index in scenario.actors.indices {
            scenario.actors[index].links = [Link(
                when: [LinkCondition(issue: "cables", options: ["open-consortium"]), LinkCondition(issue: "chips", options: ["allied-pool"])],
                points: 6, note: "link note of \(scenario.actors[index].id)")]
        }
        return scenario
    }

    /// The same scenario with every private figure and text of every actor but `keep` changed.
    func perturbed(_ scenario: Scenario, keeping keep: String) -> Scenario {
        var changed = scenario
        for index in changed.actors.indices where changed.actors[index].id != keep {
            for (issue, interest) in changed.actors[index].interests {
                var other = interest
                other.salience = interest.salience * 2 + 0.25
                if case .values(let values) = interest.valuation { other.valuation = .values(values.mapValues { 100 - $0 }) }
                other.redLines = interest.redLines.isEmpty ? [changed.issues.first { $0.id == issue }!.options[0].id] : []
                other.minGain = (interest.minGain ?? 0) + 7.5
                other.note = "perturbed note \(index) \(issue)"
                changed.actors[index].interests[issue] = other
            }
            changed.actors[index].links = changed.actors[index].links.map { Link(when: $0.when, points: -$0.points - 3, note: "perturbed link") }
        }
        return changed
    }

    /// Every screen of a delegation's workbench, as text, after a walk through all of them:
    /// a package built, two pinned, the Interests cursor on every actor, the brief prepared
    /// by the session, the help overlay.
    func screens(of scenario: Scenario, as actor: String) throws -> (text: [String], state: String) {
        var bench = LocalWorkbench(scenario: scenario, file: "cables.yaml", size: Self.size, seat: Seat(id: actor, role: .delegation(actor)))
        var frames: [String] = []
        func frame(_ label: String) { frames.append("== \(label)\n" + WorkbenchView.render(bench).lines.joined(separator: "\n")) }
        for screen in bench.screens {
            var effects = bench.send(.show(screen))
            switch screen {
            case .interests:
                for row in 0..<scenario.actors.count {
                    _ = bench.send(.browsing(.focusCell(actor: row, issue: 0)))
                    frame("interests, \(scenario.actors[row].id)")
                    _ = bench.send(.browsing(.moveCell(columns: 1, rows: 0)))
                    frame("interests, \(scenario.actors[row].id), second issue")
                }
            case .builder:
                _ = bench.send(.editing(.setOption(issue: 0, option: 2)))
                _ = bench.send(.browsing(.pin))
                _ = bench.send(.editing(.setOption(issue: 1, option: 1)))
                _ = bench.send(.browsing(.pin))
            case .finder:
                _ = bench.send(.finder(.runSearch))
            case .brief:
                for case .prepareBrief(let package) in effects {
                    var settings = BriefBuilder.Settings()
                    settings.date = "2026-12-01"
                    settings.draws = 200
                    let brief = try bench.session.brief(of: package, for: actor, settings: settings)
                    effects = bench.send(.files(.briefReady(package, audience: bench.session.audience(of: actor), BriefRenderer.render(brief, as: .text))))
                }
            default: break
            }
            frame("\(screen)")
        }
        _ = bench.send(.show(.overview))
        _ = bench.send(.toggleHelp)
        frame("help")
        // The state as a whole, but for the brief's text (checked on its own above).
        var state = bench.state
        #expect(state.brief != nil, "the walk prepared a brief")
        state.brief = nil
        return (frames, String(describing: state))
    }

    @Test(arguments: ["us", "eu", "india"])
    func noOtherActorsStanceOnAnyScreenOrInTheState(actor: String) throws {
        let scenario = try scenario()
        let seen = try screens(of: scenario, as: actor)
        let notes = scenario.actors.filter { $0.id != actor }.flatMap { other in
            other.interests.values.map(\.note).filter { !$0.isEmpty } + other.links.map(\.note)
        }
        for text in seen.text + [seen.state] {
            for note in notes { #expect(!text.contains(note), "\(note) in \(text.prefix(80))") }
        }
        let own = scenario.actors.first { $0.id == actor }!
        #expect(seen.text.contains { $0.contains(own.interests.values.first { !$0.note.isEmpty }!.note) }, "its own notes are shown")
        // Non-interference: other actors' private data changed, nothing on screen or in the
        // state changes, the brief included (docs/architecture.md, "What a delegation sees").
        let other = try screens(of: perturbed(scenario, keeping: actor), as: actor)
        #expect(other.state == seen.state)
        #expect(seen.text.contains { $0.hasPrefix("== brief") })
        for (mine, theirs) in zip(seen.text, other.text) {
            #expect(mine == theirs, "\(mine.prefix(40))")
        }
    }
}
