import EntenteCore

/// Engine work that needs every actor's values runs on the session's own scenario and
/// answers only what the asking seat may see: a search or an analysis only for a seat that
/// sees everything (their results rank and explain packages by everyone's gains), a brief
/// for anyone, as that seat's delegation brief when it plays one actor.
extension Session {
    /// The scenario a seat's search or analysis runs on, or why it may not run one.
    public func engineScenario(for seatID: String, _ what: String) throws(SessionError) -> Scenario {
        guard let lens = lens(of: seatID), let seat = seats[seatID] else { throw SessionError.unknownSeat(seatID) }
        guard lens.seesEverything else { throw SessionError.readsEveryone(what, widen: seat.role == .facilitator) }
        return scenario(for: seatID)
    }

    /// The actor a seat's briefs are written for: its delegation's, or nil (the full brief).
    public func audience(of seatID: String) -> String? { lens(of: seatID)?.actor }

    /// The brief of a package as the seat may read it: a delegation's brief holds its own
    /// figures and notes and no other actor's. The audience in `settings` is the seat's,
    /// whatever the caller set.
    public func brief(of package: Package, for seatID: String, settings: BriefBuilder.Settings) throws(SearchRequestError) -> Brief {
        var settings = settings
        settings.audience = audience(of: seatID)
        return try BriefBuilder(scenario).build(package, settings: settings)
    }

    /// What restoring `journal` would change, in the lines of the scenario file, as the seat
    /// may see them (a delegation sees changes to the public table and its own stance only).
    public func changes(to journal: Scenario, for seatID: String) -> [String] {
        let actor = audience(of: seatID)
        return ScenarioDiff.lines(from: actor.map(scenario.seen(by:)) ?? scenario, to: actor.map(journal.seen(by:)) ?? journal)
    }
}
