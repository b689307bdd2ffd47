import EntenteCore
import Testing

/// Format version 2: links on actors and futures at the top level load as written, and
/// every problem with them is reported at its line and column.
@Suite struct FormatTwoLoaderTests {
    static let valid = """
        entente: 2
        title: T
        actors:
          - id: a
            name: A
            capability: 1
            interests:
              x: { salience: 1, values: { p: 10, q: 20 }, redLines: [q] }
              y: { salience: 1, values: { m: 0, n: 50 } }
            links:
              - { when: { x: [p, q], y: n }, points: 6, note: why }
          - { id: b, name: B, capability: 2 }
        issues:
          - { id: x, name: X, statusQuo: p, options: [p, q] }
          - { id: y, name: Y, statusQuo: m, options: [m, n] }
        groupings:
          - { id: g, members: [a, b] }
        rules:
          - { id: r, kind: min-members, count: 1 }
        futures:
          - id: f
            name: F
            description: D
            note: N
            capability: { a: 2 }
            salience: { a: { x: 0.5 } }
            tilt: { a: 10, g: -5 }
            values: { a: { y: { n: -20 } } }
            redLines: { remove: { a: { x: [q] } }, add: { a: { y: [n] } } }
            links: { b: [ { when: { x: q, y: m }, points: -3 } ] }
            rules: { remove: [r], add: [ { id: s, kind: include-any, actors: [g] } ] }
        """

    func diagnostics(_ text: String) -> [String] {
        do {
            _ = try ScenarioLoader.parse(text, file: "s.yaml")
            return []
        } catch {
            guard case .invalid(let list) = error else { return ["unreadable"] }
            return list.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        }
    }

    func errors(replacing old: String, with new: String) -> [String] {
        #expect(Self.valid.contains(old), "the valid scenario has \(old)")
        return diagnostics(Self.valid.replacingOccurrences(of: old, with: new))
    }

    @Test func linksAndFuturesLoadAsWritten() throws {
        let scenario = try ScenarioLoader.parse(Self.valid, file: "s.yaml")
        #expect(scenario.actors[0].links == [Link(when: [LinkCondition(issue: "x", options: ["p", "q"]), LinkCondition(issue: "y", options: ["n"])], points: 6, note: "why")])
        #expect(scenario.needsFormat2)
        let expected = Future(
            id: "f", name: "F", description: "D", note: "N",
            capability: ["a": 2], salience: ["a": ["x": 0.5]], tilt: ["a": 10, "g": -5],
            values: ["a": ["y": ["n": -20]]],
            redLinesRemoved: ["a": ["x": ["q"]]], redLinesAdded: ["a": ["y": ["n"]]],
            links: ["b": [Link(when: [LinkCondition(issue: "x", options: ["q"]), LinkCondition(issue: "y", options: ["m"])], points: -3)]],
            rulesRemoved: ["r"], rulesAdded: [Rule(id: "s", kind: .includeAny(["g"]))])
        #expect(scenario.futures == [expected])
    }

