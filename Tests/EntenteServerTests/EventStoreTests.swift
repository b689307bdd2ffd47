import Foundation
import Testing
@testable import EntenteServer

/// The SQLite store: the log is numbered without gaps, a command id is applied once, the
/// projections move in the same transaction as the events, and a reopened file holds
/// everything committed.
@Suite struct EventStoreTests {
    let file = TemporaryFile(extension: "sqlite")

    func tableWithSeats(_ store: EventStore) throws {
        try store.create(StoredTable(id: "t1", scenarioFile: "x.yaml", setup: "{}", createdAt: Date(timeIntervalSince1970: 1000)),
                         seats: [StoredSeat(seat: "eu", codeHash: Data([1, 2])), StoredSeat(seat: "facilitator", codeHash: Data([3]))])
    }

    @Test func eventsAreNumberedFromOneWithoutGaps() async throws {
        let store = try EventStore(path: file.path)
        try tableWithSeats(store)
        let first = try await store.append(to: "t1", events: ["a", "b"], command: AppliedCommand(seat: "eu", id: "c1"), at: Date(timeIntervalSince1970: 1001))
        let second = try await store.append(to: "t1", events: ["c"], command: nil, at: Date(timeIntervalSince1970: 1002))
        #expect(first == [1, 2] && second == [3])
        let events = try store.events(of: "t1")
        #expect(events.map(\.body) == ["a", "b", "c"])
        #expect(events.map(\.commandID) == ["c1", "c1", nil] && events.map(\.seat) == ["eu", "eu", nil])
        #expect(try store.events(of: "t1", after: 2).map(\.seq) == [3])
        #expect(try store.tables().first?.lastSeq == 3)
        #expect(try store.gapInLog(of: "t1") == nil)
    }

    @Test func aCommandIdIsAppliedOnceAndItsRetryWritesNothing() async throws {
        let store = try EventStore(path: file.path)
        try tableWithSeats(store)
        let command = AppliedCommand(seat: "eu", id: "same")
        try await store.append(to: "t1", events: ["a"], command: command, at: Date())
        await #expect(throws: StoreError.alreadyApplied(lastSeq: 1)) {
            try await store.append(to: "t1", events: ["b"], command: command, at: Date())
        }
        // Another seat's command may carry the same id: ids are each seat's own.
        try await store.append(to: "t1", events: ["b"], command: AppliedCommand(seat: "facilitator", id: "same"), at: Date())
        #expect(try store.events(of: "t1").map(\.body) == ["a", "b"])
        #expect(try store.appliedCommands(of: "t1") == [command: 1, AppliedCommand(seat: "facilitator", id: "same"): 2])
    }

    @Test func aCommandWithoutEventsIsStillRecordedAsApplied() async throws {
        let store = try EventStore(path: file.path)
        try tableWithSeats(store)
        #expect(try await store.append(to: "t1", events: [], command: AppliedCommand(seat: "eu", id: "noop"), at: Date()) == [])
        #expect(try store.appliedCommands(of: "t1") == [AppliedCommand(seat: "eu", id: "noop"): 0])
    }

    @Test func aReopenedFileHoldsTablesSeatsAndEvents() async throws {
        do {
            let store = try EventStore(path: file.path)
            try tableWithSeats(store)
            try await store.append(to: "t1", events: ["a"], command: nil, at: Date())
        }
        let reopened = try EventStore(path: file.path)
        #expect(try reopened.tables().map(\.id) == ["t1"])
        #expect(try reopened.tables().first?.scenarioFile == "x.yaml")
        #expect(try reopened.seats(of: "t1") == [StoredSeat(seat: "eu", codeHash: Data([1, 2])), StoredSeat(seat: "facilitator", codeHash: Data([3]))])
        #expect(try reopened.events(of: "t1").map(\.body) == ["a"])
    }

    @Test func theFileIsInWALModeWithFullSync() throws {
        let store = try EventStore(path: file.path)
        #expect(try store.pragma("journal_mode") == "wal")
        #expect(try store.pragma("synchronous") == "2")
    }

    @Test func unknownTablesAndSeatsAreRefused() async throws {
        let store = try EventStore(path: file.path)
        try tableWithSeats(store)
        await #expect(throws: StoreError.noSuchTable("t9")) { try await store.append(to: "t9", events: ["a"], command: nil, at: Date()) }
        await #expect(throws: StoreError.noSuchSeat(table: "t1", seat: "us")) {
            try await store.append(to: "t1", events: ["reset"], command: nil, newCodes: [StoredSeat(seat: "us", codeHash: Data())], at: Date())
        }
        #expect(try store.events(of: "t1").isEmpty, "the failed transaction wrote nothing")
        try await store.append(to: "t1", events: ["reset"], command: nil, newCodes: [StoredSeat(seat: "eu", codeHash: Data([9]))], at: Date())
        #expect(try store.seats(of: "t1").first == StoredSeat(seat: "eu", codeHash: Data([9])))
    }
}
