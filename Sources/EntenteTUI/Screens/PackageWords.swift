import EntenteCore

extension Issue {
    /// The words that tell a part from its siblings: a split names its parts "Broad: part",
    /// and cut to a column every part would read "Broad…"; other issues keep their name.
    var ownName: String {
        guard parent != nil, let colon = name.range(of: ": ") else { return name }
        return String(name[colon.upperBound...])
    }

    /// The id in `columns`: a part whose id begins with its broad issue's shows its end
    /// (`…fab` for chips-fab), where siblings differ.
    func idLabel(_ columns: Int) -> String {
        let id = TerminalText.escaped(self.id)
        guard DisplayWidth.of(id) > columns, let parent, id.hasPrefix(parent), columns > 1 else { return DisplayWidth.truncate(id, to: columns) }
        return "…" + String(id.suffix(columns - 1))
    }
}

extension Scenario {
    /// The red lines of an actor that a package crosses, as `issue=option`.
    func redLinesCrossed(by package: Package, actor: Int) -> [String] {
        issues.indices.filter { issue in
            actors[actor].interests[issues[issue].id]?.redLines.contains(issues[issue].options[package.choices[issue]].id) == true
        }.map { TerminalText.escaped(assignment(package, $0)) }
    }

    /// The assignments of `package` where it differs from `base` (the status quo by default).
    func changes(_ package: Package, from base: Package? = nil) -> [String] {
        package.differences(from: base ?? statusQuo).map { TerminalText.escaped(assignment(package, $0)) }
    }
}
