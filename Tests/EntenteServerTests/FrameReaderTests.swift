import Foundation
import HummingbirdWebSocket
import NIOCore
import Testing
@testable import EntenteServer

/// The inbound limits: the token bucket, the 64 KiB rule, malformed JSON.
@Suite struct FrameReaderTests {
    struct Probe: Codable, Equatable { let n: Int }

    @Test func theBucketAllowsItsBurstThenItsRate() {
        var bucket = TokenBucket(capacity: 3, rate: 2, now: 0)
        func take(_ now: Double) -> Bool { bucket.take(now: now) }
        let burst = (0 ..< 4).map { _ in take(0) }
        #expect(burst == [true, true, true, false])
        #expect(!take(0.25), "half a token")
        #expect(take(0.5), "one token after half a second at two a second")
        #expect(!take(0.5))
        let later = (0 ..< 4).map { _ in take(100) }
        #expect(later == [true, true, true, false], "never more than the capacity")
        #expect(!take(50), "a clock that steps back gives nothing")
    }

    @Test func framesOverTheLimitAreRefusedWithTheirSize() {
        var limits = FrameLimits()
        limits.maxFrameBytes = 100
        var reader = FrameReader<Probe>(limits: limits, now: 0)
        func read(_ message: WebSocketMessage) -> Result<Probe, FrameProblem> { reader.read(message, now: 0).mapError(\.problem) }
        func read(_ message: WebSocketMessage, at now: Double) -> Result<Probe, FrameProblem> { reader.read(message, now: now).mapError(\.problem) }
        let padded = "{\"n\":1" + String(repeating: " ", count: 94) + "}"
        #expect(padded.utf8.count == 101)
        #expect(read(.text(padded)) == .failure(.tooLarge(bytes: 101, limit: 100)))
        #expect(read(.text("{\"n\":1" + String(repeating: " ", count: 93) + "}")) == .success(Probe(n: 1)))
    }

    @Test func malformedFramesSayWhatIsWrong() {
        var reader = FrameReader<Probe>(limits: FrameLimits(), now: 0)
        func read(_ message: WebSocketMessage) -> Result<Probe, FrameProblem> { reader.read(message, now: 0).mapError(\.problem) }
        func read(_ message: WebSocketMessage, at now: Double) -> Result<Probe, FrameProblem> { reader.read(message, now: now).mapError(\.problem) }
        #expect(read(.text("not json")) == .failure(.malformed(path: [], reason: "not JSON")))
        #expect(read(.text("{}")) == .failure(.malformed(path: [], reason: "missing 'n'")))
        guard case .failure(.malformed(let path, _)) = read(.text("{\"n\":\"x\"}")) else {
            Issue.record("a string for a number decoded")
            return
        }
        #expect(path == ["n"])
        #expect(read(.binary(ByteBuffer(string: "{\"n\":2}"))) == .success(Probe(n: 2)))
    }

    enum Order: Codable, Equatable {
        case command(id: String, n: Int)
        case ping
    }

    @Test func aRefusedFrameKeepsTheIdOfItsCommandWhenItHasOne() {
        var limits = FrameLimits()
        limits.burst = 4
        limits.perSecond = 1
        limits.maxFrameBytes = 100
        var reader = FrameReader<Order>(limits: limits, now: 0)
        let wrong = #"{"command":{"id":"k3f-7","n":"x"}}"#
        guard case .failure(let refused) = reader.read(.text(wrong), now: 0), case .malformed(let path, _) = refused.problem else {
            Issue.record("a string for a number decoded")
            return
        }
        #expect(path == ["command", "n"] && refused.id == "k3f-7")
        guard case .failure(let numbered) = reader.read(.text(#"{"command":{"id":7,"n":1}}"#), now: 0) else {
            Issue.record("a number for an id decoded")
            return
        }
        #expect(numbered.id == nil, "a number is no id")
        let padded = #"{"command":{"id":"big","n":1}}"# + String(repeating: " ", count: 100)
        #expect(reader.read(.text(padded), now: 0) == .failure(RefusedFrame(.tooLarge(bytes: 130, limit: 100))), "an oversized frame is not read")
        #expect(reader.read(.text(#"{"command":{"id":"k3f-8","n":1}}"#), now: 0) == .success(.command(id: "k3f-8", n: 1)))
        #expect(reader.read(.text(#"{"command":{"id":"k3f-9","n":1}}"#), now: 0) == .failure(RefusedFrame(.flooded, id: "k3f-9")), "a flooded frame's id too")
    }

    enum Kind: Codable, Equatable {
        case one(n: Int)
        case two
    }
    struct Holder: Codable, Equatable { let kind: Kind }

    @Test func anUnknownCaseOfAnEnumIsNamed() {
        var reader = FrameReader<Holder>(limits: FrameLimits(), now: 0)
        func read(_ message: WebSocketMessage) -> Result<Holder, FrameProblem> { reader.read(message, now: 0).mapError(\.problem) }
        func read(_ message: WebSocketMessage, at now: Double) -> Result<Holder, FrameProblem> { reader.read(message, now: now).mapError(\.problem) }
        #expect(read(.text(#"{"kind":{"one":{"n":1}}}"#)) == .success(Holder(kind: .one(n: 1))))
        #expect(read(.text(#"{"kind":{"three":{}}}"#)) == .failure(.malformed(path: ["kind"], reason: "unknown kind 'three'")))
        #expect(read(.text(#"{"kind":{"one":{}}}"#)) == .failure(.malformed(path: ["kind", "one"], reason: "missing 'n'")))
    }

    @Test func aFloodIsRefusedBeforeDecodingAndCountedUntilItEnds() {
        var limits = FrameLimits()
        limits.burst = 2
        limits.perSecond = 1
        limits.floodLimit = 3
        var reader = FrameReader<Probe>(limits: limits, now: 0)
        func read(_ message: WebSocketMessage) -> Result<Probe, FrameProblem> { reader.read(message, now: 0).mapError(\.problem) }
        func read(_ message: WebSocketMessage, at now: Double) -> Result<Probe, FrameProblem> { reader.read(message, now: now).mapError(\.problem) }
        #expect(read(.text("{\"n\":1}")) == .success(Probe(n: 1)))
        #expect(read(.text("garbage")) == .failure(.malformed(path: [], reason: "not JSON")))
        #expect(read(.text("{\"n\":1}")) == .failure(.flooded))
        #expect(reader.floodRun == 1 && !reader.floodedOut)
        #expect(read(.text("{\"n\":1}"), at: 1) == .success(Probe(n: 1)))
        #expect(reader.floodRun == 0)
        for _ in 0 ..< 3 { _ = read(.text("{\"n\":1}"), at: 1) }
        #expect(reader.floodedOut)
    }
}
