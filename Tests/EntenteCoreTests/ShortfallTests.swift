import EntenteCore
import Testing

/// Why an actor is in or out, term by term, on the worked example of docs/model.md
/// ("Links"): India has salience 1 on the alliance (none 60, join 40) and 3 on chips
/// (national 50, pool 46), and a link "join and pool" worth 12; the US cares only about
/// the alliance (none 20, join 80).
@Suite struct ShortfallTests {
    let compiled = CompiledScenario(LinkEngineTests.handScenario)

    /// Join alone: the alliance term is (1/4)·(40 − 60) = −5, so India gains −5 and needs
    /// more than 0: 5 points short, and the alliance is what costs it.
    @Test func outByPointsWithTheIssueThatCostsIt() {
        let why = Shortfall(actor: 0, package: Package(choices: [1, 0]), compiled: compiled)
        #expect(why.terms == [GainTerm(source: .issue(0), points: -5)])
        #expect(why.gain == -5 && why.margin == 0 && why.short == 5 && why.redLines.isEmpty && !why.joins)
    }

    /// Join and pool: alliance −5, chips (3/4)·(46 − 50) = −3, the link +12: a gain of 4,
    /// the engine's own, so India is in; the costliest term comes first.
    @Test func inThroughALinkTermsAddUpToTheGain() {
        let package = Package(choices: [1, 1])
        let why = Shortfall(actor: 0, package: package, compiled: compiled)
        #expect(why.terms == [GainTerm(source: .issue(0), points: -5), GainTerm(source: .issue(1), points: -3),
                              GainTerm(source: .link(0, holds: true), points: 12)])
        #expect(why.gain == PackageEvaluator(compiled).evaluate(package).gains[0] && why.gain == 4)
        #expect(why.joins && why.short == 0)
    }

    /// A red line keeps an actor out whatever it gains, and is named.
    @Test func aRedLineIsNamed() {
        var scenario = LinkEngineTests.handScenario
        scenario.actors[1].interests["alliance"]?.redLines = ["join"]
        let why = Shortfall(actor: 1, package: Package(choices: [1, 0]), compiled: CompiledScenario(scenario))
        #expect(why.redLines == [0] && why.gain == 60 && !why.joins && why.short == 0)
    }

    /// On random scenarios with links the terms always add up to the engine's gain, and
    /// `joins` is the engine's membership.
    @Test(arguments: 0..<12) func termsAddUpOnRandomScenarios(seed: UInt64) {
        let scenario = ScenarioGenerator(actors: 7, issues: 4, options: 3, blocs: 2, seed: seed, links: 3).generate()
        let compiled = CompiledScenario(scenario)
        let evaluator = PackageEvaluator(compiled)
        var random = SplitMix64(seed: seed)
        for _ in 0..<20 {
            let package = Package(choices: scenario.issues.map { Int(random.next() % UInt64($0.options.count)) })
            let evaluation = evaluator.evaluate(package)
            for actor in scenario.actors.indices {
                let why = Shortfall(actor: actor, package: package, compiled: compiled)
                #expect(why.gain == evaluation.gains[actor])
                #expect(why.joins == evaluation.coalition.contains(actor))
                #expect(why.redLines.isEmpty != evaluation.redLined.contains(actor))
            }
        }
    }
}
