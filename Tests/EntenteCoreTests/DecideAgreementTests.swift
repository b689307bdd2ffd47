import EntenteCore
import Foundation
import Testing

/// Entente's exchange-model outcomes against those of the Decide tool itself, round by round.
/// The expected figures come from `scripts/decide-oracle.sh` (Tests/Fixtures/decide/README.md
/// has the commands); Decide's own sample files are not shipped, so their test runs only when
/// DECIDE_SAMPLES names the folder that holds them.
@Suite struct DecideAgreementTests {
    struct Expected: Decodable {
        struct File: Decodable {
            let initial: [String: Double]
            let rounds: [[String: Double]]
        }

        let rounds: Int
        let files: [String: File]
    }

    static func expected(_ fixture: String) throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: URL(fileURLWithPath: TestData.path("Tests/Fixtures/decide/\(fixture)"))))
    }

    /// The largest difference from Decide's outcome over the issues, on the 0–100 scale, at
    /// the start and after each round.
    static func differences(_ path: String, _ expected: Expected) throws -> [Double] {
        let data = try DecideFile.load(path: path)
        let file = try #require(expected.files[URL(fileURLWithPath: path).lastPathComponent])
        let result = try ExchangeModel(data).run(rounds: expected.rounds)
        func largest(_ ours: [Double], _ theirs: [String: Double]) -> Double {
            data.issues.enumerated().map { index, issue in abs(ours[index] - issue.toModel(theirs[issue.id]!)) }.max()!
        }
        return [largest(result.initial, file.initial)] + file.rounds.enumerated().map { index, theirs in
            largest(index < result.rounds.count ? result.rounds[index].outcomes : result.final, theirs)
        }
    }

    static let ownFiles = ["tab.txt", "tab-quoted-crlf.txt", "semicolon.csv", "semicolon-crlf-extra.csv", "comma-double-quoted-extra.csv"]
        .map { "Tests/Fixtures/decide/\($0)" } + ["Data/exchange/open-internet.decide.txt"]

    @Test(arguments: ownFiles) func ownFilesInEveryDialectGiveDecidesOutcomes(_ file: String) throws {
        let differences = try Self.differences(TestData.path(file), Self.expected("expected.json"))
        #expect(differences.count == 11)
        #expect(differences.allSatisfy { $0 < 1e-9 }, "largest difference per round: \(differences)")
    }

    static let samples = ProcessInfo.processInfo.environment["DECIDE_SAMPLES"]

    @Test(.enabled(if: samples != nil, "set DECIDE_SAMPLES to the folder holding Decide's data/input samples"),
          arguments: ["sample_data.txt", "cop21.csv", "copenhagen.csv"])
    func decidesOwnSamplesGiveDecidesOutcomes(_ name: String) throws {
        let differences = try Self.differences(URL(fileURLWithPath: Self.samples!).appendingPathComponent(name).path, Self.expected("decide-samples.json"))
        #expect(differences.allSatisfy { $0 < 1e-9 }, "largest difference per round: \(differences)")
    }

    @Test func thePublishedProcedureDiffersFromDecidesOnTheShippedFile() throws {
        let data = try DecideFile.load(path: TestData.path("Data/exchange/open-internet.decide.txt"))
        let decide = try ExchangeModel(data).run(rounds: 10), published = try ExchangeModel(data, procedure: .published).run(rounds: 10)
        #expect(zip(decide.initial, published.initial).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(zip(decide.final, published.final).contains { abs($0 - $1) > 0.05 })
        // Each published round moves an actor on an issue at most once.
        for round in published.rounds {
            let moves = round.trades.flatMap { [[$0.actors[0], $0.issues[1]], [$0.actors[1], $0.issues[0]]] }
            #expect(Set(moves).count == moves.count)
        }
    }
}
