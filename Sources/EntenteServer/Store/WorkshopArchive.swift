import EntenteWorkshop
import Foundation

/// A workshop's tables as its file holds them, for reading after (or during) the workshop:
/// each table's setup and its whole log, decoded. What `entente debrief` reads; it never
/// writes.
public struct WorkshopArchive: Sendable {
    /// One table: its id, the file its scenario came from, its setup and its events in order.
    public struct Table: Sendable {
        public let id: String
        public let scenarioFile: String
        public let setup: TableSetup
        public let events: [TableEvent]
    }

    public let tables: [Table]

    /// Reads every table of the store at `path`.
    public init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw ArchiveError.missing(path) }
        let store = try EventStore(path: path)
        tables = try store.tables().map { stored in
            let setup: TableSetup
            do {
                setup = try WireJSON.decode(TableSetup.self, from: Data(stored.setup.utf8))
            } catch {
                throw ReplayError(table: stored.id, seq: 0, reason: "its setup does not read: \(error)")
            }
            let events = try store.events(of: stored.id).map { entry in
                do {
                    return try WireJSON.decode(TableEvent.self, from: Data(entry.body.utf8))
                } catch {
                    throw ReplayError(table: stored.id, seq: entry.seq, reason: "the event does not read: \(error)")
                }
            }
            return Table(id: stored.id, scenarioFile: stored.scenarioFile, setup: setup, events: events)
        }
    }
}

/// Why a workshop file cannot be read.
public enum ArchiveError: Error, CustomStringConvertible {
    case missing(String)

    public var description: String {
        switch self {
        case .missing(let path): "\(path): no such file"
        }
    }
}
