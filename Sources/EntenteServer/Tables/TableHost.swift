import EntenteWorkshop
import Foundation
import Logging

/// One table at the server: its state, its log and the connections of its seats, handled
/// one request at a time so that the log's order is the order things happened.
///
/// Every command goes the same way, a participant's, the engine's for the seats it plays,
/// or the server's own when a round's time is up: the table decides (`Table.decide`, which
/// checks who may do what and computes every figure), the events are committed to the log
/// in one transaction with the command id, then applied, then sent to each connected seat
/// as `Table.project` shows them to it, and only then acknowledged. A command id the seat
/// used before gets its ack again and changes nothing.
public final class TableHost: Sendable {
    public let id: String
    private let mailbox: AsyncStream<Request>.Continuation

    enum Request: Sendable {
        case join(seat: String, connection: SeatConnection, resumeAfter: Int?)
        case leave(seat: String, connection: Int)
        case command(seat: String, id: String, TableCommand, connection: SeatConnection)
        case tick
        case snapshot(@Sendable (TableSnapshot) -> Void)
        case debrief(seat: String, connection: SeatConnection)
    }

    /// Starts the table's loop on `state` (the table as replayed from its log).
    init(state: TableState, store: EventStore, directory: SeatDirectory, clock: @escaping @Sendable () -> Double,
         logger: Logger, newCode: @escaping @Sendable (TableSeat, JoinCode) -> Void) {
        id = state.id
        let (requests, mailbox) = AsyncStream.makeStream(of: Request.self)
        self.mailbox = mailbox
        Task {
            var runtime = TableRuntime(state: state, store: store, directory: directory, clock: clock, logger: logger, newCode: newCode)
            for await request in requests { await runtime.handle(request) }
            runtime.closeAll(reason: "the server is stopping")
        }
    }

    /// Seats a connection (closing the seat's earlier one) and sends it its welcome.
    func join(seat: String, connection: SeatConnection, resumeAfter: Int?) {
        mailbox.yield(.join(seat: seat, connection: connection, resumeAfter: resumeAfter))
    }

    /// Forgets a connection that ended (if it is still the seat's).
    func leave(seat: String, connection: Int) { mailbox.yield(.leave(seat: seat, connection: connection)) }

    /// Hands a seat's command to the table; the answer (events, then an ack or an error)
    /// goes to `connection`.
    func command(_ command: TableCommand, id: String, from seat: String, connection: SeatConnection) {
        mailbox.yield(.command(seat: seat, id: id, command, connection: connection))
    }

    /// Sends `connection` the debrief of the table so far as `seat` may see it.
    func debrief(for seat: String, connection: SeatConnection) {
        mailbox.yield(.debrief(seat: seat, connection: connection))
    }

    /// Lets the table act on the time: close a round whose deadline passed, let the engine answer.
    func tick() { mailbox.yield(.tick) }

    /// The table as it stands, after every request sent before this one.
    public func snapshot() async -> TableSnapshot {
        await withCheckedContinuation { continuation in
            mailbox.yield(.snapshot { continuation.resume(returning: $0) })
        }
    }

    /// Stops the loop after the requests already sent, closing every connection.
    func stop() { mailbox.finish() }
}

/// What a test or the load check reads off a table: how far its log runs and its full state.
public struct TableSnapshot: Sendable {
    public let lastSeq: Int
    public let table: Table
    public let connectedSeats: [String]
}

/// A connection's outbox, as a table sends to it.
public typealias SeatConnection = Outbox<ServerFrame>

/// The table's state inside its loop: nothing else touches it.
struct TableRuntime {
    var state: TableState
    let store: EventStore
    let directory: SeatDirectory
    let clock: @Sendable () -> Double
    let logger: Logger
    let newCode: @Sendable (TableSeat, JoinCode) -> Void
    /// The connection of each seat that has one.
    var connections: [String: SeatConnection] = [:]

    /// The most commands the engine may make in answer to one event: the engine answers each
    /// open proposal addressed to its seats once, so this is never reached at a real table.
    static let engineRounds = 64

    mutating func handle(_ request: TableHost.Request) async {
        switch request {
        case .join(let seat, let connection, let resumeAfter):
            join(seat, connection, resumeAfter: resumeAfter)
        case .leave(let seat, let connectionID):
            if connections[seat]?.id == connectionID { connections[seat] = nil }
        case .command(let seat, let id, let command, let connection):
            await run(command, id: id, from: seat, replyTo: connection)
        case .tick:
            let now = clock()
            let expiry = state.table.expiry(at: now)
            if !expiry.isEmpty {
                logger.info("\(state.id): round \(state.table.board.round) closed at its deadline")
                _ = await commit(expiry, command: nil, at: now)
            }
            await answerForEngine()
        case .snapshot(let reply):
            reply(TableSnapshot(lastSeq: state.lastSeq, table: state.table, connectedSeats: connections.keys.sorted()))
        case .debrief(let seat, let connection):
            // The debrief searches the scenario's packages: built beside the loop, from the log
            // as it stands, so the table never waits for it.
            let setup = state.table.setup, events = state.events, name = state.id
            let viewer = state.table.seat(seat)?.role.seesEverything == true ? nil : seat
            Task.detached(priority: .utility) {
                let text: String
                do {
                    text = try Debrief(setup: setup, events: events, table: name, for: viewer).rendered(.text)
                } catch {
                    text = "The debrief could not be prepared: \(error)"
                }
                connection.send(.debrief(text: text))
            }
        }
    }

