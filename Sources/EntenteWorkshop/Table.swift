import EntenteCore
import EntenteSession

/// A workshop table's whole state, on the server: the setup, the scenario in force (every
/// inject applied) and everything that happened, which every seat's view is projected from.
///
/// Pure and deterministic: `decide` turns a seat's command into events (or refuses it),
/// `apply` replays an event, and time is always passed in, never read.
public struct Table: Sendable {
    public let setup: TableSetup
    /// The scenario in force: the setup's, with every injected future and stance edit applied
    /// in order. Every figure the table computes comes from it.
    public private(set) var scenario: Scenario {
        didSet { evaluator = PackageEvaluator(CompiledScenario(scenario)) }
    }
    /// The engine's evaluation of the scenario in force, compiled once per inject.
    public private(set) var evaluator: PackageEvaluator
    /// Everything that happened, seen unfiltered (the facilitator's view).
    public private(set) var board: SeatTable
    /// The injects so far, in order: what each seat's scenario is rebuilt from.
    public private(set) var injects: [Inject]
    /// Sealed responses given in the current round (the last per seat and proposal), which the
    /// round's close shows to the others.
    private(set) var sealed: [ResponseKey: Response] = [:]

    /// The range of a round's length and of an extension, in seconds: one second to a day.
    public static let secondsRange: ClosedRange<Double> = 1...86_400
    /// The longest message or broadcast, in characters.
    public static let textLimit = 2_000

    /// A new table, before any event; the setup must have no `problem`.
    public init(setup: TableSetup) {
        self.setup = setup
        scenario = setup.scenario
        evaluator = PackageEvaluator(CompiledScenario(setup.scenario))
        board = SeatTable(seat: setup.seats.first { $0.role == .facilitator }?.id ?? "", setup: setup)
        injects = []
    }

    /// The table after `events`, in order.
    public init(setup: TableSetup, replaying events: some Sequence<TableEvent>) {
        self.init(setup: setup)
        for event in events { apply(event) }
    }

    public var seats: [TableSeat] { board.seats }

    public func seat(_ id: String) -> TableSeat? { board.seat(id) }

    public mutating func apply(_ event: TableEvent) {
        switch event.fact {
        case .responded(let response) where setup.voting == .sealed:
            sealed[ResponseKey(proposal: response.proposal, seat: response.seat)] = response
        case .roundClosed:
            sealed = [:]
        case .futureInjected(let id, _, let audience):
            if let future = setup.scenario.futures.first(where: { $0.id == id }) {
                injects.append(.future(future, to: audience))
                scenario = Inject.future(future, to: audience).applied(to: scenario) ?? scenario
            }
        case .actorEdited(let actor, let edit?, let audience):
            let inject = Inject.edit(actor: actor, edit, to: audience)
            injects.append(inject)
            scenario = inject.applied(to: scenario) ?? scenario
        default:
            break
        }
        board.apply(SeatEvent(at: event.at, event.fact))
    }
}

/// Identifies a response by its proposal and seat: a seat's later answer replaces its earlier.
struct ResponseKey: Hashable, Sendable {
    let proposal: Int
    let seat: String
}

/// A change the facilitator brought into the game, with who was told of it.
public enum Inject: Equatable, Sendable {
    case future(Future, to: Audience)
    case edit(actor: String, StanceEdit, to: Audience)

    /// Whether the seat was told (an edit's own actor always is).
    public func reaches(_ seat: TableSeat) -> Bool {
        switch self {
        case .future(_, let audience): audience.includes(seat.id)
        case .edit(let actor, _, let audience): audience.includes(seat.id) || seat.actor == actor
        }
    }

    /// The scenario with the inject applied; nil when the inject does not apply to it. A
    /// future applied leaves the scenario with no futures listed, as `Scenario.applying`
    /// does: the others are overlays on today, and the facilitator injects them from the
    /// setup's list.
    public func applied(to scenario: Scenario) -> Scenario? {
        switch self {
        case .future(let future, _):
            return scenario.applying(future)
        case .edit(let actor, let edit, _):
            return try? edit.scenarioEdit(of: actor).apply(to: scenario)
        }
    }
}
