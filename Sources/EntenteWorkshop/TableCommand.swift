/// What a seat asks the table to do. The table decides (`Table.decide`) whether the seat
/// may, and what happened; a command carries no seat of its own (the connection says who
/// sent it) and no evaluation (the table computes every figure itself).
public enum TableCommand: Codable, Hashable, Sendable {
    // A delegation's moves.
    /// Puts a package on the table, to every seat or to named seats, possibly as a counter
    /// to a proposal the seat can see.
    case propose(package: TablePackage, to: Audience, counterTo: Int?)
    case withdraw(proposal: Int)
    case respond(proposal: Int, answer: Answer)
    /// A public statement (`.everyone`) or a private message to named seats; the
    /// facilitator may message too.
    case message(to: Audience, text: String)

    // The facilitator's controls.
    /// Starts the next round, lasting `seconds` (the setup's round length when nil).
    case startRound(seconds: Double?)
    case pause
    case resume
    case extend(seconds: Double)
    case closeRound
    case callVote(proposal: Int)
    /// Brings one of the scenario's futures into force, told to everyone or to named seats.
    case injectFuture(future: String, to: Audience)
    /// Changes one actor's stance; that actor's seat is always told, with the figures.
    case editActor(actor: String, edit: StanceEdit, to: Audience)
    /// Hands a delegation to a person or to the engine.
    case reassignSeat(seat: String, player: Player)
    /// Asks for a seat's join code to be replaced (the server issues a new one and closes
    /// the seat's connection).
    case resetSeat(seat: String)
    case broadcast(text: String)
    /// Shows every seat everything: every actor's stance, every response and message.
    case reveal

    /// Whether only the facilitator may send the command.
    public var isFacilitators: Bool {
        switch self {
        case .propose, .withdraw, .respond, .message: false
        case .startRound, .pause, .resume, .extend, .closeRound, .callVote, .injectFuture, .editActor,
             .reassignSeat, .resetSeat, .broadcast, .reveal: true
        }
    }
}

/// A delegation's answer to a proposal.
public enum Answer: String, Codable, Hashable, Sendable {
    case accept, reject
}
