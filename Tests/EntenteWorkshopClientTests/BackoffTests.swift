import EntenteWorkshopClient
import Testing

/// The waits between reconnect attempts: doubling from the first to the longest, spread a
/// quarter either way, and back to the first once a connection reached the table.
@Suite struct BackoffTests {
    @Test func doublesUpToTheLongestWait() {
        var backoff = Backoff(first: .milliseconds(200), longest: .seconds(5))
        let waits = (0..<8).map { _ in backoff.next(spread: 0.5) }
        // 200, 400, 800, 1600, 3200, then 5000 (6400 is over the longest) every time.
        #expect(waits == [.milliseconds(200), .milliseconds(400), .milliseconds(800), .milliseconds(1600),
                          .milliseconds(3200), .seconds(5), .seconds(5), .seconds(5)])
    }

    @Test func spreadsAQuarterEitherWayButNeverPastTheLongest() {
        var low = Backoff(first: .seconds(1), longest: .seconds(10))
        var high = low
        #expect(low.next(spread: 0) == .milliseconds(750))
        #expect(high.next(spread: 1) == .milliseconds(1250))
        var capped = Backoff(first: .seconds(4), longest: .seconds(5))
        #expect(capped.next(spread: 1) == .seconds(5), "1.25 × 4 s is over the longest wait")
        #expect(capped.next(spread: 2) == .seconds(5), "a spread out of 0…1 is clamped")
    }

    @Test func aConnectionThatReachedTheTableStartsAgainFromTheFirstWait() {
        var backoff = Backoff(first: .milliseconds(100), longest: .seconds(5))
        for _ in 0..<5 { _ = backoff.next(spread: 0.5) }
        #expect(backoff.attempts == 5)
        backoff.reset()
        #expect(backoff.next(spread: 0.5) == .milliseconds(100))
    }
}

/// Commands kept until acknowledged, under ids of the client's own, so a resend after a
/// reconnect is recognised by the server as the same command.
@Suite struct OutboxTests {
    @Test func keepsCommandsInOrderUntilEachIsAcknowledged() {
        var outbox = Outbox<String>(prefix: "k3f")
        let first = outbox.add("propose"), second = outbox.add("accept"), third = outbox.add("message")
        #expect([first, second, third] == ["k3f-1", "k3f-2", "k3f-3"])
        #expect(outbox.acknowledge(second) == "accept")
        #expect(outbox.pending.map(\.id) == ["k3f-1", "k3f-3"], "what a reconnect sends again, in the order given")
        #expect(outbox.acknowledge(second) == nil, "an ack repeated after a resend finds nothing")
        #expect(outbox.acknowledge(first) == "propose" && outbox.acknowledge(third) == "message")
        #expect(outbox.pending.isEmpty)
        #expect(outbox.add("again") == "k3f-4", "ids are never reused")
    }
}
