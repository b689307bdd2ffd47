import EntenteCore
import EntenteWorkshop
import Foundation
import Synchronization

/// A seat's connection to a workshop table: joins with the seat's code, keeps itself
/// connected (reconnecting with `Backoff` after any drop, a server restart included), and
/// on each reconnect resumes after the last event it saw and sends again, under the same
/// ids, the commands not yet acknowledged, which the server applies at most once.
///
/// What arrives is reported in order through `report`, on the connection's own task; each
/// event is reported once, however often the line drops.
///
///     let client = TableClient(url: "ws://127.0.0.1:7070/ws", code: code) { update in … }
///     client.start()
///     client.send(.propose(package: package, to: .everyone, counterTo: nil))
public final class TableClient: Sendable {
    /// What the client tells its workbench.
    public enum Update: Sendable {
        /// Joined the table (first or again): the seat, its table so far and its scenario.
        case joined(seat: TableSeat, table: SeatTable, scenario: Scenario)
        /// An event the seat had not seen yet.
        case event(SeatEvent)
        /// The scenario as the seat sees it changed (an inject, the reveal).
        case scenarioChanged(Scenario)
        /// The server took the command with this id; `pending` are still unacknowledged.
        case acknowledged(TableCommand, pending: Int)
        /// The server refused a command (or the connection's hello): what it said.
        case refused(TableCommand?, code: ErrorCode, message: String, pending: Int)
        case link(LinkState)
        /// The server's debrief of the table so far, as this seat may see it.
        case debrief(String)
    }

    /// Where the line stands, for the status bar.
    public enum LinkState: Equatable, Sendable {
        case connecting
        case connected
        /// Dropped; the next attempt is `retry` seconds away.
        case reconnecting(reason: String, retry: Double)
        /// Closed for good: the code is wrong, or the seat joined from another terminal.
        case closed(reason: String)
    }

    private struct Books: Sendable {
        var outbox: Outbox<TableCommand>
        /// The last event seen (the welcome's `lastSeq` counts): what a reconnect resumes after.
        var lastSeq: Int?
        /// Server time minus local time, from the last pong.
        var clockOffset: Double = 0
        var pingSentAt: Double?
        var closed = false
    }

    /// Refusals after which reconnecting could only be refused again: the code opens no seat
    /// (or was reset), or the seat was joined from another terminal, which must not be
    /// knocked off in turn.
    static let final: Set<ErrorCode> = [.wrongCode, ErrorCode("replaced")]

    /// The largest message the client reads. The server refuses frames over 64 KiB from
    /// clients, but its own can be larger: a facilitator's welcome holds the whole scenario
    /// (over 100 KiB for the shipped one), and a debrief is long.
    public static let readLimit = 16 << 20

    private let code: String
    private let books: Mutex<Books>
    private let report: @Sendable (Update) -> Void
    private let socket: Mutex<ReconnectingSocket<ClientFrame, ServerFrame>?> = Mutex(nil)
    private let url: String
    private let backoff: Backoff

    public init(url: String, code: String, backoff: Backoff = Backoff(), report: @escaping @Sendable (Update) -> Void) {
        self.url = url
        self.code = code
        self.backoff = backoff
        self.report = report
        // Ids unique to this client: a random prefix, so a rejoin from another terminal
        // never reuses an id the server already applied.
        books = Mutex(Books(outbox: Outbox(prefix: String(UInt64.random(in: 0...UInt64.max), radix: 36))))
    }

    /// Starts connecting; reconnects by itself until `stop`.
    public func start() {
        let socket = ReconnectingSocket<ClientFrame, ServerFrame>(
            url: url, readLimit: Self.readLimit, backoff: backoff,
            greeting: { [self] in
                books.withLock { books in
                    books.pingSentAt = Date().timeIntervalSince1970
                    return [.hello(code: code, resumeAfter: books.lastSeq), .ping]
                }
            },
            report: { [self] event in handle(event) })
        self.socket.withLock { $0 = socket }
        report(.link(.connecting))
        socket.start()
    }

