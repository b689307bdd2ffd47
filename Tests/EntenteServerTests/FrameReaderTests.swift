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
        #expect((0 ..< 4).map { _ in bucket.take(now: 0) } == [true, true, true, false])
        #expect(!bucket.take(now: 0.25), "half a token")
        #expect(bucket.take(now: 0.5), "one token after half a second at two a second")
        #expect(!bucket.take(now: 0.5))
        #expect((0 ..< 4).map { _ in bucket.take(now: 100) } == [true, true, true, false], "never more than the capacity")
        #expect(!bucket.take(now: 50), "a clock that steps back gives nothing")
    }

    @Test func framesOverTheLimitAreRefusedWithTheirSize() {
        var limits = FrameLimits()
        limits.maxFrameBytes = 100
        var reader = FrameReader<Probe>(limits: limits, now: 0)
        let padded = "{\"n\":1" + String(repeating: " ", count: 94) + "}"
        #expect(padded.utf8.count == 101)
        #expect(reader.read(.text(padded), now: 0) == .failure(.tooLarge(bytes: 101, limit: 100)))
        #expect(reader.read(.text("{\"n\":1" + String(repeating: " ", count: 93) + "}"), now: 0) == .success(Probe(n: 1)))
    }

    @Test func malformedFramesSayWhatIsWrong() {
        var reader = FrameReader<Probe>(limits: FrameLimits(), now: 0)
        #expect(reader.read(.text("not json"), now: 0) == .failure(.malformed(path: [], reason: "not JSON")))
        #expect(reader.read(.text("{}"), now: 0) == .failure(.malformed(path: [], reason: "missing 'n'")))
        guard case .failure(.malformed(let path, _)) = reader.read(.text("{\"n\":\"x\"}"), now: 0) else {
            Issue.record("a string for a number decoded")
            return
        }
        #expect(path == ["n"])
        #expect(reader.read(.binary(ByteBuffer(string: "{\"n\":2}")), now: 0) == .success(Probe(n: 2)))
    }

    enum Kind: Codable, Equatable { case one(n: Int), two }
    struct Holder: Codable, Equatable { let kind: Kind }

    @Test func anUnknownCaseOfAnEnumIsNamed() {
        var reader = FrameReader<Holder>(limits: FrameLimits(), now: 0)
        #expect(reader.read(.text(#"{"kind":{"one":{"n":1}}}"#), now: 0) == .success(Holder(kind: .one(n: 1))))
        #expect(reader.read(.text(#"{"kind":{"three":{}}}"#), now: 0) == .failure(.malformed(path: ["kind"], reason: "unknown kind 'three'")))
        #expect(reader.read(.text(#"{"kind":{"one":{}}}"#), now: 0) == .failure(.malformed(path: ["kind", "one"], reason: "missing 'n'")))
    }

    @Test func aFloodIsRefusedBeforeDecodingAndCountedUntilItEnds() {
        var limits = FrameLimits()
        limits.burst = 2
        limits.perSecond = 1
        limits.floodLimit = 3
        var reader = FrameReader<Probe>(limits: limits, now: 0)
        #expect(reader.read(.text("{\"n\":1}"), now: 0) == .success(Probe(n: 1)))
        #expect(reader.read(.text("garbage"), now: 0) == .failure(.malformed(path: [], reason: "not JSON")))
        #expect(reader.read(.text("{\"n\":1}"), now: 0) == .failure(.flooded))
        #expect(reader.floodRun == 1 && !reader.floodedOut)
        #expect(reader.read(.text("{\"n\":1}"), now: 1) == .success(Probe(n: 1)))
        #expect(reader.floodRun == 0)
        for _ in 0 ..< 3 { _ = reader.read(.text("{\"n\":1}"), now: 1) }
        #expect(reader.floodedOut)
    }
}
