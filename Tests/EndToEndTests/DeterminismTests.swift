import Foundation
import Testing

/// Every report command prints the same bytes in every process. Each run is a fresh
/// process, so a dictionary's per-process iteration order (or anything else that changes
/// between runs) would show up as a difference.
@Suite struct DeterminismTests {
    let cli = CLITests()
    static let fixture = "Tests/Fixtures/half-rounding.yaml"
    static let package = "data-flows-governance=trusted-corridors,oversight-arrangements=multistakeholder-panel,standards-participation=open-accession"
    /// Runs per command: with a two-in-three chance per run of the wrong sum, a command that
    /// depended on the order would print one text every time with probability below 10⁻³.
    static let runs = 16

    /// Commands that also take --json.
    static let commands: [[String]] = [
        ["search", fixture],
        ["pareto", fixture, "--actors", "eu,india"],
        ["analyse", fixture, "--package", package, "--draws", "2000"],
        ["analyse", fixture, "--package", package, "--draws", "2000", "--margin", "3"],
        ["power", fixture],
        ["logrolls", fixture],
        ["exchange", "Data/exchange/open-internet.decide.txt"],
    ]

    static var cases: [[String]] {
        commands.flatMap { [$0, $0 + ["--json"]] } + [
            ["show", fixture, "--stances"],
            ["brief", fixture, "--package", "best", "--date", "2026-01-01"],
            ["brief", fixture, "--package", "best", "--date", "2026-01-01", "--format", "md"],
            ["brief", fixture, "--package", "best", "--date", "2026-01-01", "--format", "json"],
            ["brief", fixture, "--package", "best", "--date", "2026-01-01", "--for", "india"],
        ]
    }

    @Test(arguments: cases)
    func printsTheSameBytesInEveryProcess(arguments: [String]) throws {
        let first = try cli.entente(arguments: arguments)
        #expect(first.status == 0, "\(arguments): \(first.stderr)")
        for _ in 1..<Self.runs {
            let again = try cli.entente(arguments: arguments)
            #expect(again.stdout == first.stdout, "\(arguments.joined(separator: " ")) printed two different texts")
        }
    }

    @Test func theBriefRoundsAHalfTheSameWayEveryTime() throws {
        // India's oversight term is exactly 0.375 (see the fixture's header).
        let brief = try cli.entente(arguments: ["brief", Self.fixture, "--package", "best", "--date", "2026-01-01"])
        #expect(brief.stdout.contains("Gains +0.38 from Oversight (Multistakeholder panel)."))
    }

    /// The annex's command, with its line continuations joined, run through the shell.
    func reproduceCommand(in brief: String) throws -> String {
        let lines = brief.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "To reproduce these figures:")) + 2
        var command = ""
        for line in lines[start...] {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasSuffix("\\") {
                command += text.dropLast() // keeps the space before the backslash
            } else {
                command += text
                break
            }
        }
        return command
    }

    @Test(arguments: [
        ["--package", "best"],
        ["--package", "best", "--for", "india", "--seed", "7"],
        ["--package", package, "--format", "md"],
    ])
    func theReproduceCommandPastesAndRunsAsPrinted(options: [String]) throws {
        let arguments = ["brief", Self.fixture, "--date", "2026-01-01"] + options
        let brief = try cli.entente(arguments: arguments)
        #expect(brief.status == 0)
        let markdown = options.contains("md")
        let command = markdown
            ? try #require(brief.stdout.components(separatedBy: "```\n").dropFirst().first?.trimmingCharacters(in: .newlines))
            : try reproduceCommand(in: brief.stdout)
        for line in brief.stdout.components(separatedBy: "\n") where !markdown {
            #expect(line.count <= 72, "a brief line is wider than 72 columns: \(line)")
        }
        #expect(command.hasPrefix("entente brief "))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = CLITests.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "")
        process.environment = environment
        process.currentDirectoryURL = CLITests.root
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let rerun = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(command)")
        #expect(String(decoding: rerun, as: UTF8.self) == brief.stdout, "\(command) gives another brief")
    }

    @Test func aPathWithASpaceIsQuotedInTheReproduceCommand() throws {
        try cli.withTemporaryPath(" with space.yaml") { path in
            try FileManager.default.copyItem(atPath: CLITests.root.appendingPathComponent(Self.fixture).path, toPath: path)
            let brief = try cli.entente(arguments: ["brief", path, "--package", "best", "--date", "2026-01-01"])
            #expect(brief.status == 0)
            let command = try reproduceCommand(in: brief.stdout)
            #expect(command.contains("'\(path)'"))
        }
    }
}