    @Test func versionOneFilesMustDeclareVersionTwoForLinksAndFutures() {
        #expect(errors(replacing: "entente: 2", with: "entente: 1") == [
            "10:5 links need format version 2; declare 'entente: 2' at the top of the file",
            "20:1 futures need format version 2; declare 'entente: 2' at the top of the file",
        ])
    }

    @Test func briefsLoadAndNeedVersionTwo() throws {
        let text = Self.valid.replacingOccurrences(of: "    capability: 1\n", with: "    capability: 1\n    brief: |-\n      Who you are.\n\n      - first\n")
        let scenario = try ScenarioLoader.parse(text, file: "s.yaml")
        #expect(scenario.actors[0].brief == "Who you are.\n\n- first")
        #expect(scenario.actors[1].brief == "")
        var plain = scenario
        plain.futures = []
        plain.actors[0].links = []
        #expect(plain.needsFormat2, "a brief alone needs format 2")
        let one = text.replacingOccurrences(of: "entente: 2", with: "entente: 1")
        #expect(diagnostics(one).contains("7:5 briefs need format version 2; declare 'entente: 2' at the top of the file"))
        #expect(errors(replacing: "    capability: 1\n", with: "    capability: 1\n    brief: { a: 1 }\n")
            == ["7:12 expected the brief of 'a' as text, found a mapping"])
        #expect(errors(replacing: "    capability: 1\n", with: "    capability: 1\n    breif: x\n")
            == ["7:5 unknown field 'breif' in an actor; expected one of: id, name, capability, kind, interests, links, brief"])
    }

    @Test func linkErrors() {
        #expect(errors(replacing: "{ x: [p, q], y: n }", with: "{ x: [p, z] }") == [
            "11:17 a link needs at least two distinct issues; found 1",
            "11:26 'z' is not an option of issue 'x'; expected one of: p, q",
        ])
        #expect(errors(replacing: "{ x: [p, q], y: n }", with: "{ x: [], w: n }") == [
            "11:22 a link names no option of 'x'; expected an option id or a list of them",
            "11:26 unknown issue 'w' in a link of 'a'; expected one of: x, y",
        ])
        #expect(errors(replacing: "points: 6", with: "points: 101") == ["11:46 points 101 is out of range; expected -100 to 100"])
        #expect(errors(replacing: "note: why }", with: "nope: 1 }") == ["11:49 unknown field 'nope' in a link of 'a'; expected one of: when, points, note"])
    }

    @Test func futureIDs() {
        #expect(errors(replacing: "  - id: f\n", with: "  - id: today\n") == [
            "21:9 the future id 'today' is reserved for the scenario with no future; choose another",
        ])
        #expect(errors(replacing: "futures:\n", with: "futures:\n  - { id: f, name: First }\n") == [
            "22:9 duplicate future id 'f'; first defined at line 21, column 11",
        ])
    }

    @Test func capabilitySalienceTiltAndValueErrors() {
        #expect(errors(replacing: "capability: { a: 2 }", with: "capability: { a: -1, c: 1 }") == [
            "25:22 capability factor -1 is out of range; expected 0 to 1000000000",
            "25:26 unknown actor 'c' in capability factors of future 'f'; expected one of: a, b",
        ])
        #expect(errors(replacing: "capability: { a: 2 }", with: "capability: { b: 1000000000 }") == [
            "25:22 capability factor 1000000000 takes 'b' to 2000000000; expected a capability of at most 1000000000",
        ])
        #expect(errors(replacing: "salience: { a: { x: 0.5 } }", with: "salience: { b: { x: 0.5 } }") == [
            "26:22 'b' has no stance on 'x' to change in salience changes of future 'f'; give it one in its interests first",
        ])
        #expect(errors(replacing: "tilt: { a: 10, g: -5 }", with: "tilt: { h: 10, g: -500 }") == [
            "27:13 unknown actor or grouping 'h' in tilts of future 'f'; expected one of: a, b, g",
            "27:23 tilt -500 is out of range; expected -100 to 100",
        ])
        #expect(errors(replacing: "values: { a: { y: { n: -20 } } }", with: "values: { a: { y: { o: -20, n: 101 } } }") == [
            "28:25 'o' is not an option of issue 'y'; expected one of: m, n",
            "28:36 value change 101 is out of range; expected -100 to 100",
        ])
    }

    @Test func redLineErrors() {
        #expect(errors(replacing: "remove: { a: { x: [q] } }", with: "remove: { a: { y: [n] } }") == [
            "29:36 'n' is not a red line of 'a' on 'y'; it has none there",
        ])
        #expect(errors(replacing: "add: { a: { y: [n] } }", with: "add: { a: { y: [m] }, b: { x: [q] } }") == [
            "29:60 red line 'm' is the status quo of 'y'; a red line must be an option that changes it",
            "29:71 'b' has no stance on 'x' to change in red lines added in future 'f'; give it one in its interests first",
        ])
    }

    @Test func ruleErrors() {
        #expect(errors(replacing: "remove: [r]", with: "remove: [q]") == [
            "31:23 unknown rule 'q' removed in future 'f'; expected one of: r",
        ])
        #expect(errors(replacing: "rules: { remove: [r], add: [ { id: s,", with: "rules: { add: [ { id: r,") == [
            "31:27 future 'f' adds a rule 'r' the scenario already has; remove it in the same future first, or choose another id",
        ])
    }

    @Test func linkPointsPerActorStayWithinTheLimit() {
        let many = (0..<11).map { _ in "      - { when: { x: q, y: n }, points: -100 }" }.joined(separator: "\n")
        #expect(errors(replacing: "      - { when: { x: [p, q], y: n }, points: 6, note: why }", with: many) == [
            "11:7 the links of 'a' add up to 1100 points (counted without sign); expected at most 1000",
        ])
        let added = "links: { a: [" + (0..<10).map { _ in "{ when: { x: q, y: n }, points: 100 }" }.joined(separator: ", ") + "] }"
        #expect(errors(replacing: "links: { b: [ { when: { x: q, y: m }, points: -3 } ] }", with: added) == [
            "30:17 the links of 'a' in future 'f', its own and those added, add up to 1006 points (counted without sign); expected at most 1000",
        ])
    }
}
