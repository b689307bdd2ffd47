import EntenteWorkshop
import Foundation
import Logging

/// One participant's connection, from the server's side: what it may send before and after
/// it joins, and where each frame goes.
///
/// Before a hello only a ping is answered; a hello with a code that opens no seat gets an
/// error (the connection is closed after a few); after joining, commands go to the seat's
/// table under the connection's seat, never one the frame names. Every refusal is an error
/// frame and a log line.
struct WorkshopConnection {
    let outbox: SeatConnection
    let directory: SeatDirectory
    let tables: [String: TableHost]
    let clock: @Sendable () -> Double
    let logger: Logger
    private(set) var joined: (host: TableHost, seat: String)?
    private var wrongCodes = 0

    /// Wrong codes one connection may try before it is closed.
    static let wrongCodeLimit = 5

    /// The longest command id the server keeps (and echoes).
    static let longestID = 128

    static func isUsable(_ id: String) -> Bool { !id.isEmpty && id.count <= longestID }

    init(outbox: SeatConnection, directory: SeatDirectory, tables: [String: TableHost], clock: @escaping @Sendable () -> Double, logger: Logger) {
        self.outbox = outbox
        self.directory = directory
        self.tables = tables
        self.clock = clock
        self.logger = logger
    }

    mutating func receive(_ frame: Result<ClientFrame, RefusedFrame>) {
        switch frame {
        case .failure(let refused):
            // The id is echoed when the frame had a usable one, so the client knows which
            // command was refused and does not send it again.
            let id = refused.id.flatMap { Self.isUsable($0) ? $0 : nil }
            if case .malformed(let path, let reason) = refused.problem, path == ["command", "command"] {
                refuse(id: id, .unknownCommand, reason.replacingOccurrences(of: "unknown kind", with: "unknown command"))
            } else {
                refuse(id: id, refused.problem.errorCode, refused.problem.message)
            }
        case .success(.ping):
            outbox.send(.pong(serverTime: clock()))
        case .success(.hello) where joined != nil:
            refuse(id: nil, .badFrame, "this connection has joined as \(joined!.seat) already; open another connection for another seat")
        case .success(.hello(let code, let resumeAfter)):
            guard let place = directory.place(for: code), let host = tables[place.table] else {
                wrongCodes += 1
                refuse(id: nil, .wrongCode, "that code opens no seat at this server")
                if wrongCodes >= Self.wrongCodeLimit { outbox.close(reason: "too many wrong codes") }
                return
            }
            joined = (host, place.seat)
            host.join(seat: place.seat, connection: outbox, resumeAfter: resumeAfter)
        case .success(.debrief) where joined == nil:
            refuse(id: nil, .notJoined, "send hello with your code first")
        case .success(.debrief):
            joined!.host.debrief(for: joined!.seat, connection: outbox)
        case .success(.command(let id, _)) where joined == nil:
            refuse(id: id, .notJoined, "send hello with your code first")
        case .success(.command(let id, let command)):
            guard Self.isUsable(id) else {
                refuse(id: nil, .badFrame, "a command id is 1 to \(Self.longestID) characters")
                return
            }
            joined!.host.command(command, id: id, from: joined!.seat, connection: outbox)
        }
    }

    /// The connection ended: the table forgets it (unless the seat joined again since).
    func ended() {
        if let joined { joined.host.leave(seat: joined.seat, connection: outbox.id) }
    }

    private func refuse(id: String?, _ code: ErrorCode, _ message: String) {
        let who = joined.map { "\($0.host.id)/\($0.seat)" } ?? "not joined"
        logger.notice("connection \(outbox.id) (\(who)): \(code): \(message)")
        outbox.send(.error(id: id, code: code, message: message))
    }
}

extension FrameProblem {
    /// The error code a client is sent for the problem.
    var errorCode: ErrorCode {
        switch self {
        case .tooLarge: .tooLarge
        case .flooded: .rateLimited
        case .malformed: .badFrame
        }
    }
}
