import EntenteCore
import Testing

/// `Scenario.applying(_:)` against a future worked by hand, step by step, and the lookup
/// of a future by id.
@Suite struct FutureOverlayTests {
    /// Today: a (capability 10) holds x by position 40 over p (position 0) and q (position
    /// 100), so values p 60, q 40; y by values m 10, n 90 with a red line on n. b (capability
    /// 5) values x p 80, q 20 and y m 50, n 50. Grouping g = {a, b}; rule r1: two members.
    static let text = """
        entente: 2
        title: Overlay
        issues:
          - { id: x, name: X, statusQuo: p, options: [{ id: p, position: 0 }, { id: q, position: 100 }] }
          - { id: y, name: Y, statusQuo: m, options: [m, n] }
        actors:
          - id: a
            name: A
            capability: 10
            interests:
              x: { salience: 2, position: 40 }
              y: { salience: 1, values: { m: 10, n: 90 }, redLines: [n] }
          - id: b
            name: B
            capability: 5
            interests:
              x: { salience: 1, values: { p: 80, q: 20 } }
              y: { salience: 3, values: { m: 50, n: 50 } }
        groupings:
          - { id: g, members: [a, b] }
        rules:
          - { id: r1, kind: min-members, count: 2 }
        futures:
          - id: f
            name: F
            capability: { a: 1.5 }
            salience: { a: { x: -3 }, b: { y: 0.5 } }
            tilt: { a: 10, g: 5 }
            values: { a: { x: { p: 30 } }, b: { x: { q: 30 } } }
            redLines: { remove: { a: { y: [n] } }, add: { b: { y: [n] } } }
            links: { b: [ { when: { x: q, y: [m, n] }, points: -5 } ] }
            rules: { remove: [r1], add: [ { id: big, kind: capability-share, atLeast: 0.6 } ] }
        """

    /// In future f, step by step:
    /// 1. capability: a 10 × 1.5 = 15, b stays 5.
    /// 2. salience: a on x max(0, 2 − 3) = 0; b on y 3 + 0.5 = 3.5.
    /// 3. values: T_a = 10 (a) + 5 (g) = 15, T_b = 5 (g). a on x: p 60 + 15·(50 − 0)/50 + 30
    ///    = 105 → 100, q 40 + 15·(50 − 100)/50 = 25. b on x: p 80 + 5·1 = 85,
    ///    q 20 + 5·(−1) + 30 = 45. y has no positions and no deltas: unchanged.
    /// 4. red lines: a loses n on y; b gains n on y.
    /// 5. links: b gets −5 when x is q and y is m or n.
    /// 6. rules: r1 goes, big (capability share 0.6) comes.
    @Test func appliesEveryStepInOrder() throws {
        let today = try ScenarioLoader.parse(Self.text, file: "overlay.yaml")
        let future = try #require(try today.future("f"))
        let applied = today.applying(future)

        var expected = today
        expected.futures = []
        expected.actors[0].capability = 15
        expected.actors[0].interests["x"] = Interest(salience: 0, valuation: .values(["p": 100, "q": 25]))
        expected.actors[0].interests["y"]!.redLines = []
        expected.actors[1].interests["x"] = Interest(salience: 1, valuation: .values(["p": 85, "q": 45]))
        expected.actors[1].interests["y"] = Interest(salience: 3.5, valuation: .values(["m": 50, "n": 50]), redLines: ["n"])
        expected.actors[1].links = [Link(when: [LinkCondition(issue: "x", options: ["q"]), LinkCondition(issue: "y", options: ["m", "n"])], points: -5)]
        expected.rules = [Rule(id: "big", kind: .capabilityShare(atLeast: 0.6))]
        #expect(applied == expected)
        #expect(today.tilt(of: today.actors[0], in: future) == 15)
        #expect(today.tilt(of: today.actors[1], in: future) == 5)
    }

    @Test func aStanceTheValueStepLeavesAloneKeepsItsForm() throws {
        var today = try ScenarioLoader.parse(Self.text, file: "overlay.yaml")
        today.futures[0].tilt = [:]
        today.futures[0].values = [:]
        let applied = today.applying(today.futures[0])
        #expect(applied.actors[0].interests["x"]!.valuation == .position(40))
    }

    @Test func anEmptyFutureChangesNothingButTheFutures() throws {
        let today = try ScenarioLoader.parse(Self.text, file: "overlay.yaml")
        var expected = today
        expected.futures = []
        #expect(today.applying(Future(id: "calm", name: "Calm")) == expected)
    }

    @Test func lookupByID() throws {
        let today = try ScenarioLoader.parse(Self.text, file: "overlay.yaml")
        #expect(try today.future("today") == nil)
        #expect(try today.inFuture("today") == today)
        #expect(try today.inFuture("f") == today.applying(today.futures[0]))
        #expect(throws: UnknownFutureError(id: "g", known: ["f"])) { try today.inFuture("g") }
        #expect(UnknownFutureError(id: "g", known: ["f"]).description == "unknown future 'g'; expected one of: today, f")
    }
}
