import EntenteCore
import EntenteSession
import EntenteTUI
import EntenteWorkbench
import Testing

/// The workshop's restricted view: one actor's private stance shown, everybody else's
/// hidden on every screen, because the session sends the seat nothing else.
extension WorkbenchViewTests {
    @Test func restrictedViewHidesOtherActorsEverywhere() throws {
        var state = try finderWithResults(Size(columns: 100, rows: 30))
        _ = update(&state, .browsing(.pin))
        _ = update(&state, .browsing(.setViewer("eu")))
        #expect(state.message?.hasPrefix("workshop view: only eu's stance") == true)
        let us = state.scenario.actors[0]
        _ = update(&state, .show(.interests))
        #expect(state.scenario.actors[state.cell.actor].id == "eu", "the cursor starts on the viewer")
        _ = update(&state, .browsing(.moveCell(columns: 0, rows: -1)))
        let interests = WorkbenchView.render(state).lines
        #expect(interests.contains { $0.contains("hidden in the workshop view") })
        #expect(!interests.contains { $0.contains("values:") }, "no values of another actor")
        _ = update(&state, .editing(.adjustSalience(0.1)))
        #expect(state.message == "in the workshop view only eu's stance can be edited" && state.session.journal.isEmpty)
        _ = update(&state, .browsing(.moveCell(columns: 0, rows: 1)))
        _ = update(&state, .editing(.adjustSalience(0.1)))
        #expect(state.session.journal.count == 1, "the viewer edits its own stance")
        _ = update(&state, .show(.builder))
        let builder = WorkbenchView.render(state).lines
        #expect(builder.contains { $0.contains("Workshop view: others") })
        #expect(!builder.contains { $0.contains(us.name) }, "no bar for another actor")
        for screen in [ScreenID.finder, .levers] {
            _ = update(&state, .show(screen))
            #expect(WorkbenchView.render(state).lines.joined(separator: " ").contains("private values"), "\(screen)")
        }
        #expect(update(&state, .show(.brief)) == [.prepareBrief(state.package)])
        #expect(update(&state, .finder(.runSearch)).isEmpty && !state.finder.running)
        _ = update(&state, .show(.compare))
        #expect(WorkbenchView.render(state).lines.contains { $0.hasPrefix(" Your gain") })
        _ = update(&state, .show(.issues))
        _ = update(&state, .editing(.prompt(.split)))
        for character in "x y" { _ = update(&state, .commandKey(.character(character))) }
        _ = update(&state, .commandKey(.enter))
        #expect(state.message?.hasPrefix("in the workshop view the issues are the facilitator's") == true)
        try expectSnapshot(WorkbenchView.render({ var s = state; _ = update(&s, .show(.interests)); s.message = nil; return s }()), "workshop-interests-100x30")
        var locked = LocalWorkbench(scenario: state.session.scenario, file: "cables.yaml", size: state.size, seat: Seat(id: "eu", role: .delegation("eu")))
        #expect(locked.viewerLocked)
        _ = update(&locked, .browsing(.setViewer(nil)))
        #expect(locked.viewer == "eu" && locked.message?.hasPrefix("this workbench is eu's") == true, "a participant's workbench stays restricted")
        _ = update(&state, .browsing(.setViewer(nil)))
        _ = update(&state, .show(.builder))
        #expect(WorkbenchView.render(state).lines.contains { $0.contains(us.name) })
    }

    @Test(arguments: [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40)])
    func compareAndBriefAtBothSizes(size: Size) throws {
        var state = try finderWithResults(size)
        for _ in 0..<3 {
            _ = update(&state, .browsing(.pin))
            _ = update(&state, .finder(.selectResult(1)))
        }
        _ = update(&state, .show(.compare))
        try expectSnapshot(WorkbenchView.render(state), "compare-\(size.columns)x\(size.rows)")
        _ = update(&state, .finder(.buildSelected))
        _ = update(&state, .show(.brief))
        var settings = BriefBuilder.Settings()
        settings.date = "2026-11-27"
        let text = BriefRenderer.render(try BriefBuilder(state.scenario).build(state.package, settings: settings), as: .text)
        _ = update(&state, .files(.briefReady(state.package, audience: nil, text)))
        try expectSnapshot(WorkbenchView.render(state), "brief-\(size.columns)x\(size.rows)-result")
    }

    /// Every export from a restricted view is the participant's delegation brief: the
    /// effects carry the audience, a preview for anyone else is never shown, and the brief
    /// built for the audience holds no other actor's gain or note.
    @Test func exportsFromARestrictedViewAreTheDelegationBrief() throws {
        var state = try finderWithResults(Size(columns: 100, rows: 30))
        _ = update(&state, .finder(.buildSelected))
        _ = update(&state, .browsing(.setViewer("india")))
        _ = update(&state, .openCommandLine)
        for character in "brief out.txt" { _ = update(&state, .commandKey(.character(character))) }
        #expect(update(&state, .commandKey(.enter)) == [.writeBrief(state.package, path: "out.txt", audience: "india", format: .text, force: false)])
        #expect(update(&state, .show(.brief)) == [.prepareBrief(state.package)])

        var settings = BriefBuilder.Settings()
        settings.date = "2026-11-27"
        let full = try BriefBuilder(state.scenario).build(state.package, settings: settings)
        // A full brief that arrives for this view (prepared before the view changed) is dropped.
        #expect(update(&state, .files(.briefReady(state.package, audience: nil, BriefRenderer.render(full, as: .text)))) == [.prepareBrief(state.package)])
        #expect(!WorkbenchView.render(state).lines.contains { $0.contains("Proposed package") })

        settings.audience = "india"
        let delegation = try BriefBuilder(state.scenario).build(state.package, settings: settings)
        for format in BriefFormat.allCases {
            let text = BriefRenderer.render(delegation, as: format)
            for actor in state.scenario.actors where actor.id != "india" {
                for note in actor.interests.values.map(\.note) where !note.isEmpty {
                    #expect(!text.contains(note), "\(format): \(actor.id)'s note")
                }
                if let member = full.members.first(where: { $0.actor == actor.id }) {
                    #expect(!text.contains(Figures.signed(member.gain)) || member.gain == full.members.first { $0.actor == "india" }?.gain,
                            "\(format): \(actor.id)'s gain \(Figures.signed(member.gain))")
                }
            }
        }
        _ = update(&state, .files(.briefReady(state.package, audience: "india", BriefRenderer.render(delegation, as: .text))))
        #expect(WorkbenchView.render(state).lines.contains { $0.contains("india's delegation brief") })
    }
}
