/// One fact of a table's history, stamped with the server's time: what the log stores and
/// what `Table.apply` replays. Every seat's view is built from these through
/// `Table.project(_:for:)`.
public struct TableEvent: Codable, Hashable, Sendable {
    /// Server time, seconds since 1970.
    public let at: Double
    public let fact: TableFact

    public init(at: Double, _ fact: TableFact) {
        self.at = at
        self.fact = fact
    }
}

/// What happened at the table.
public enum TableFact: Codable, Hashable, Sendable {
    case roundStarted(round: Int, deadline: Double)
    case roundPaused(round: Int, remaining: Double)
    case roundResumed(round: Int, deadline: Double)
    /// The round's time lengthened by `seconds`, running (new deadline) or paused (new
    /// time remaining).
    case roundExtended(round: Int, seconds: Double, clock: RoundPhase)
    /// The round is over; `unsealed` are the sealed responses given in it, now shown to
    /// those who see their proposals.
    case roundClosed(round: Int, unsealed: [Response])
    case proposed(Proposal)
    case withdrawn(proposal: Int)
    case responded(Response)
    case voteCalled(proposal: Int)
    case messaged(Message)
    case futureInjected(future: String, name: String, to: Audience)
    /// An actor's stance changed. In what a seat sees, `edit` is nil unless the stance is
    /// its own (or it sees everything): the figures are that actor's private data.
    case actorEdited(actor: String, edit: StanceEdit?, to: Audience)
    case seatReassigned(seat: String, player: Player)
    case seatReset(seat: String)
    case broadcast(text: String)
    case revealed
    case agreementReached(Agreement)
}

/// A package put on the table.
public struct Proposal: Codable, Hashable, Sendable {
    /// 1, 2, 3 … in the order proposed.
    public let id: Int
    /// The author's seat and the actor it plays.
    public let author: String
    public let actor: String
    public let package: TablePackage
    public let to: Audience
    /// The proposal this one answers, if it is a counter-proposal.
    public let counterTo: Int?
    public let round: Int

    public init(id: Int, author: String, actor: String, package: TablePackage, to: Audience, counterTo: Int?, round: Int) {
        self.id = id
        self.author = author
        self.actor = actor
        self.package = package
        self.to = to
        self.counterTo = counterTo
        self.round = round
    }
}

/// One seat's answer to one proposal. A seat may change its answer; the last one counts.
public struct Response: Codable, Hashable, Sendable {
    public let proposal: Int
    public let seat: String
    public let actor: String
    public let answer: Answer
    public let round: Int

    public init(proposal: Int, seat: String, actor: String, answer: Answer, round: Int) {
        self.proposal = proposal
        self.seat = seat
        self.actor = actor
        self.answer = answer
        self.round = round
    }
}

/// A public statement or a private message.
public struct Message: Codable, Hashable, Sendable {
    public let id: Int
    public let from: String
    public let to: Audience
    public let text: String
    public let round: Int

    public init(id: Int, from: String, to: Audience, text: String, round: Int) {
        self.id = id
        self.from = from
        self.to = to
        self.text = text
        self.round = round
    }
}

/// A proposal whose accepting seats (the author among them) formed a viable coalition
/// under the scenario's rules, as the table evaluated it.
public struct Agreement: Codable, Hashable, Sendable {
    public let id: Int
    public let proposal: Int
    public let package: TablePackage
    /// Actor ids, in scenario order.
    public let members: [String]
    public let round: Int

    public init(id: Int, proposal: Int, package: TablePackage, members: [String], round: Int) {
        self.id = id
        self.proposal = proposal
        self.package = package
        self.members = members
        self.round = round
    }
}

/// Where the table's round stands.
public enum RoundPhase: Codable, Hashable, Sendable {
    /// No round has started yet, or the last one closed.
    case idle
    case running(deadline: Double)
    case paused(remaining: Double)
}
