import Foundation
import Synchronization

/// Which seat a join code opens, across every table the server hosts.
///
/// Holds only the codes' hashes. A lookup hashes the typed code once and compares it with
/// every seat's hash in constant time, never stopping at the first match, so the time a
/// wrong code takes says nothing about how close it came or which table it was near.
public final class SeatDirectory: Sendable {
    /// A seat a code opens.
    public struct Place: Hashable, Sendable {
        public let table: String
        public let seat: String

        public init(table: String, seat: String) {
            self.table = table
            self.seat = seat
        }
    }

    private let entries: Mutex<[(place: Place, hash: Data)]>

    public init(_ entries: [(place: Place, hash: Data)] = []) {
        self.entries = Mutex(entries)
    }

    /// The seat the typed code opens, or nil.
    public func place(for typed: String) -> Place? {
        // A code that cannot be one still costs a full comparison, against a hash no seat has.
        let hash = JoinCode(typed: typed)?.hash ?? Data(repeating: 0, count: 32)
        return entries.withLock { entries in
            var found: Place?
            for entry in entries where JoinCode.constantTimeEqual(entry.hash, hash) {
                found = entry.place
            }
            return found
        }
    }

    /// Sets a seat's code hash, adding the seat if it is new.
    public func set(_ place: Place, hash: Data) {
        entries.withLock { entries in
            if let index = entries.firstIndex(where: { $0.place == place }) {
                entries[index].hash = hash
            } else {
                entries.append((place, hash))
            }
        }
    }
}
