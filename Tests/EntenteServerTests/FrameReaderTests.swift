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
        func read(_ message: WebSocketMessage) -> Result<Probe, FrameProblem> { reader.read(message, now: 0) }
        func read(_ message: WebSocketMessage, at now: Double) -> Result<Probe, FrameProblem> { reader.read(message, now: now) }
        let padded = "{\"n\":1" + String(repeating: " ", count: 94) + "}"
        #expect(padded.utf8.count == 101)
        #expect(read(.text(padded)) == .failure(.tooLarge(bytes: 101, limit: 100)))
        #expect(read(.text("{\"n\":1" + String(repeating: " ", count: 93) + "}")) == .success(Probe(n: 1)))
    }

    @Test func malformedFramesSayWhatIsWrong() {
        var reader = FrameReader<Probe>(limits: FrameLimits(), now: 0)
        func read(_ message: WebSocketMessage) -> Result<Probe, FrameProblem> { reader.read(message, now: 0) }
        func read(_ message: WebSocketMessage, at now: Double) -> Result<Probe, FrameProblem> { reader.read(message, now: now) }
        #expect(read(.text("not json")) == .failure(.malformed(path: [], reason: "not JSON")))
        #expect(read(.text("{}")) == .failure(.malformed(path: [], reason: "missing 'n'")))
        guard case .failure(.malformed(let path, _)) = read(.text("{\"n\":\"x\"}")) else {
            Issue.record("a string for a number decoded")
            return
        }
        #expect(path == ["n"])
        #expect(read(.binary(ByteBuffer(string: "{\"n\":2}"))) == .success(Probe(n: 2)))
    }

    enum Kind: Codable, Equatable {
        case one(n: Int)
        case two
    }
    struct Holder: Codable, Equatable { let kind: Kind }

    @Test func anUnknownCaseOfAnEnumIsNamed() {
        var reader = FrameReader<Holder>(limits: FrameLimits(), now: 0)
        func read(_ message: WebSocketMessage) -> Result<Holder, FrameProblem> { reader.read(message, now: 0) }
        func read(_ message: WebSocketMessage, at now: Double) -> Result<Holder, FrameProblem> { reader.read(message, now: now) }
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
        func read(_ message: WebSocketMessage) -> Result<Probe, FrameProblem> { reader.read(message, now: 0) }
        func read(_ message: WebSocketMessage, at now: Double) -> Result<Probe, FrameProblem> { reader.read(message, now: now) }
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
