import Foundation
import Testing

/// `entente futures` and `--future ID` as a user runs them: each future's row agrees with
/// searching that future directly, and JSON output names the future it was computed in.
@Suite struct FuturesCLITests {
    let cli = CLITests()
    static let fixture = "Tests/Fixtures/futures/two-futures.yaml"

    @Test func everyRowsBestIsTheTopOfSearchingThatFuture() throws {
        let run = try cli.entente("futures", Self.fixture, "--json")
        #expect(run.status == 0)
        let rows = try #require(try cli.json(run)["futures"] as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["today", "bloc", "thaw"])
        for row in rows {
            let id = try #require(row["id"] as? String)
            let searched = try cli.packages("search", Self.fixture, "--future", id, "--top", "1")
            #expect(searched.document["future"] as? String == id)
            let best = try #require(row["best"] as? [String: Any])
            let top = try #require(searched.packages.first)
            #expect(best["options"] as? [String: String] == top["options"] as? [String: String], "\(id)")
            #expect(best["coalition"] as? [String] == top["coalition"] as? [String], "\(id)")
            #expect(best["gains"] as? [String: Double] == top["gains"] as? [String: Double], "\(id)")
        }
        // Today's best package (chips pool) loses India to its red line in the bloc future.
        #expect((rows[0]["package"] as? [String: Any])?["options"] as? [String: String] == ["chips": "pool", "data": "local"])
        #expect(rows[1]["left"] as? [String] == ["india"])
        #expect((rows[1]["package"] as? [String: Any])?["coalition"] as? [String] == ["us", "eu"])
    }

    @Test func aChosenPackageAndItsChanges() throws {
        let run = try cli.entente("futures", Self.fixture, "--package", "data=open")
        #expect(run.status == 0)
        #expect(run.stdout.contains("package: data: open"))
        #expect(run.stdout.contains("thaw    yes           3      100.0%  —     india   —"))
    }

    @Test func jsonNamesTheFutureItUsed() throws {
        #expect(try cli.packages("search", Self.fixture).document["future"] as? String == "today")
        for command in [["pareto", "--actors", "us,eu"], ["logrolls"], ["power"], ["analyse", "--package", "chips=pool", "--draws", "10"]] {
            let run = try cli.entente(arguments: [command[0], Self.fixture] + command.dropFirst() + ["--future", "thaw", "--json"])
            #expect(run.status == 0, "\(command[0])")
            #expect(try cli.json(run)["future"] as? String == "thaw", "\(command[0])")
        }
        let show = try cli.entente("show", Self.fixture, "--future", "thaw")
        #expect(show.stdout.contains("In the future thaw: A thaw"))
        #expect(show.stdout.contains("all-three"))
    }

    @Test func anUnknownFutureIsAUsageErrorListingTheFutures() throws {
        let run = try cli.entente("search", Self.fixture, "--future", "war")
        #expect(run.status == 64)
        #expect(run.stderr.contains("unknown future 'war'; expected one of: today, bloc, thaw"))
        let old = try cli.entente("search", "Data/training/cables-and-chips.yaml", "--future", "bloc")
        #expect(old.status == 64)
        #expect(old.stderr.contains("unknown future 'bloc'; expected one of: today"))
        let power = try cli.entente("power", "--weights", "1,2", "--quota", "2", "--future", "bloc")
        #expect(power.status == 64)
    }

    @Test func robustPackagesByHand() throws {
        let plain = try cli.json(try cli.entente("futures", Self.fixture, "--json"))
        #expect(plain["robust"] is NSNull)
        let run = try cli.entente("futures", Self.fixture, "--robust", "--json")
        #expect(run.status == 0)
        let document = try cli.json(run)
        let robust = try #require(document["robust"] as? [[String: Any]])
        #expect(robust.map { $0["options"] as? [String: String] } == [
            ["chips": "national", "data": "open"], ["chips": "pool", "data": "local"], ["chips": "pool", "data": "open"],
        ])
        for entry in robust {
            #expect(abs((entry["worst"] as? Double ?? 0) - 5.0 / 6) < 1e-9)
            #expect((entry["byFuture"] as? [String: Double])?.keys.sorted() == ["bloc", "thaw", "today"])
        }
        #expect((robust[0]["byFuture"] as? [String: Double])?["thaw"] == 1)
        #expect(document["robustProven"] as? Bool == true)
    }
}
