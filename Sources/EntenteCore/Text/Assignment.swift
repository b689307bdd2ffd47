extension Scenario {
    /// One issue's option as every report and message writes it: `issue=option`, in ids, as
    /// the commands and flags take them (`--package semis=partner-pool`, `:choose`).
    public static func assignment(_ issue: String, _ option: String) -> String { "\(issue)=\(option)" }

    /// The option a package gives one issue, as `issue=option`.
    public func assignment(_ package: Package, _ issue: Int) -> String {
        Self.assignment(issues[issue].id, issues[issue].options[package.choices[issue]].id)
    }
}

extension Sweetener {
    /// The sweetener as every report writes it: the changes, what the holdout then gains,
    /// and who pays: `semis=partner-pool, cables=open → russia +2.10; paid by us −0.40`.
    /// Ids, not names, so the changes paste into a command.
    public func words(bringingIn holdout: Int, in scenario: Scenario) -> String {
        let costs = costs.isEmpty ? "nobody pays"
            : "paid by " + costs.map { "\(scenario.actors[$0.actor].id) −\(Figures.fixed($0.loss))" }.joined(separator: ", ")
        return changes.map { scenario.assignment(package, $0) }.joined(separator: ", ")
            + " → \(scenario.actors[holdout].id) \(Figures.signed(holdoutGain)); \(costs)"
    }
}
