import EntenteCore
import EntenteSession
import EntenteTUI
import EntenteWorkbench
import EntenteWorkshop
import EntenteWorkshopClient
import Foundation
import Synchronization

/// The workbench's host at a workshop table: a `TableClient` to the server for the table's
/// commands and frames, and an `EffectRunner` on the scenario the server sent this seat for
/// everything else (the builder's own gains, and for the facilitator, who is sent every
/// stance, searches and analyses). Frames become actions for the main loop; a new scenario
/// from the server (an inject, the reveal) rebuilds the runner's session. The debrief comes
/// from the server, which holds the whole log.
final class TableHost: Sendable {
    fileprivate struct Books {
        /// What the client reported and the main loop has not taken yet.
        var updates: [TableClient.Update] = []
        var runner: EffectRunner?
        var joined: (seat: TableSeat, scenario: Scenario)?
        var closed: String?
        /// The reason of the last drop before the first join, for the person waiting.
        var lastDrop: String?
        var lastTick = Date.distantPast
    }

    let client: TableClient
    private let books: Books.Shared

    init(url: String, code: String) {
        let books = Books.Shared()
        self.books = books
        client = TableClient(url: url, code: code) { update in books.withLock { $0.updates.append(update) } }
    }

    /// Waits for the server's welcome; throws with the reason when the code is refused or
    /// nothing answers within `seconds`.
    func waitForWelcome(seconds: Double) throws -> (seat: TableSeat, scenario: Scenario) {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let (joined, closed) = books.withLock { books -> ((seat: TableSeat, scenario: Scenario)?, String?) in
                for update in books.updates {
                    switch update {
                    case .joined(let seat, _, let scenario) where books.joined == nil: books.joined = (seat, scenario)
                    case .link(.closed(let reason)): books.closed = reason
                    case .link(.reconnecting(let reason, _)): books.lastDrop = reason
                    default: break
                    }
                }
                return (books.joined, books.closed)
            }
            if let closed { throw JoinError(closed) }
            if let joined { return joined }
            usleep(50_000)
        }
        throw JoinError("no answer from the table within \(Int(seconds)) s" + (books.withLock { $0.lastDrop }.map { ": \($0)" } ?? ""))
    }

    /// The runner on the seat's scenario, once the first welcome has come.
    func start(_ runner: EffectRunner) { books.withLock { $0.runner = runner } }

    /// The actions waiting for the main loop: what the server sent, a clock tick about once
    /// a second, and what the runner's effects reported.
    func drain() -> [Action] {
        let (updates, runner, tick) = books.withLock { books in
            defer { books.updates = [] }
            let now = Date()
            let tick = now.timeIntervalSince(books.lastTick) >= 1
            if tick { books.lastTick = now }
            return (books.updates, books.runner, tick)
        }
        guard let runner else { return [] }
        var actions: [Action] = []
        for update in updates {
            switch update {
            case .joined(let seat, let table, let scenario):
                books.withLock { $0.joined = (seat, scenario) }
                runner.adopt(scenario, message: "joined")
                actions += runner.drain() + [.workshop(.joined(seat: seat, table: table))]
            case .event(let event):
                actions.append(.workshop(.event(event)))
            case .scenarioChanged(let scenario):
                runner.adopt(scenario, message: "the scenario changed: an inject, or the reveal (3 shows your stance)")
                actions += runner.drain()
            case .acknowledged(_, let pending):
                actions.append(.workshop(.acknowledged(pending: pending)))
            case .refused(_, _, let message, let pending):
                actions.append(.workshop(.refused(message, pending: pending)))
            case .link(let link):
                actions.append(.workshop(.link(Self.status(link))))
            case .debrief(let text):
                actions.append(.workshop(.debriefReady(text)))
            }
        }
        if tick {
            if Int(Date().timeIntervalSince1970) % 30 == 0 { client.ping() }
            actions.append(.workshop(.tick(serverTime: client.serverTime())))
        }
        return actions + runner.drain()
    }

    /// Carries out an effect: the table's commands go to the server, the rest to the runner.
    func perform(_ effect: Effect) {
        guard let runner = books.withLock({ $0.runner }) else { return }
        switch effect {
        case .table(let command):
            client.send(command)
        case .prepareDebrief:
            if !client.requestDebrief() { runner.deliver(.workshop(.refused("the debrief comes from the server, and the line is down; d again once reconnected", pending: client.pending))) }
        default:
            runner.perform(effect)
        }
    }

    private static func status(_ link: TableClient.LinkState) -> LinkStatus {
        switch link {
        case .connecting: .connecting
        case .connected: .connected
        case .reconnecting(let reason, let retry): .reconnecting(reason: reason, retry: retry)
        case .closed(let reason): .closed(reason: reason)
        }
    }
}

extension TableHost.Books {
    /// The books behind a lock, shared with the client's report closure.
    final class Shared: Sendable {
        private let books = Mutex(TableHost.Books())
        func withLock<T>(_ body: (inout TableHost.Books) -> T) -> T { books.withLock { body(&$0) } }
    }
}

/// Why `entente join` could not sit at the table.
struct JoinError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
