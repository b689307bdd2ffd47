/// The table as one seat knows it: the round and its clock, the proposals it can see with
/// their status and the responses it may see, its messages, the agreements and the
/// facilitator's announcements. Reduced from the seat's `SeatEvent`s by the same code on the
/// server (for a joining seat's snapshot) and in the client (for its screen); the table's
/// own full state is the same reducer fed every event unfiltered.
public struct SeatTable: Codable, Hashable, Sendable {
    /// Whose view this is.
    public let seat: String
    public private(set) var seats: [TableSeat]
    public let voting: Voting
    public let roundSeconds: Double
    /// The current round, or the last one once it closed (0 before the first).
    public private(set) var round: Int
    public private(set) var phase: RoundPhase
    public private(set) var proposals: [ProposalState]
    public private(set) var messages: [Message]
    public private(set) var agreements: [Agreement]
    /// Broadcasts, injects, calls to vote, seat changes and the reveal, in order.
    public private(set) var notices: [SeatEvent]
    public private(set) var revealed: Bool
    /// The time of the last event applied (nil before any).
    public private(set) var lastEventAt: Double?

    public init(seat: String, setup: TableSetup) {
        self.seat = seat
        seats = setup.seats
        voting = setup.voting
        roundSeconds = setup.roundSeconds
        round = 0
        phase = .idle
        proposals = []
        messages = []
        agreements = []
        notices = []
        revealed = false
        lastEventAt = nil
    }

    /// The proposal with this id, if this seat knows of it.
    public func proposal(_ id: Int) -> ProposalState? {
        proposals.first { $0.proposal.id == id }
    }

    /// The seat with this id.
    public func seat(_ id: String) -> TableSeat? { seats.first { $0.id == id } }

    /// The seconds left in the round at `time`: nil when no round is under way.
    public func remaining(at time: Double) -> Double? {
        switch phase {
        case .idle: nil
        case .running(let deadline): max(0, deadline - time)
        case .paused(let remaining): remaining
        }
    }

    public mutating func apply(_ event: SeatEvent) {
        lastEventAt = event.at
        switch event.fact {
        case .roundStarted(let number, let deadline):
            round = number
            phase = .running(deadline: deadline)
        case .roundPaused(_, let remaining):
            phase = .paused(remaining: remaining)
        case .roundResumed(_, let deadline):
            phase = .running(deadline: deadline)
        case .roundExtended(_, _, let clock):
            phase = clock
        case .roundClosed(_, let unsealed):
            phase = .idle
            for response in unsealed { record(response) }
        case .proposed(let proposal):
            proposals.append(ProposalState(proposal: proposal))
        case .withdrawn(let id):
            update(id) { $0.status = .withdrawn }
        case .responded(let response):
            record(response)
        case .voteCalled(let id):
            update(id) { $0.voteCalled = true }
            notices.append(event)
        case .messaged(let message):
            messages.append(message)
        case .seatReassigned(let id, let player):
            if let index = seats.firstIndex(where: { $0.id == id }) { seats[index].player = player }
            notices.append(event)
        case .revealed:
            revealed = true
            notices.append(event)
        case .futureInjected, .actorEdited, .seatReset, .broadcast:
            notices.append(event)
        case .agreementReached(let agreement):
            agreements.append(agreement)
            update(agreement.proposal) { $0.status = .agreed(agreement: agreement.id) }
        }
    }

    private mutating func record(_ response: Response) {
        update(response.proposal) { $0.responses[response.seat] = response.answer }
    }

    private mutating func update(_ id: Int, _ change: (inout ProposalState) -> Void) {
        if let index = proposals.firstIndex(where: { $0.proposal.id == id }) { change(&proposals[index]) }
    }
}

/// A proposal with what has happened to it so far, as far as the seat may know.
public struct ProposalState: Codable, Hashable, Sendable {
    public let proposal: Proposal
    public var status: ProposalStatus
    /// Seat id → its last answer, for the answers this seat may see.
    public var responses: [String: Answer]
    public var voteCalled: Bool

    public init(proposal: Proposal) {
        self.proposal = proposal
        status = .open
        responses = [:]
        voteCalled = false
    }

    /// The seats whose last answer, as far as this seat knows, is to accept.
    public var accepted: [String] { responses.filter { $0.value == .accept }.keys.sorted() }
}

/// Where a proposal stands.
public enum ProposalStatus: Codable, Hashable, Sendable {
    case open
    case withdrawn
    case agreed(agreement: Int)
}
