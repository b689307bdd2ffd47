import Foundation
import GRDB

/// The workshop server's SQLite file: for each table an append-only event log, the source of
/// truth, and projections (the tables, their seats with code hashes, the command ids applied)
/// written in the same transaction as the events they follow from.
///
/// The file is in WAL mode with `synchronous = FULL`, so a transaction that has committed
/// survives a crash of the process or the machine: an event is acknowledged only after its
/// commit returns. The server is the file's only writer; clients never open it.
public final class EventStore: Sendable {
    private let pool: DatabasePool
    /// Where the file is, for messages.
    public let path: String

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        self.path = path
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("workshop-1") { db in
            try db.create(table: "workshop_table") { t in
                t.primaryKey("id", .text)
                t.column("scenario_file", .text).notNull()
                t.column("setup", .text).notNull()
                t.column("created_at", .double).notNull()
                t.column("last_seq", .integer).notNull().defaults(to: 0)
                t.column("last_event_at", .double)
            }
            try db.create(table: "seat") { t in
                t.column("table_id", .text).notNull().references("workshop_table")
                t.column("seat_id", .text).notNull()
                t.column("code_hash", .blob).notNull()
                t.primaryKey(["table_id", "seat_id"])
            }
            try db.create(table: "event") { t in
                t.column("table_id", .text).notNull().references("workshop_table")
                t.column("seq", .integer).notNull()
                t.column("time", .double).notNull()
                t.column("command_id", .text)
                t.column("seat_id", .text)
                t.column("body", .text).notNull()
                t.primaryKey(["table_id", "seq"])
            }
            try db.create(table: "applied_command") { t in
                t.column("table_id", .text).notNull().references("workshop_table")
                t.column("seat_id", .text).notNull()
                t.column("command_id", .text).notNull()
                t.column("last_seq", .integer).notNull()
                t.primaryKey(["table_id", "seat_id", "command_id"])
            }
        }
        return migrator
    }

    /// A pragma's value as a connection of the store sees it (for checks of the file's settings).
    func pragma(_ name: String) throws -> String? {
        try pool.read { db in
            guard let value = try DatabaseValue.fetchOne(db, sql: "PRAGMA \(name)") else { return nil }
            switch value.storage {
            case .int64(let number): return "\(number)"
            case .string(let text): return text
            default: return value.description
            }
        }
    }

    // MARK: Tables and seats

    /// Records a new table with its seats' code hashes, before any event.
    public func create(_ table: StoredTable, seats: [StoredSeat]) throws {
        try pool.write { db in
            try db.execute(
                sql: "INSERT INTO workshop_table (id, scenario_file, setup, created_at) VALUES (?, ?, ?, ?)",
                arguments: [table.id, table.scenarioFile, table.setup, table.createdAt.timeIntervalSince1970])
            for seat in seats {
                try db.execute(sql: "INSERT INTO seat (table_id, seat_id, code_hash) VALUES (?, ?, ?)",
                               arguments: [table.id, seat.seat, seat.codeHash])
            }
        }
    }

    /// Every table in the order they were created.
    public func tables() throws -> [StoredTable] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM workshop_table ORDER BY created_at, id").map { row in
                StoredTable(id: row["id"], scenarioFile: row["scenario_file"], setup: row["setup"], createdAt: Date(timeIntervalSince1970: row["created_at"]),
                            lastSeq: row["last_seq"])
            }
        }
    }

    /// A table's seats with their code hashes, by seat id.
    public func seats(of table: String) throws -> [StoredSeat] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT seat_id, code_hash FROM seat WHERE table_id = ? ORDER BY seat_id", arguments: [table])
                .map { StoredSeat(seat: $0["seat_id"], codeHash: $0["code_hash"]) }
        }
    }

    // MARK: The log

    /// A table's events after `seq` (0: all of them), in order.
    public func events(of table: String, after seq: Int = 0) throws -> [StoredEvent] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT seq, time, command_id, seat_id, body FROM event WHERE table_id = ? AND seq > ? ORDER BY seq",
                             arguments: [table, seq]).map { row in
                StoredEvent(seq: row["seq"], time: Date(timeIntervalSince1970: row["time"]), commandID: row["command_id"],
                            seat: row["seat_id"], body: row["body"])
            }
        }
    }

    /// The command ids a table has applied, by seat, each with the last sequence number it
    /// produced: what lets a retried command get its ack again without being applied twice.
    public func appliedCommands(of table: String) throws -> [AppliedCommand: Int] {
        try pool.read { db in
            var applied: [AppliedCommand: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT seat_id, command_id, last_seq FROM applied_command WHERE table_id = ?", arguments: [table]) {
                applied[AppliedCommand(seat: row["seat_id"], id: row["command_id"])] = row["last_seq"]
            }
            return applied
        }
    }

    /// Appends events to a table's log in one transaction, numbered from the table's last
    /// sequence number on, with the command that produced them (if any) recorded as applied
    /// and the table's projection moved on, and any seat's new code hash (a seat reset)
    /// stored. Returns the sequence numbers given; throws `StoreError.alreadyApplied`
    /// (writing nothing) when the command id was applied before.
    @discardableResult
    public func append(to table: String, events bodies: [String], command: AppliedCommand?, newCodes: [StoredSeat] = [], at time: Date) async throws -> [Int] {
        try await pool.write { db in
            guard let lastSeq = try Int.fetchOne(db, sql: "SELECT last_seq FROM workshop_table WHERE id = ?", arguments: [table]) else {
                throw StoreError.noSuchTable(table)
            }
            if let command,
               let previous = try Int.fetchOne(db, sql: "SELECT last_seq FROM applied_command WHERE table_id = ? AND seat_id = ? AND command_id = ?",
                                               arguments: [table, command.seat, command.id]) {
                throw StoreError.alreadyApplied(lastSeq: previous)
            }
            let seqs = Array(lastSeq + 1 ..< lastSeq + 1 + bodies.count)
            for (seq, body) in zip(seqs, bodies) {
                try db.execute(sql: "INSERT INTO event (table_id, seq, time, command_id, seat_id, body) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [table, seq, time.timeIntervalSince1970, command?.id, command?.seat, body])
            }
            let newLast = seqs.last ?? lastSeq
            try db.execute(sql: "UPDATE workshop_table SET last_seq = ?, last_event_at = ? WHERE id = ?",
                           arguments: [newLast, time.timeIntervalSince1970, table])
            for seat in newCodes {
                try db.execute(sql: "UPDATE seat SET code_hash = ? WHERE table_id = ? AND seat_id = ?", arguments: [seat.codeHash, table, seat.seat])
                guard db.changesCount == 1 else { throw StoreError.noSuchSeat(table: table, seat: seat.seat) }
            }
            if let command {
                try db.execute(sql: "INSERT INTO applied_command (table_id, seat_id, command_id, last_seq) VALUES (?, ?, ?, ?)",
                               arguments: [table, command.seat, command.id, newLast])
            }
            return seqs
        }
    }

    /// Checks that a table's log is whole: numbered 1, 2, … with no gap, ending at the
    /// projection's last sequence number. Returns the problem, or nil.
    public func gapInLog(of table: String) throws -> String? {
        try pool.read { db in
            let last = try Int.fetchOne(db, sql: "SELECT last_seq FROM workshop_table WHERE id = ?", arguments: [table]) ?? 0
            let row = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, MIN(seq) AS lo, MAX(seq) AS hi FROM event WHERE table_id = ?", arguments: [table])!
            let count: Int = row["n"]
            guard count == last else { return "\(table): \(count) events in the log, but the table counts \(last)" }
            guard count > 0 else { return nil }
            let low: Int = row["lo"], high: Int = row["hi"]
            return low == 1 && high == count ? nil : "\(table): sequence numbers run from \(low) to \(high) over \(count) events"
        }
    }
}

