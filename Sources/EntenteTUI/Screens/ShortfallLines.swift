import EntenteCore

/// Why an actor is in or out of a package's coalition, in the words of the builder's and
/// the finder's panes: which red line, how many points short of its margin, and the issues
/// (and links) that cost it most and that it gains most on.
enum ShortfallLines {
    /// Terms listed on each side, at most.
    static let listed = 3

    static func lines(_ shortfall: Shortfall, package: Package, scenario: Scenario, width: Int) -> [(String, Style)] {
        let id = TerminalText.escaped(scenario.actors[shortfall.actor].id)
        var parts: [String] = []
        if !shortfall.redLines.isEmpty {
            parts.append("red line on " + shortfall.redLines.map { scenario.assignment(package, $0) }.joined(separator: ", "))
        }
        let gain = Figures.signed(shortfall.gain), margin = Figures.signed(shortfall.margin)
        if shortfall.gain > shortfall.margin {
            parts.append("gains \(gain), more than its margin \(margin) by \(Figures.fixed(shortfall.gain - shortfall.margin))")
        } else {
            parts.append("gains \(gain) and needs more than \(margin): \(Figures.fixed(shortfall.short)) points short")
        }
        let costs = shortfall.terms.filter { $0.points < 0 }.prefix(listed)
        let gains = shortfall.terms.filter { $0.points > 0 }.reversed().prefix(listed)
        if !costs.isEmpty { parts.append("costs it most: " + costs.map { term($0, package: package, scenario: scenario, actor: shortfall.actor) }.joined(separator: ", ")) }
        if !gains.isEmpty { parts.append("gains most on: " + gains.map { term($0, package: package, scenario: scenario, actor: shortfall.actor) }.joined(separator: ", ")) }
        if costs.isEmpty && gains.isEmpty { parts.append("nothing it cares about moves") }
        let label = "why \(id) is \(shortfall.joins ? "in" : "out"): "
        return TextWrap.wrap(parts.joined(separator: "; "), width: width, first: label, rest: "  ")
            .map { ($0, Style(role: shortfall.joins ? .good : .bad)) }
    }

    /// `issue=option −4.00`, or `link dida+semis −6.00` for a link the package breaks.
    private static func term(_ term: GainTerm, package: Package, scenario: Scenario, actor: Int) -> String {
        switch term.source {
        case .issue(let issue): return "\(scenario.assignment(package, issue)) \(Figures.signed(term.points))"
        case .link(let index, _):
            let issues = scenario.actors[actor].links[index].when.map { TerminalText.escaped($0.issue) }
            return "link \(issues.joined(separator: "+")) \(Figures.signed(term.points))"
        }
    }
}
