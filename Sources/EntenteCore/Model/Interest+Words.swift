extension Interest {
    /// What the stance says about the issue's options, in words made from the current values
    /// (never from a note, which is the author's and may describe older values): the option
    /// the actor values most, the one it values least, and its red lines.
    ///
    ///     stance.preference(on: dataFlows)  // "values Trusted flows most (80), Data localisation least (20); red line on Data localisation"
    ///
    /// Ties name every option that shares the top (or the bottom) value; a stance that values
    /// every option alike says so.
    public func preference(on issue: Issue) -> String {
        let values = issue.options.map { value(of: $0) }
        guard let high = values.max(), let low = values.min() else { return "" }
        let names = { (target: Double) in
            zip(issue.options, values).filter { $0.1 == target }.map(\.0.name).joined(separator: " and ")
        }
        var phrase = high == low
            ? "values every option alike (\(Figures.fixed(high, 0)))"
            : "values \(names(high)) most (\(Figures.fixed(high, 0))), \(names(low)) least (\(Figures.fixed(low, 0)))"
        let lines = issue.options.filter { redLines.contains($0.id) }.map(\.name)
        if !lines.isEmpty { phrase += "; red line on " + lines.joined(separator: " and ") }
        return phrase
    }
}
