import ArgumentParser
import EntenteCore
import Foundation

/// `entente power`: who is pivotal under a weighted voting rule.
struct PowerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "power",
        abstract: "Shapley–Shubik and Banzhaf power of the actors, or of given weights.",
        usage: """
            entente power Data/open-internet.yaml
            entente power --weights 4,4,4,2,2,1 --quota 12
            """,
        discussion: """
            From a scenario, the players are the actors weighted by capability and the quota \
            is the share of its capability-share rule (or a majority when it has none). With \
            --weights and --quota, the players are p1, p2, ... in the order given.
            """)

    @Argument(help: "A scenario file; omit it to give --weights and --quota.")
    var file: String?

    @Option(help: ArgumentHelp("Whole-number or decimal weights, comma-separated.", valueName: "w,..."))
    var weights: String?

    @Option(help: "The weight a coalition needs to win (with --weights).")
    var quota: Double?

    @OptionGroup var future: FutureOption

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if (file == nil) == (weights == nil) { throw ValidationError("give either a scenario file or --weights with --quota") }
        if weights != nil && quota == nil { throw ValidationError("--weights needs --quota") }
        if file == nil && future.future != Future.todayID { throw ValidationError("--future needs a scenario file") }
    }

    func run() throws {
        let (ids, game) = try players()
        guard let power = game.indices() else {
            FileHandle.standardError.write(Data(("entente: this game is too large for exact power indices: its count table for the quota "
                + "\(game.quota) would exceed \(WeightedVotingGame.tableWords / 131_072) MB (see docs/model.md, \"Power indices\")\n").utf8))
            throw ExitCodes.badData
        }
        if output.json {
            try output.emitJSON(PowerReport(quota: game.quota, players: zip(ids, power).map { PowerReport.Player(id: $0, power: $1) }), future: future)
            return
        }
        var table = TextTable(header: ["player", "weight", "Shapley–Shubik", "Banzhaf", "Banzhaf raw"], rightAligned: [1, 2, 3, 4])
        for (id, index) in zip(ids, power) {
            table.append([id, "\(index.weight)", index.shapleyShubik.map { Figures.fixed($0, 4) } ?? "—", Figures.fixed(index.banzhaf, 4), Figures.fixed(index.banzhafRaw, 4)])
        }
        let tooLarge = power.contains { $0.shapleyShubik == nil }
            ? "\n(Shapley–Shubik not computed: this game's exact count table would exceed \(WeightedVotingGame.tableWords / 131_072) MB)" : ""
        try output.emit("quota \(game.quota) of \(game.weights.reduce(0, +))\n" + table.render() + tooLarge)
    }

    private func players() throws -> ([String], WeightedVotingGame) {
        if let file {
            let scenario = try future.apply(to: ScenarioArgument(file: file).load())
            return (scenario.actors.map(\.id), WeightedVotingGame(capabilitiesOf: scenario))
        }
        let values = try SpaceOptions.list(weights ?? "").map { text -> Double in
            guard let value = Double(text) else { throw ValidationError("--weights takes numbers, got '\(text)'") }
            try FlagRange.check(value, "--weights", Limits.capability)
            return value
        }
        let total = values.reduce(0, +)
        guard let quota, quota > 0, quota <= total else { throw ValidationError("--quota must be above 0 and at most the total weight \(total)") }
        return ((1...values.count).map { "p\($0)" }, WeightedVotingGame(weights: values, quota: quota))
    }
}

/// `entente power --json`: field names documented in docs/cli.md.
struct PowerReport: Encodable {
    struct Player: Encodable {
        let id: String
        let weight: Int
        @Nullable var shapleyShubik: Double?
        let banzhaf: Double
        let banzhafRaw: Double

        init(id: String, power: PowerIndex) {
            self.id = id
            weight = power.weight
            shapleyShubik = power.shapleyShubik
            banzhaf = power.banzhaf
            banzhafRaw = power.banzhafRaw
        }
    }

    let quota: Int
    let players: [Player]
}
