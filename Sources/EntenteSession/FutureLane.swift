import EntenteCore

/// Today, or one future of the document: the complete scenario it gives, compiled once per
/// change of the document, so a seat's view evaluates its packages in every future without
/// compiling anything.
struct FutureLane: Sendable {
    /// `today`, or the future's id.
    let id: String
    let name: String
    let scenario: Scenario
    let evaluator: PackageEvaluator

    /// The scenario as a seat looking at this future is shown it: the future named in the
    /// title, so the title bar and anything read from it say which future it is.
    var shown: Scenario {
        guard id != Future.todayID else { return scenario }
        var shown = scenario
        shown.title += " · future: " + name
        return shown
    }

    /// Today then each future of `document`; none when it has no futures.
    static func lanes(of document: Scenario) -> [FutureLane] {
        guard !document.futures.isEmpty else { return [] }
        return [FutureLane(id: Future.todayID, name: "Today", scenario: document)]
            + document.futures.map { FutureLane(id: $0.id, name: $0.name, scenario: document.applying($0)) }
    }

    private init(id: String, name: String, scenario: Scenario) {
        self.id = id
        self.name = name
        self.scenario = scenario
        evaluator = PackageEvaluator(CompiledScenario(scenario))
    }
}