    public func stop() {
        socket.withLock { $0 }?.stop()
    }

    /// Sends a command under a new id and keeps it until the server acknowledges it, sending
    /// it again after a reconnect. Returns the id.
    @discardableResult
    public func send(_ command: TableCommand) -> String {
        let (id, connected) = books.withLock { books in (books.outbox.add(command), !books.closed) }
        if connected { socket.withLock { $0 }?.send(.command(id: id, command: command)) }
        return id
    }

    /// Commands sent and not yet acknowledged.
    public var pending: Int { books.withLock { $0.outbox.pending.count } }

    /// The server's clock now, as the last pong placed it against this machine's.
    public func serverTime(at local: Date = Date()) -> Double {
        local.timeIntervalSince1970 + books.withLock { $0.clockOffset }
    }

    /// Asks the server for the debrief of the table so far (reported as `.debrief`); false
    /// while the line is down.
    @discardableResult
    public func requestDebrief() -> Bool {
        socket.withLock { $0 }?.send(.debrief) ?? false
    }

    /// Asks the server for its time again (the round clock drifts otherwise).
    public func ping() {
        books.withLock { $0.pingSentAt = Date().timeIntervalSince1970 }
        socket.withLock { $0 }?.send(.ping)
    }

    private func handle(_ event: ReconnectingSocket<ClientFrame, ServerFrame>.Event) {
        switch event {
        case .opened:
            break
        case .dropped(let reason, let retry):
            if books.withLock({ $0.closed }) { return }
            report(.link(.reconnecting(reason: reason, retry: Double(retry.components.seconds) + Double(retry.components.attoseconds) / 1e18)))
        case .unreadable(let text):
            report(.refused(nil, code: .badFrame, message: text, pending: pending))
        case .frame(let frame):
            receive(frame)
        }
    }

    private func receive(_ frame: ServerFrame) {
        switch frame {
        case .welcome(let seat, let table, let scenario, let lastSeq):
            books.withLock { $0.lastSeq = lastSeq }
            socket.withLock { $0 }?.connectionSucceeded()
            report(.link(.connected))
            report(.joined(seat: seat, table: table, scenario: scenario.scenario))
            // What was sent and not acknowledged goes again, in order, under its own id.
            let unacknowledged = books.withLock { $0.outbox.pending }
            for (id, command) in unacknowledged { socket.withLock { $0 }?.send(.command(id: id, command: command)) }
        case .event(let seq, let event):
            let fresh = books.withLock { books in
                guard seq > (books.lastSeq ?? 0) else { return false }
                books.lastSeq = seq
                return true
            }
            if fresh { report(.event(event)) }
        case .ack(let id):
            let (command, pending) = books.withLock { books in (books.outbox.acknowledge(id), books.outbox.pending.count) }
            if let command { report(.acknowledged(command, pending: pending)) }
        case .error(let id, let code, let message):
            let (command, pending) = books.withLock { books in (id.flatMap { books.outbox.acknowledge($0) }, books.outbox.pending.count) }
            if Self.final.contains(code) {
                close(because: message)
                return
            }
            report(.refused(command, code: code, message: message, pending: pending))
        case .scenarioChanged(let scenario):
            report(.scenarioChanged(scenario.scenario))
        case .debrief(let text):
            report(.debrief(text))
        case .pong(let serverTime):
            let now = Date().timeIntervalSince1970
            books.withLock { books in
                let sent = books.pingSentAt ?? now
                books.clockOffset = serverTime - (sent + now) / 2
            }
        }
    }

    /// Stops for good: reconnecting with the same code could only be refused again.
    private func close(because reason: String) {
        books.withLock { $0.closed = true }
        stop()
        report(.link(.closed(reason: reason)))
    }
}
