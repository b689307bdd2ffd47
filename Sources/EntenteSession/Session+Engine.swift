import EntenteCore

/// Engine work that needs every actor's values runs on the session's own scenario and
/// answers only what the asking seat may see: a search or an analysis only for a seat that
/// sees everything (their results rank and explain packages by everyone's gains), a brief
/// for anyone, as that seat's delegation brief when it plays one actor.
extension Session {
    /// The scenario a seat's search or analysis runs on, or why it may not run one.
    public func engineScenario(for seatID: String, _ what: String) throws(SessionError) -> Scenario {
        try requireEveryone(seatID, what)
        return scenario(for: seatID)
    }

    /// Throws unless the seat sees every actor's stance, saying why `what` is refused.
    private func requireEveryone(_ seatID: String, _ what: String) throws(SessionError) {
        guard let lens = lens(of: seatID), let seat = seats[seatID] else { throw SessionError.unknownSeat(seatID) }
        guard lens.seesEverything else { throw SessionError.readsEveryone(what, widen: seat.role == .facilitator) }
    }

    /// The actor a seat's briefs are written for: its delegation's, or nil (the full brief).
    public func audience(of seatID: String) -> String? { lens(of: seatID)?.actor }

    /// The brief of a package as the seat may read it: a delegation's brief holds its own
    /// figures and notes and no other actor's. A seat that plays one actor always gets that
    /// actor's delegation brief, whatever the caller set; a seat that sees everything gets
    /// the audience it asks for (a delegation's brief, or the full one).
    public func brief(of package: Package, for seatID: String, settings: BriefBuilder.Settings) throws(SearchRequestError) -> Brief {
        var settings = settings
        if let own = audience(of: seatID) { settings.audience = own }
        return try BriefBuilder(scenario).build(package, settings: settings)
    }

    /// What restoring `journal` would change, in the lines of the scenario file, as the seat
    /// may see them (a delegation sees changes to the public table and its own stance only).
    public func changes(to journal: Scenario, for seatID: String) -> [String] {
        let actor = audience(of: seatID)
        return ScenarioDiff.lines(from: actor.map(scenario.seen(by:)) ?? scenario, to: actor.map(journal.seen(by:)) ?? journal)
    }
}

extension Session {
    /// The robust search of a seat: today's document and every future applied, for a seat
    /// that sees everything (it ranks packages by every actor's gains in every future), or
    /// why it may not run one. It does not depend on the future the seat looks at.
    public func robustSearch(for seatID: String) throws(SessionError) -> RobustSearch {
        try requireEveryone(seatID, "robust search")
        return RobustSearch(today: scenario, futures: lanes.dropFirst().map { FutureScenario(id: $0.id, scenario: $0.scenario) })
    }

    /// How a package fares today and in every future, for a seat that sees everything (the
    /// finder's analysis pane says where it holds and where it breaks); empty when the
    /// document has no futures.
    public func outlook(of package: Package, for seatID: String) throws(SessionError) -> [FutureVerdict] {
        try requireEveryone(seatID, "outlook across futures")
        guard let today = lanes.first.map({ $0.evaluator.evaluate(package) }) else { return [] }
        return lanes.map { lane in
            let evaluation = lane.id == Future.todayID ? today : lane.evaluator.evaluate(package)
            return FutureVerdict(id: lane.id, evaluation: evaluation, today: today)
        }
    }
}

/// A package in today's scenario or one future: whether it holds there, and what changed
/// against today (who left, who joined, which rules fail).
public struct FutureVerdict: Sendable, Equatable {
    /// `today`, or the future's id.
    public let id: String
    public let evaluation: PackageEvaluation
    /// Members today that are not members here, and members here that are not today, in actor order.
    public let left: [Int]
    public let joined: [Int]
    /// The rules that fail here, by id.
    public let failedRules: [String]

    public init(id: String, evaluation: PackageEvaluation, today: PackageEvaluation) {
        self.id = id
        self.evaluation = evaluation
        left = today.coalition.members.filter { !evaluation.coalition.contains($0) }
        joined = evaluation.coalition.members.filter { !today.coalition.contains($0) }
        failedRules = evaluation.rules.filter { !$0.holds }.map(\.id)
    }
}
