import Foundation
import Testing

/// Runs the built `entente` binary as a user would and checks its output and exit codes.
@Suite struct CLITests {
    static var root: URL { BinaryRunner.root }

    static var binary: URL { BinaryRunner.binary }

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    func entente(_ arguments: String...) throws -> Run { try entente(arguments: arguments) }

    func entente(arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = Self.root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    func json(_ run: Run) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    /// Runs a JSON command that must succeed and returns its document and its `packages`.
    func packages(_ arguments: String...) throws -> (document: [String: Any], packages: [[String: Any]]) {
        try packages(arguments: arguments)
    }

    func packages(arguments: [String]) throws -> (document: [String: Any], packages: [[String: Any]]) {
        let run = try entente(arguments: arguments + ["--json"])
        #expect(run.status == 0)
        let document = try json(run)
        return (document, try #require(document["packages"] as? [[String: Any]]))
    }

    /// A path in the temporary folder that is removed after `body`.
    func withTemporaryPath(_ suffix: String, _ body: (String) throws -> Void) rethrows {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("entente-\(UUID().uuidString)\(suffix)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    @Test func validateAcceptsTheShippedScenario() throws {
        let run = try entente("validate", "Data/open-internet.yaml")
        #expect(run.status == 0)
        #expect(run.stdout.contains("ok: 20 actors, 19 issues, 7 groupings, 3 rules, 4 futures"))
    }

    @Test func validateReportsEveryErrorWithItsPlace() throws {
        let run = try entente("validate", "Tests/Fixtures/broken.yaml")
        #expect(run.status == 65)
        #expect(run.stderr.contains("Tests/Fixtures/broken.yaml:7:17: error: capability -3 is out of range"))
        #expect(run.stderr.contains("Tests/Fixtures/broken.yaml:28:47: error: rule 'nothing' names nobody"))
        #expect(run.stderr.contains("9 errors in Tests/Fixtures/broken.yaml"))
        #expect(run.stdout.isEmpty)
    }

    @Test func missingFileExits66() throws {
        let run = try entente("search", "no/such/file.yaml")
        #expect(run.status == 66)
        #expect(run.stderr.contains("no/such/file.yaml: error: no such file"))
    }

    @Test func badUsageExits64() throws {
        #expect(try entente("search", "Data/training/cables-and-chips.yaml", "--objective", "fame").status == 64)
        let unknown = try entente("search", "Data/training/cables-and-chips.yaml", "--include", "atlantis")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown actor 'atlantis'"))
    }

    @Test func searchJSONHasTheDocumentedFields() throws {
        let (document, packages) = try self.packages("search", "Data/training/cables-and-chips.yaml", "--objective", "total-gain", "--top", "2")
        // Total gain is searched by branch and bound, which proves the best two without visiting all nine packages.
        #expect(document["strategy"] as? String == "branch-and-bound" && document["proven"] as? Bool == true)
        #expect((document["explored"] as? Int).map { 0 < $0 && $0 <= 9 } == true && (document["spaceSize"] as? Double) == 9)
        #expect(packages.count == 2)
        #expect(packages[0]["options"] as? [String: String] == ["cables": "shared-repair", "chips": "allied-pool"])
        #expect(packages[0]["coalition"] as? [String] == ["us", "eu", "india"])
        #expect(packages[0]["viable"] as? Bool == true)
        #expect(packages[0]["gains"] as? [String: Double] == ["us": 35, "eu": 15, "india": 25])
        let objectives = try #require(packages[0]["objectives"] as? [String: Double])
        #expect(Set(objectives.keys) == ["capability", "members", "total-gain", "min-gain", "nash", "novelty", "openness"])
        #expect(objectives["total-gain"] == 75)
    }

    @Test func searchTextNamesCoalitionAndOutsiders() throws {
        let run = try entente("search", "Data/training/cables-and-chips.yaml", "--objective", "novelty", "--top", "1")
        #expect(run.status == 0)
        #expect(run.stdout.contains("coalition (2): eu +5.00, india +35.00"))
        #expect(run.stdout.contains("outside: us (red line)"))
    }

    @Test func paretoJSON() throws {
        let (_, packages) = try self.packages("pareto", "Data/training/cables-and-chips.yaml", "--actors", "us,eu")
        #expect(packages.map { $0["options"] as? [String: String] ?? [:] } == [
            ["cables": "shared-repair", "chips": "allied-pool"],
            ["cables": "open-consortium", "chips": "allied-pool"],
        ])
        #expect(packages[0]["utilities"] as? [String: Double] == ["us": 77.5, "eu": 60])
    }

    @Test func outputFileIsWritten() throws {
        try withTemporaryPath(".json") { path in
            let run = try entente("search", "Data/training/standards-bargain.yaml", "--json", "--output", path)
            #expect(run.status == 0)
            #expect(run.stdout.isEmpty)
            let written = try String(contentsOfFile: path, encoding: .utf8)
            #expect(written.contains("\"tech-community\""))
        }
        #expect(try entente("search", "Data/training/standards-bargain.yaml", "--output", "/no/such/dir/x.txt").status == 73)
    }

    @Test func showPrintsTables() throws {
        let run = try entente("show", "Data/training/standards-bargain.yaml", "--stances")
        #expect(run.status == 0)
        #expect(run.stdout.contains("Actors (4)"))
        #expect(run.stdout.contains("reinforced (status quo)") == false)
        #expect(run.stdout.contains("tech-community  governance"))
    }

    @Test func searchOnTheShippedScenarioNarrowed() throws {
        let (document, packages) = try self.packages("search", "Data/open-internet.yaml", "--table", "dida,lmic-finance,semis", "--top", "3")
        #expect(document["spaceSize"] as? Double == 27, "3 issues of 3 options on the table")
        #expect(!packages.isEmpty)
        for package in packages {
            #expect((package["options"] as? [String: String])?.count == 19)
            #expect((package["gains"] as? [String: Double])?.count == 20)
        }
    }

    @Test func generateIsSeededAndValid() throws {
        let first = try entente("generate", "--actors", "6", "--issues", "3", "--options", "3", "--seed", "11")
        let again = try entente("generate", "--actors", "6", "--issues", "3", "--options", "3", "--seed", "11")
        #expect(first.status == 0)
        #expect(first.stdout == again.stdout)
        try withTemporaryPath(".yaml") { path in
            #expect(try entente("generate", "--actors", "70", "--issues", "4", "--seed", "2", "--output", path).status == 0)
            let validate = try entente("validate", path)
            #expect(validate.status == 0)
            #expect(validate.stdout.contains("ok: 70 actors, 4 issues, 3 groupings"))
        }
        #expect(try entente("generate", "--options", "0").status == 64)
    }

    @Test func strategiesAgreeAndSayWhetherTheyProved() throws {
        let arguments = ["search", "Data/training/alliance-accession.yaml", "--objective", "total-gain", "--top", "3"]
        let (exhaustive, first) = try packages(arguments: arguments + ["--strategy", "exhaustive"])
        let (bounded, second) = try packages(arguments: arguments + ["--strategy", "branch-and-bound"])
        #expect(exhaustive["strategy"] as? String == "exhaustive")
        #expect(bounded["strategy"] as? String == "branch-and-bound")
        #expect(bounded["proven"] as? Bool == true && bounded["ruledOut"] as? Double == 1)
        #expect(first.map { $0["options"] as? [String: String] ?? [:] } == second.map { $0["options"] as? [String: String] ?? [:] })
    }

    @Test func timeLimitReportsAnUnprovenAnswer() throws {
        try withTemporaryPath(".yaml") { path in
            #expect(try entente("generate", "--actors", "30", "--issues", "20", "--options", "4", "--output", path).status == 0)
            let run = try entente("search", path, "--objective", "novelty", "--time-limit", "0.3")
            #expect(run.status == 0)
            #expect(run.stdout.contains("stopped at the time limit: NOT proven optimal"))
        }
    }

    @Test func analyseJSONHasTheDocumentedKeys() throws {
        let run = try entente("analyse", "Data/training/cables-and-chips.yaml", "--package", "cables=shared-repair,chips=open-market", "--draws", "500", "--json")
        #expect(run.status == 0)
        let document = try json(run)
        #expect(Set(document.keys).isSuperset(of: ["bargaining", "holdouts", "stability", "robustness", "bridging"]))
        let holdouts = try #require(document["holdouts"] as? [[String: Any]])
        #expect(holdouts.first?["actor"] as? String == "us")
        let stability = try #require(document["stability"] as? [String: Any])
        #expect(stability["stable"] as? Bool == false)
        #expect(try entente("analyse", "Data/training/cables-and-chips.yaml", "--package", "cables=moon").status == 64)
    }

    @Test func powerJSONFromWeights() throws {
        let run = try entente("power", "--weights", "4,4,4,2,2,1", "--quota", "12", "--json")
        #expect(run.status == 0)
        let players = try #require(try json(run)["players"] as? [[String: Any]])
        #expect(players.map { $0["id"] as? String } == ["p1", "p2", "p3", "p4", "p5", "p6"])
        #expect(abs((players[0]["shapleyShubik"] as? Double ?? 0) - 14.0 / 60) < 1e-9)
        #expect(players[0]["banzhafRaw"] as? Double == 0.3125)
        #expect(try entente("power", "--weights", "1,2").status == 64)
    }

    @Test func logrollsJSON() throws {
        let run = try entente("logrolls", "Data/training/standards-bargain.yaml", "--json")
        #expect(run.status == 0)
        let trades = try #require(try json(run)["logrolls"] as? [[String: Any]])
        #expect(trades.count == 1)
        #expect(trades[0]["actors"] as? [String] == ["us", "china"])
        #expect(trades[0]["jointGain"] as? Double == 50)
    }

    @Test func exchangeJSONOnTheIssuesOwnScale() throws {
        let run = try entente("exchange", "Tests/Fixtures/two-actor-exchange.txt", "--rounds", "2", "--json")
        #expect(run.status == 0)
        let document = try json(run)
        let issues = try #require(document["issues"] as? [[String: Any]])
        #expect(issues[0]["id"] as? String == "p")
        #expect(abs((issues[0]["initial"] as? Double ?? 0) - 2) < 1e-9)
        let rounds = try #require(document["rounds"] as? [[String: Any]])
        #expect(rounds.count == 2)
        let trades = try #require(rounds[0]["trades"] as? [[String: Any]])
        #expect(trades[0]["actors"] as? [String] == ["A", "B"])
        #expect(abs((trades[0]["gain"] as? Double ?? 0) - 12) < 1e-9)
        #expect(try entente("exchange", "Data/exchange/open-internet.decide.txt", "--rounds", "2").status == 0)
        #expect(try entente("exchange", "Tests/Fixtures/broken.yaml").status == 65)
    }

    @Test func exchangeReadsDecideDialectsAndKeepsFlagsInRange() throws {
        let quoted = try entente("exchange", "Tests/Fixtures/decide/tab-quoted-crlf.txt", "--json")
        #expect(quoted.status == 0)
        #expect(try json(quoted)["complete"] as? Bool == true)
        #expect(try entente("exchange", "Tests/Fixtures/decide/semicolon.csv", "--procedure", "published").stdout.contains("published procedure"))
        for flags in [["--rounds", "0"], ["--rounds", "99999999999"], ["--rounds", "1001"], ["--time-limit", "nan"], ["--time-limit", "0"],
                      ["--time-limit", "1e300"], ["--procedure", "other"]] {
            let run = try entente(arguments: ["exchange", "Tests/Fixtures/decide/tab.txt"] + flags)
            #expect(run.status == 64, "\(flags)")
            #expect(run.stderr.contains(flags[0]), "\(flags): \(run.stderr)")
        }
    }

    @Test func exchangeRejectsBadDecideFilesWhereTheProblemIs() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("entente-decide-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases = [("#A\tA\n#P\tp\n#M\tp\tinf\n#D\tA\tp\t5\t0.5\t1\n", ":3:6: error"), ("#A\tA\n#P\tp\n#D\tA\tp\t5\t0.5\t1e308\n", ":3:14: error"),
                     ("#A\tA\n#P\tp\n#M\tp\t0\n", ":3:7: error: no stances"), ("'#A'\t'A\r\n", ":1:6: error: unterminated quote")]
        for (index, (text, location)) in cases.enumerated() {
            let file = directory.appendingPathComponent("case\(index).txt")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let run = try entente("exchange", file.path, "--json")
            #expect(run.status == 65, "\(text.debugDescription)")
            #expect(run.stderr.contains(location), "\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        // 400 issues and 2 actors: 79,800 pairs of issues; --time-limit stops it with the rounds finished.
        var lines = ["#A\ta", "#A\tb"]
        for issue in 0..<400 {
            lines.append("#P\ti\(issue)")
            lines.append("#D\ta\ti\(issue)\t\((issue * 37) % 101)\t\(0.2 + Double(issue % 7) / 10)\t1")
            lines.append("#D\tb\ti\(issue)\t\((issue * 53) % 101)\t\(0.9 - Double(issue % 5) / 10)\t0.5")
        }
        let wide = directory.appendingPathComponent("wide.txt")
        try lines.joined(separator: "\n").write(to: wide, atomically: true, encoding: .utf8)
        let run = try entente("exchange", wide.path, "--json", "--time-limit", "1")
        #expect(run.status == 0)
        let document = try json(run)
        #expect(document["complete"] is Bool && document["issues"] is [[String: Any]])
    }

    @Test func briefBestPackageForADelegation() throws {
        let run = try entente("brief", "Data/training/alliance-accession.yaml", "--package", "best", "--for", "kenya", "--date", "2026-11-27")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Proposed package: Alliance accession (for Kenya)"))
        #expect(run.stdout.contains("Your talking points"))
        let again = try entente("brief", "Data/training/alliance-accession.yaml", "--package", "best", "--for", "kenya", "--date", "2026-11-27")
        #expect(run.stdout == again.stdout)
        let json = try entente("brief", "Data/training/alliance-accession.yaml", "--package", "best", "--format", "json", "--date", "2026-11-27")
        #expect(try self.json(json)["audience"] == nil)
        #expect(try entente("brief", "Data/training/alliance-accession.yaml", "--package", "best", "--date", "27/11/2026").status == 64)
        #expect(try entente("brief", "Data/training/alliance-accession.yaml", "--package", "best", "--for", "atlantis").status == 64)
    }

    @Test func analyseWritesNullForWhatDoesNotExist() throws {
        // No package gives the US 100 points more than the status quo: nothing is
        // individually rational, so ideals and the four solutions are null, not omitted and
        // not a placeholder number.
        let none = try json(try entente("analyse", "Data/training/cables-and-chips.yaml", "--package", "cables=shared-repair",
                                        "--actors", "us", "--margin", "100", "--draws", "100", "--json"))
        let bargaining = try #require(none["bargaining"] as? [String: Any])
        for key in ["ideals", "nash", "kalaiSmorodinsky", "egalitarian", "utilitarian"] {
            #expect(bargaining[key] is NSNull, "bargaining.\(key) should be null")
        }
        #expect(bargaining["individuallyRational"] as? Int == 0)
        // An empty coalition and no --actors: no group to bargain for.
        let empty = try json(try entente("analyse", "Data/training/cables-and-chips.yaml", "--package", "cables=shared-repair",
                                         "--margin", "100", "--draws", "100", "--json"))
        #expect(empty["bargaining"] is NSNull)
        #expect((empty["stability"] as? [String: Any]).map { $0.keys.contains("block") } == true)
        #expect((empty["robustness"] as? [String: Any])?["mostFragile"] is NSNull)
    }

    @Test func analyseRefusesAPackageThatContradictsAFix() throws {
        let run = try entente("analyse", "Data/training/cables-and-chips.yaml", "--package", "cables=shared-repair", "--fix", "cables=national")
        #expect(run.status == 64)
        #expect(run.stderr.contains("the package sets 'cables' to 'shared-repair', but it is fixed at 'national'"))
    }
}
