/// The frames each seat is sent, built only from the privacy projection: the server sends
/// these and nothing else, and the privacy test decodes exactly these.
extension Table {
    /// Applies `event` (number `seq` in the log) and returns, seat by seat in setup order, the
    /// frames it owes: the event as that seat sees it, and the seat's scenario when an inject
    /// or the reveal changed it. Seats that see nothing of the event get no entry.
    public mutating func applyAndFrame(_ event: TableEvent, seq: Int) -> [(seat: String, frames: [ServerFrame])] {
        let changesScenario = switch event.fact {
        case .futureInjected, .actorEdited, .revealed: true
        default: false
        }
        let before = changesScenario ? Dictionary(uniqueKeysWithValues: seats.map { ($0.id, scenario(for: $0.id)) }) : [:]
        apply(event)
        var result: [(seat: String, frames: [ServerFrame])] = []
        for seat in seats {
            var frames: [ServerFrame] = []
            if let seen = project(event, for: seat.id) { frames.append(.event(seq: seq, event: seen)) }
            if changesScenario, let now = scenario(for: seat.id), before[seat.id] != now {
                frames.append(.scenarioChanged(scenario: ScenarioDocument(now)))
            }
            if !frames.isEmpty { result.append((seat.id, frames)) }
        }
        return result
    }

    /// The welcome for `seatID` joining (or rejoining) a table whose log is `events`, the
    /// last numbered `lastSeq`; nil for a seat the table does not have.
    public static func welcome(for seatID: String, setup: TableSetup, replaying events: [TableEvent], lastSeq: Int) -> ServerFrame? {
        let table = Table(setup: setup, replaying: events)
        guard let seat = table.seat(seatID), let scenario = table.scenario(for: seatID) else { return nil }
        let view = seatTable(for: seatID, setup: setup, replaying: events)
        return .welcome(seat: seat, table: view, scenario: ScenarioDocument(scenario), lastSeq: lastSeq)
    }
}
