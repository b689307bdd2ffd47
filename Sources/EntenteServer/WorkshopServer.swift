import EntenteWorkshop
import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import Synchronization

/// The workshop server: every table in a store, served over one WebSocket endpoint (`/ws`).
///
/// On start it replays each table's log to the state the last run left, so a restart
/// (after a crash, a kill -9 included) carries on where the log ends; the join codes are
/// the ones issued when the tables were created. A connection says which seat it is with
/// its code (`hello`), and from then on everything it is sent comes from its table's
/// projection for that seat.
public final class WorkshopServer: Sendable {
    public let store: EventStore
    public let directory: SeatDirectory
    /// The tables by id.
    public let tables: [String: TableHost]
    let options: Options
    let logger: Logger
    private let connectionCount = Atomic<Int>(0)

    /// How the server runs; the defaults are a workshop's.
    public struct Options: Sendable {
        public var limits = FrameLimits()
        /// How often tables check their round's deadline and let the engine answer.
        public var tick: Duration = .milliseconds(100)
        /// The server's clock, seconds since 1970: every event's time and round deadline.
        public var clock: @Sendable () -> Double = { Date().timeIntervalSince1970 }
        /// Told each code issued while serving (a facilitator reset a seat).
        public var newCode: @Sendable (_ table: String, TableSeat, JoinCode) -> Void = { _, _, _ in }

        public init() {}
    }

    /// Loads every table of `store`, replaying its log.
    public init(store: EventStore, options: Options = Options(), logger: Logger) throws {
        self.store = store
        self.options = options
        self.logger = logger
        var tables: [String: TableHost] = [:]
        var entries: [(place: SeatDirectory.Place, hash: Data)] = []
        let directory = SeatDirectory()
        for stored in try store.tables() {
            let state = try TableState.replay(stored, from: store)
            for seat in try store.seats(of: stored.id) {
                entries.append((SeatDirectory.Place(table: stored.id, seat: seat.seat), seat.codeHash))
            }
            let tableID = stored.id, newCode = options.newCode
            tables[stored.id] = TableHost(state: state, store: store, directory: directory, clock: options.clock, logger: logger,
                                          newCode: { seat, code in newCode(tableID, seat, code) })
            logger.info("\(stored.id): \(stored.scenarioFile), \(state.lastSeq) events replayed")
        }
        for entry in entries { directory.set(entry.place, hash: entry.hash) }
        self.directory = directory
        self.tables = tables
    }

    /// Serves on `host:port` until the task is cancelled; `onListening` is told the port
    /// bound (the one the system chose when `port` is 0).
    public func run(host: String, port: Int, onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.ws("/ws") { [self] inbound, outbound, context in
            await serve(inbound: inbound, outbound: outbound)
        }
        let http = Router()
        http.get("/") { _, _ in "Entente workshop server: connect with `entente join ws://HOST:PORT/ws CODE`.\n" }
        let app = Application(
            router: http,
            server: .http1WebSocketUpgrade(
                webSocketRouter: router,
                configuration: .init(ws: WebSocketServerConfiguration(maxFrameSize: options.limits.maxMessageBytes, autoPing: .enabled(timePeriod: .seconds(30))))),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? port) },
            logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            group.addTask { [tables, tick = options.tick] in
                while !Task.isCancelled {
                    try await Task.sleep(for: tick)
                    for table in tables.values { table.tick() }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// One connection, from its upgrade to its end.
    private func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async {
        let outbox = SeatConnection(id: connectionCount.add(1, ordering: .relaxed).newValue)
        var connection = WorkshopConnection(outbox: outbox, directory: directory, tables: tables, clock: options.clock, logger: logger)
        do {
            try await FrameConnection.run(inbound: inbound, outbound: outbound, outbox: outbox, limits: options.limits, logger: logger) {
                (frame: Result<ClientFrame, RefusedFrame>) in
                connection.receive(frame)
            }
        } catch {
            logger.notice("connection \(outbox.id): ended: \(error)")
        }
        connection.ended()
    }
}
