import EntenteCore
import Testing

/// The AVX2 and portable scanning kernels give the same answers to the last bit, on
/// random scenarios of every width the kernel specialises for (one to eight vectors of
/// eight actors, and the general loop beyond), every objective, and with the conditions
/// the kernel's filter applies itself.
@Suite(.enabled(if: ScanKernel.avx2.isAvailable, "the processor has no AVX2: only the portable kernel runs"))
struct ScanKernelTests {
    static let seeds: [UInt64] = Array(1...24)

    static func scenario(_ seed: UInt64, links: Int = 0) -> Scenario {
        var random = SplitMix64(seed: seed &* 104_729)
        let actors = [3, 8, 13, 31, 32, 45, 64, 65, 71, 130][Int(seed) % 10]
        return ScenarioGenerator(
            actors: actors, issues: Int.random(in: 3...6, using: &random),
            options: Int.random(in: 2...4, using: &random), blocs: Int.random(in: 1...4, using: &random),
            seed: seed, poorStatusQuo: seed % 3 == 0, links: links).generate()
    }

    static func request(_ seed: UInt64, _ objective: Objective, _ scenario: Scenario) -> SearchRequest {
        var request = SearchRequest()
        request.objective = objective
        request.top = Int(seed % 7) + 1
        if seed % 4 == 1 { request.minMembers = 2 }
        if seed % 5 == 2 { request.include = [scenario.actors[0].id] }
        if seed % 6 == 3 { request.exclude = [scenario.actors.last!.id] }
        if seed % 7 == 4 { request.applyRules = false }
        return request
    }

    @Test(arguments: seeds)
    func kernelsAgreeOnExhaustiveScans(seed: UInt64) throws {
        let scenario = Self.scenario(seed)
        for objective in Objective.allCases {
            var request = Self.request(seed, objective, scenario)
            request.strategy = .exhaustive
            let portable = try PackageSearch(scenario).run(request, kernel: .portable)
            let avx2 = try PackageSearch(scenario).run(request, kernel: .avx2)
            #expect(avx2 == portable, "objective \(objective.rawValue), \(scenario.actors.count) actors")
            #expect(Double(avx2.explored) == avx2.spaceSize)
        }
    }

    @Test(arguments: seeds)
    func kernelsAgreeWithLinks(seed: UInt64) throws {
        let scenario = Self.scenario(seed, links: Int(seed % 3) + 1)
        for objective in Objective.allCases {
            for strategy in [SearchStrategy.exhaustive, .branchAndBound] {
                var request = Self.request(seed, objective, scenario)
                request.strategy = strategy
                let portable = try PackageSearch(scenario).run(request, kernel: .portable)
                let avx2 = try PackageSearch(scenario).run(request, kernel: .avx2)
                #expect(avx2.packages == portable.packages, "objective \(objective.rawValue), \(strategy.rawValue), \(scenario.actors.count) actors")
            }
        }
    }

    @Test(arguments: seeds)
    func kernelsAgreeOnBranchAndBound(seed: UInt64) throws {
        let scenario = Self.scenario(seed)
        for objective in Objective.allCases {
            var request = Self.request(seed, objective, scenario)
            request.strategy = .branchAndBound
            let portable = try PackageSearch(scenario).run(request, kernel: .portable)
            let avx2 = try PackageSearch(scenario).run(request, kernel: .avx2)
            #expect(avx2.packages == portable.packages, "objective \(objective.rawValue), \(scenario.actors.count) actors")
            #expect(avx2.proven && portable.proven)
        }
    }
}