/// A table as the store keeps it: the file its scenario came from (a name, for people), the
/// setup as JSON (the scenario's own text inside it, so that a restart or a debrief does not
/// depend on the file still being there), and how far the log runs.
public struct StoredTable: Sendable, Equatable {
    public let id: String
    public let scenarioFile: String
    /// The table's setup as JSON.
    public let setup: String
    public let createdAt: Date
    public let lastSeq: Int

    public init(id: String, scenarioFile: String, setup: String, createdAt: Date, lastSeq: Int = 0) {
        self.id = id
        self.scenarioFile = scenarioFile
        self.setup = setup
        self.createdAt = createdAt
        self.lastSeq = lastSeq
    }
}

/// A seat and the hash of its join code (never the code).
public struct StoredSeat: Sendable, Equatable {
    public let seat: String
    public let codeHash: Data

    public init(seat: String, codeHash: Data) {
        self.seat = seat
        self.codeHash = codeHash
    }
}

/// One entry of a table's log: its number, when the server wrote it, the command and seat
/// it came from (none for the server's own, such as a round closing at its deadline), and
/// the event as JSON.
public struct StoredEvent: Sendable, Equatable {
    public let seq: Int
    public let time: Date
    public let commandID: String?
    public let seat: String?
    public let body: String
}

/// A command id as a seat chose it: ids are the seat's own, so two seats may use the same one.
public struct AppliedCommand: Hashable, Sendable {
    public let seat: String
    public let id: String

    public init(seat: String, id: String) {
        self.seat = seat
        self.id = id
    }
}

/// Why the store refused a write.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case noSuchTable(String)
    case noSuchSeat(table: String, seat: String)
    /// The command was applied before; its events end at `lastSeq`.
    case alreadyApplied(lastSeq: Int)

    public var description: String {
        switch self {
        case .noSuchTable(let table): "no table '\(table)' in the store"
        case .noSuchSeat(let table, let seat): "no seat '\(seat)' at table '\(table)'"
        case .alreadyApplied(let lastSeq): "the command was applied before (its events end at \(lastSeq))"
        }
    }
}
