import ArgumentParser
import EntenteCore

/// `entente generate`: a seeded synthetic scenario for benchmarks, tests and practice.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a seeded synthetic scenario as YAML.",
        usage: "entente generate --actors 32 --issues 12 --options 4 --blocs 4 --seed 1 --output big.yaml",
        discussion: """
            Actors fall into blocs whose ideal points cluster around the bloc's, with noise; \
            saliences are uneven, a few red lines and margins are set, and the blocs become the \
            scenario's groupings. The same arguments always give the same file.
            """)

    @Option(help: "Number of actors.") var actors = 20
    @Option(help: "Number of issues.") var issues = 8
    @Option(help: "Options per issue.") var options = 3
    @Option(help: "Number of blocs (groupings).") var blocs = 3
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Flag(help: "Set each status quo to the option the actors value least in total.") var poorStatusQuo = false
    @Option(help: "Random links per actor (two or three issues each, −10…20 points; needs two issues).") var links = 0

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
        try FlagRange.check(actors, "--actors", Limits.actors)
        try FlagRange.check(issues, "--issues", Limits.issues)
        try FlagRange.check(options, "--options", Limits.options)
        try FlagRange.check(blocs, "--blocs", 1...actors)
        try FlagRange.check(links, "--links", 0...ScenarioGenerator.maximumLinks)
    }

    func run() throws {
        let scenario = ScenarioGenerator(actors: actors, issues: issues, options: options, blocs: blocs, seed: seed, poorStatusQuo: poorStatusQuo, links: links).generate()
        try OutputOptions.emit(ScenarioWriter.yaml(scenario), to: output)
    }
}
