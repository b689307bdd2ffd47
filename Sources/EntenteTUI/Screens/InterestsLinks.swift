import EntenteCore
import EntenteSession

/// Interests' links pane: the cursor actor's links, numbered as `:link` numbers them, the
/// selected one marked `▸`, each with whether it holds in the builder's package; then the
/// links the future shown adds (the future's own, not edited here). Shown once the actor
/// or the scenario has links or futures, so format 1 scenarios keep their layout.
enum InterestsLinks {
    /// The most rows the pane takes.
    static let maximumRows = 6

    /// The rows the pane takes on screen (0: not shown).
    static func rows(_ state: AppState) -> Int {
        guard state.view.today.needsFormat2, state.scenario.actors.indices.contains(state.cell.actor) else { return 0 }
        return min(maximumRows, lines(state, width: state.size.columns - 2).count)
    }

    static func lines(_ state: AppState, width: Int) -> [(text: String, style: Style)] {
        let actor = state.scenario.actors[state.cell.actor]
        let key = { (action: Action) in Keymap.key(action, on: .interests) }
        let keys = "\(key(.futures(.selectLink(1)))) chooses, \(key(.editing(.prompt(.addLink)))) adds, \(key(.editing(.prompt(.editLink)))) changes, \(key(.futures(.dropSelectedLink))) drops"
        var lines: [(text: String, style: Style)] = [("Links of \(TerminalText.escaped(actor.name)) (\(keys))", Style(bold: true, role: .accent))]
        guard state.canSee(actor: state.cell.actor) else {
            lines.append(("hidden in the workshop view", Style(role: .muted)))
            return lines
        }
        let own = state.ownLinks
        if own.isEmpty { lines.append(("none: \(key(.editing(.prompt(.addLink)))) adds one (:link \(TerminalText.escaped(actor.id)) add POINTS ISSUE=OPTION ISSUE=OPTION [NOTE])", Style(role: .muted))) }
        let selected = state.linkCursor
        for (index, link) in own.enumerated() {
            let marker = index == selected ? "▸" : " "
            lines.append((marker + "\(index + 1)  " + describe(link, state: state), Style(bold: index == selected)))
        }
        for link in actor.links.dropFirst(own.count) {
            lines.append(("   in \(TerminalText.escaped(state.view.future ?? "today")): " + describe(link, state: state), Style(role: .muted)))
        }
        return lines
    }

    /// The link in the `:link` command's words, with whether it holds in the builder's package.
    private static func describe(_ link: Link, state: AppState) -> String {
        let holds = link.holds(in: state.package, of: state.scenario) ? "holds in the package" : "not in the package"
        return TerminalText.escaped(LinkWords.summary(link)) + " · " + holds + (link.note.isEmpty ? "" : " · " + TerminalText.escaped(link.note))
    }

    static func draw(_ state: AppState, into grid: inout Grid, y: Int, rows: Int) {
        guard rows > 0 else { return }
        let all = lines(state, width: grid.width - 2)
        // Keep the selected link in view when the actor has more than fit.
        let first = max(0, state.linkCursor - max(0, rows - 2))
        let shown = [all[0]] + all.dropFirst(1 + first).prefix(rows - 1)
        for (offset, line) in shown.enumerated() {
            grid.put(line.text, x: 1, y: y + offset, style: line.style, limit: grid.width - 2)
        }
    }
}
