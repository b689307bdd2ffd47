import EntenteWorkshop
import Foundation

/// A table as its log builds it: the core's `Table`, the events so far, the command ids
/// applied and the last sequence number. Replaying the log on a restart gives the state the
/// running server had. Every frame a seat gets comes from the core's projection
/// (`Table.applyAndFrame`, `Table.welcome`), never from here.
struct TableState {
    let id: String
    private(set) var table: Table
    private(set) var events: [TableEvent] = []
    var applied: [AppliedCommand: Int] = [:]
    private(set) var lastSeq = 0

    init(id: String, setup: TableSetup) {
        self.id = id
        table = Table(setup: setup)
    }

    /// Applies the event numbered `seq` and returns the frames each seat that sees it is owed.
    mutating func apply(_ event: TableEvent, seq: Int) -> [(seat: String, frames: [ServerFrame])] {
        events.append(event)
        lastSeq = seq
        return table.applyAndFrame(event, seq: seq)
    }

    /// The welcome for a seat joining now: its view of everything so far.
    func welcome(for seat: String) -> ServerFrame? {
        Table.welcome(for: seat, setup: table.setup, replaying: events, lastSeq: lastSeq)
    }

    /// The table a store holds: its setup, then every event of its log in order.
    static func replay(_ stored: StoredTable, from store: EventStore) throws -> TableState {
        let setup: TableSetup
        do {
            setup = try WireJSON.decode(TableSetup.self, from: Data(stored.setup.utf8))
        } catch {
            throw ReplayError(table: stored.id, seq: 0, reason: "its setup does not read: \(error)")
        }
        var state = TableState(id: stored.id, setup: setup)
        for entry in try store.events(of: stored.id) {
            guard entry.seq == state.lastSeq + 1 else {
                throw ReplayError(table: stored.id, seq: entry.seq, reason: "expected event \(state.lastSeq + 1)")
            }
            do {
                _ = state.apply(try WireJSON.decode(TableEvent.self, from: Data(entry.body.utf8)), seq: entry.seq)
            } catch {
                throw ReplayError(table: stored.id, seq: entry.seq, reason: "the event does not read: \(error)")
            }
        }
        guard state.lastSeq == stored.lastSeq else {
            throw ReplayError(table: stored.id, seq: state.lastSeq, reason: "the log ends at \(state.lastSeq) but the table counts \(stored.lastSeq)")
        }
        state.applied = try store.appliedCommands(of: stored.id)
        return state
    }
}

/// Why a table's log could not be replayed: the file was damaged or written by another version.
public struct ReplayError: Error, CustomStringConvertible {
    public let table: String
    public let seq: Int
    public let reason: String

    public var description: String { "table \(table), event \(seq): \(reason)" }
}