    private mutating func join(_ seatID: String, _ connection: SeatConnection, resumeAfter: Int?) {
        guard let welcome = state.welcome(for: seatID) else {
            connection.send(.error(id: nil, code: .wrongCode, message: "no such seat at this table"))
            connection.close(reason: "no such seat")
            return
        }
        if let previous = connections[seatID] {
            logger.info("\(state.id): \(seatID) joined again (connection \(connection.id)); closing connection \(previous.id)")
            previous.send(.error(id: nil, code: .replaced, message: "this seat was joined from another terminal"))
            previous.close(reason: "the seat was joined from another terminal")
        } else {
            logger.info("\(state.id): \(seatID) joined (connection \(connection.id))")
        }
        if let resumeAfter, resumeAfter > state.lastSeq {
            logger.error("\(state.id): \(seatID) resumes after event \(resumeAfter), but the log ends at \(state.lastSeq)")
        }
        connections[seatID] = connection
        // The welcome's table is the seat's view up to the last event, the events it missed
        // included: a resuming client replaces its table with it and carries on from `lastSeq`.
        connection.send(welcome)
    }

    /// Decides, commits, applies and sends a seat's command, then acknowledges it (or says
    /// why not); then lets the engine answer.
    private mutating func run(_ command: TableCommand, id: String, from seat: String, replyTo connection: SeatConnection) async {
        let key = AppliedCommand(seat: seat, id: id)
        if state.applied[key] != nil {
            connection.send(.ack(id: id))
            return
        }
        let now = clock()
        let events: [TableEvent]
        do {
            events = try state.table.decide(command, from: seat, at: now)
        } catch {
            logger.notice("\(state.id): \(seat)'s command \(id) refused (\(error.code)): \(error.message)")
            connection.send(.error(id: id, code: error.code, message: error.message))
            return
        }
        guard await commit(events, command: key, at: now) else {
            connection.send(.error(id: id, code: .serverError, message: "the server could not record the command; send it again"))
            return
        }
        connection.send(.ack(id: id))
        await answerForEngine()
    }

    /// The engine's answers for the seats it plays, each through the same path as a person's.
    private mutating func answerForEngine() async {
        guard state.table.seats.contains(where: { $0.player == .engine }) else { return }
        for _ in 0 ..< Self.engineRounds {
            let now = clock()
            guard let next = EngineSeat.commands(for: state.table, at: now).first else { return }
            let seat = next.seat
            let key = AppliedCommand(seat: seat, id: "engine-\(state.lastSeq + 1)")
            do {
                let events = try state.table.decide(next.command, from: seat, at: now)
                guard await commit(events, command: key, at: now) else { return }
            } catch {
                logger.error("\(state.id): the engine's command for \(seat) was refused: \(error.message)")
                return
            }
        }
    }

    /// Writes events to the log in one transaction (with the command that made them), then
    /// applies them and sends each connected seat what it may see. False when the write
    /// failed: nothing was applied or sent.
    private mutating func commit(_ events: [TableEvent], command: AppliedCommand?, at now: Double) async -> Bool {
        var codes: [(TableSeat, JoinCode)] = []
        for event in events {
            if case .seatReset(let id) = event.fact, let seat = state.table.seat(id) { codes.append((seat, JoinCode.random())) }
        }
        let seqs: [Int]
        do {
            let bodies = try events.map { String(decoding: try WireJSON.encode($0), as: UTF8.self) }
            seqs = try await store.append(to: state.id, events: bodies, command: command,
                                          newCodes: codes.map { StoredSeat(seat: $0.0.id, codeHash: $0.1.hash) },
                                          at: Date(timeIntervalSince1970: now))
        } catch {
            logger.critical("\(state.id): cannot write to \(store.path): \(error)")
            return false
        }
        for (seq, event) in zip(seqs, events) {
            for (seat, frames) in state.apply(event, seq: seq) {
                guard let connection = connections[seat] else { continue }
                for frame in frames { connection.send(frame) }
            }
        }
        if let command { state.applied[command] = seqs.last ?? state.lastSeq }
        for (seat, code) in codes {
            directory.set(SeatDirectory.Place(table: state.id, seat: seat.id), hash: code.hash)
            if let connection = connections.removeValue(forKey: seat.id) {
                connection.send(.error(id: nil, code: .wrongCode, message: "the facilitator reset this seat; ask for its new code"))
                connection.close(reason: "the seat was reset")
            }
            logger.notice("\(state.id): \(seat.id) reset; its new code is given to the trainer")
            newCode(seat, code)
        }
        return true
    }

    func closeAll(reason: String) {
        for connection in connections.values { connection.close(reason: reason) }
    }
}

extension ErrorCode {
    /// The seat was joined from another terminal; this connection is closed.
    public static let replaced = ErrorCode("replaced")
    /// The command named a kind the server does not know.
    public static let unknownCommand = ErrorCode("unknown-command")
    /// The server could not record the command (its disk); the client may send it again.
    public static let serverError = ErrorCode("server-error")
}
