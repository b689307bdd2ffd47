import EntenteCore
import EntenteSession
import EntenteWorkshop

/// What a workbench joined to a workshop table holds of it: the seat, the table as the
/// server let this seat see it (`SeatTable`, reduced from the seat's own events), the line
/// to the server, and the Table screen's cursors. Nothing here was computed from another
/// seat's private data: the server sends none, and the gains below come from the scenario
/// the seat was sent.
public struct WorkshopState: Sendable, Equatable {
    public private(set) var seat: TableSeat
    public private(set) var table: SeatTable
    public var link = LinkStatus.connecting
    /// Commands sent and not yet acknowledged.
    public var pending = 0
    /// The server's clock, as last ticked: what the round clock counts down against.
    public var now: Double = 0
    /// The Table screen: the proposal under the cursor (0: the newest), how far the messages
    /// are scrolled back from the newest, and the facilitator's debrief.
    public var selected = 0
    public var messageScroll = 0
    public var showDebrief = false
    public var debrief: String?
    public var debriefScroll = 0
    /// The facilitator's stance edits are told to everyone (true) or only to the actor's seat.
    public var announceEdits = false
    /// Each proposal's standing as far as this seat may know it, by proposal id.
    public private(set) var standings: [Int: ProposalStanding] = [:]

    public init(seat: TableSeat, table: SeatTable) {
        self.seat = seat
        self.table = table
    }

    public var isFacilitator: Bool { seat.role == .facilitator }

    /// The proposals newest first, as the screen lists them.
    public var listed: [ProposalState] { table.proposals.reversed() }

    /// The proposal under the cursor.
    public var current: ProposalState? { listed.indices.contains(selected) ? listed[selected] : nil }

    /// A fresh welcome (first join or after a reconnect): the table replaces what was held.
    mutating func rejoin(seat: TableSeat, table: SeatTable, scenario: Scenario) {
        self.seat = seat
        self.table = table
        // A welcome came over the line, so the line is up, whatever was reported before it.
        link = .connected
        selected = min(selected, max(0, table.proposals.count - 1))
        refresh(scenario)
    }

    mutating func apply(_ event: SeatEvent, scenario: Scenario) {
        let before = table.proposals.count
        table.apply(event)
        now = max(now, event.at)
        // A new proposal keeps the cursor on the one it was on.
        if selected > 0, table.proposals.count > before { selected += table.proposals.count - before }
        refresh(scenario)
    }

    /// Works out every proposal's standing again, on the scenario as the seat now has it.
    mutating func refresh(_ scenario: Scenario) {
        let evaluator = PackageEvaluator(CompiledScenario(scenario))
        standings = [:]
        for state in table.proposals {
            standings[state.proposal.id] = ProposalStanding(state.proposal.package, seat: seat, scenario: scenario, evaluator: evaluator)
        }
    }
}

/// The line to the table's server, as the status bar says it.
public enum LinkStatus: Equatable, Sendable {
    case connecting
    case connected
    case reconnecting(reason: String, retry: Double)
    case closed(reason: String)
}

/// What a seat may know of a proposal's effect: a delegation its own gain and whether it
/// would join; a seat that sees everything every actor's gain and the coalition.
public struct ProposalStanding: Sendable, Equatable {
    /// The package in the scenario's terms (nil: the ids name nothing in the seat's scenario).
    public let package: Package?
    /// (actor index, gain, joins) for each actor the seat may know about.
    public let gains: [(actor: Int, gain: Double, joins: Bool)]
    /// Whether those who would join form a viable coalition; nil for a delegation.
    public let viable: Bool?

    init(_ proposed: TablePackage, seat: TableSeat, scenario: Scenario, evaluator: PackageEvaluator) {
        guard let package = try? proposed.package(in: scenario) else {
            (self.package, gains, viable) = (nil, [], nil)
            return
        }
        self.package = package
        let evaluation = evaluator.evaluate(package)
        if let actor = seat.actor.flatMap(scenario.actorIndex) {
            gains = [(actor, evaluation.gains[actor], evaluation.coalition.contains(actor))]
            viable = nil
        } else {
            gains = scenario.actors.indices.map { ($0, evaluation.gains[$0], evaluation.coalition.contains($0)) }
            viable = evaluation.viable
        }
    }

    public static func == (a: ProposalStanding, b: ProposalStanding) -> Bool {
        a.package == b.package && a.viable == b.viable
            && a.gains.map(\.actor) == b.gains.map(\.actor) && a.gains.map(\.gain) == b.gains.map(\.gain) && a.gains.map(\.joins) == b.gains.map(\.joins)
    }
}
