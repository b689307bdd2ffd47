import ArgumentParser
import EntenteCore
import EntenteTUI
import EntenteWorkbench
import Foundation
import Synchronization

/// `entente bench`: a fixed suite of searches that prints how fast this machine runs them.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time a fixed suite of searches; build with -c release first.",
        usage: "swift build -c release && .build/release/entente bench",
        discussion: """
            Each case generates its scenario from a fixed seed (or reads the shipped one), runs \
            one search (the fastest of --repeats runs) and prints packages per second, actor \
            evaluations per second, wall seconds, the process's peak resident memory so far, \
            and whether the answer is proven optimal. --quick runs smaller versions of the \
            same cases.
            """)

    @Flag(help: "Smaller cases, for a first look.")
    var quick = false

    @Option(help: "The shipped scenario, for the last case.")
    var scenario = "Data/open-internet.yaml"

    @Option(help: "A Decide file for the exchange-model case (Decide's cop21.csv, say).")
    var exchange = "Data/exchange/open-internet.decide.txt"

    @Flag(help: "Print one JSON document instead of a table.")
    var json = false

    @Option(help: "Runs of each case; the fastest is reported (the machine's neighbours add noise).")
    var repeats = 3

    @Option(help: ArgumentHelp("Run only the cases whose name contains this text.", valueName: "text"))
    var only: String?

    @Option(help: ArgumentHelp("The C probe the scan cases are compared with (or ENTENTE_PROBE); compiled with gcc when gcc is there.", valueName: "file.c"))
    var probe = ProcessInfo.processInfo.environment["ENTENTE_PROBE"] ?? BenchProbe.defaultSource

    func run() throws {
        let probe = BenchProbe(source: probe)
        defer { probe.remove() }
        if case .failure(let reason) = probe.executable {
            FileHandle.standardError.write(Data("no probe ratios: \(reason)\n".utf8))
        }
        var results: [BenchResult] = []
        for benchCase in BenchCase.suite(quick: quick, shipped: scenario, decideFile: exchange)
            where only.map { benchCase.name.contains($0) } ?? true {
            if !json { FileHandle.standardError.write(Data("running \(benchCase.name)…\n".utf8)) }
            // The probe runs take turns with the case's, so that both see the same neighbours.
            var runs: [BenchResult] = []
            var probeRuns: [Double] = []
            for _ in 0..<max(1, repeats) {
                runs.append(try benchCase.run())
                if let shape = benchCase.probe,
                   let seconds = probe.seconds(actors: shape.actors, issues: shape.issues, options: shape.options) {
                    probeRuns.append(seconds)
                }
            }
            var result = runs.min { $0.seconds < $1.seconds }!
            if let seconds = probeRuns.min(), result.seconds > 0 {
                result.probeSeconds = seconds
                result.probeRatio = seconds / result.seconds
            }
            results.append(result)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(BenchReport(machine: "\(MachineInfo.current.description), load \(MachineInfo.loadAverage)", cases: results)), as: UTF8.self))
        } else {
            print("machine: \(MachineInfo.current.description), load \(MachineInfo.loadAverage); fastest of \(max(1, repeats)) runs per case; scan kernel \(ScanKernel.best.rawValue)")
            var table = TextTable(
                header: ["case", "packages", "packages/s", "actor-evals/s", "seconds", "probe s", "vs probe", "peak MB", "proven", "notes"],
                rightAligned: [1, 2, 3, 4, 5, 6, 7])
            for result in results {
                table.append([
                    result.name, Figures.count(result.packages), String(format: "%.3g", result.packagesPerSecond),
                    String(format: "%.3g", result.actorEvaluationsPerSecond), Figures.fixed(result.seconds, 3),
                    result.probeSeconds.map { Figures.fixed($0, 3) } ?? "", result.probeRatio.map { Figures.fixed($0, 2) } ?? "",
                    Figures.fixed(result.peakMegabytes, 1), result.proven ? "yes" : "no", result.notes,
                ])
            }
            print(table.render())
        }
    }
}

/// One case of the benchmark suite: a scenario and the search to run on it.
struct BenchCase {
    enum Kind {
        case search(SearchRequest, kernel: ScanKernel = .best)
        /// `entente search FILE --objective capability --top 10 --json` as a process of its
        /// own: start, loading, search and output, as a user runs it.
        case process(SearchRequest)
        case pareto(actors: Int)
        /// The robust search over today and `futures` futures (`BenchCase.futures`).
        case robust(futures: Int)
        /// `entente pareto FILE --actors …` as a process of its own, with `--json` or the
        /// text report (its table of every package on the frontier).
        case paretoProcess(actors: Int, json: Bool)
        /// A search that would run for hours, cancelled after it has run a while: the time
        /// measured is from the cancel to the return.
        case cancellation(after: Double)
        /// Shapley–Shubik and Banzhaf power of every actor under a strict-majority quota.
        case power
        /// Power indices of a seeded game: whole weights 1...maxWeight, strict majority.
        case weightedGame(players: Int, maxWeight: Int)
        /// One analysis of the shipped scenario's best package by Nash product.
        case analysis(Analysis)
        /// The workbench at 120×40: the first frame, and one key's update and frame.
        case workbench(WorkbenchStep, path: String)
        /// Ten rounds of the exchange model (Decide's procedure) on a Decide file's text.
        case exchange(() throws -> String)
    }

    enum WorkbenchStep {
        case firstFrame, builderKey, interestsKey, splitMerge

        /// The key's action on the screen it is timed on, for the `index`-th press.
        func action(_ index: Int, _ scenario: Scenario) -> Action {
            switch self {
            case .builderKey: .editing(.changeOption(1))
            case .interestsKey: .editing(.adjustSalience(index % 2 == 0 ? 0.1 : -0.1))
            default:
                // Alternately unbundle the shipped scenario's first regulation issue and merge it back.
                index % 2 == 0
                    ? .editing(.edit(.split(issue: scenario.issues.first { $0.lever == .regulation }!.id, parts: [IssuePart(id: "part-a"), IssuePart(id: "part-b")])))
                    : .editing(.edit(.merge(issue: "part-a")))
            }
        }

        var screen: ScreenID { self == .builderKey ? .builder : self == .interestsKey ? .interests : .issues }
    }

    enum Analysis: String {
        case bargaining, holdouts, stability, robustness, logrolls
    }

    let name: String
    /// The scenario the case runs on; none for the exchange-model cases, which read Decide files.
    let scenario: (() throws -> Scenario)?
    let kind: Kind
    /// The probe run this case is compared with: the same numbers of actors, issues and options.
    var probe: (actors: Int, issues: Int, options: Int)?

    /// A seeded Decide file: positions in steps of 10, saliences 0.3–1, powers 0.05–1.
    static func syntheticDecideFile(actors: Int, issues: Int) -> String {
        var random = SplitMix64(seed: 1)
        var lines = (0..<actors).map { "#A\ta\($0)\tactor \($0)" } + (0..<issues).map { "#P\ti\($0)\tissue \($0)" }
        for actor in 0..<actors {
            let power = Double(Int.random(in: 1...20, using: &random)) / 20
            for issue in 0..<issues {
                lines.append("#D\ta\(actor)\ti\(issue)\t\(Int.random(in: 0...10, using: &random) * 10)\t\(Double(Int.random(in: 6...20, using: &random)) / 20)\t\(power)")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func suite(quick: Bool, shipped: String, decideFile: String) -> [BenchCase] {
        func generated(_ actors: Int, _ issues: Int, _ options: Int, blocs: Int = 4, seed: UInt64 = 1, poor: Bool = false,
                       links: Int = 0) -> () -> Scenario {
            { ScenarioGenerator(actors: actors, issues: issues, options: options, blocs: blocs, seed: seed, poorStatusQuo: poor,
                                links: links).generate() }
        }
        func request(_ strategy: SearchStrategy, seconds: Double? = nil, objective: Objective = .capability) -> SearchRequest {
            var request = SearchRequest()
            request.objective = objective
            request.top = 10
            request.strategy = strategy
            request.budget = SearchBudget(seconds: seconds)
            return request
        }
        let scale = quick
            ? (issues: 10, paretoIssues: 8, bnbIssues: 16, wideIssues: 6, anytimeIssues: 20, robustIssues: 8)
            : (issues: 12, paretoIssues: 10, bnbIssues: 24, wideIssues: 8, anytimeIssues: 40, robustIssues: 10)
        let scanShape = (actors: 32, issues: scale.issues, options: 4)
        return [
            BenchCase(name: "exhaustive 32 actors, \(scale.issues)×4", scenario: generated(32, scale.issues, 4),
                      kind: .search(request(.exhaustive)), probe: scanShape),
            BenchCase(name: "exhaustive 32 actors, \(scale.issues)×4, portable kernel", scenario: generated(32, scale.issues, 4),
                      kind: .search(request(.exhaustive), kernel: .portable), probe: scanShape),
            BenchCase(name: "exhaustive 32 actors, \(scale.issues)×4, 3 links per actor", scenario: generated(32, scale.issues, 4, links: 3),
                      kind: .search(request(.exhaustive)), probe: scanShape),
            BenchCase(name: "exhaustive 32 actors, \(scale.issues)×4, 3 links per actor, portable kernel",
                      scenario: generated(32, scale.issues, 4, links: 3), kind: .search(request(.exhaustive), kernel: .portable)),
            BenchCase(name: "entente search process, 32 actors, \(scale.issues)×4", scenario: generated(32, scale.issues, 4),
                      kind: .process(request(.auto)), probe: scanShape),
            BenchCase(name: "pareto 8 actors, \(scale.paretoIssues)×4, poor status quo",
                      scenario: generated(8, scale.paretoIssues, 4, blocs: 5, seed: 3, poor: true), kind: .pareto(actors: 8)),
            BenchCase(name: "entente pareto process, 8 actors, \(scale.paretoIssues)×4",
                      scenario: generated(8, scale.paretoIssues, 4, blocs: 5, seed: 3, poor: true), kind: .paretoProcess(actors: 8, json: true)),
            BenchCase(name: "entente pareto process, 8 actors, \(scale.paretoIssues)×4, text report",
                      scenario: generated(8, scale.paretoIssues, 4, blocs: 5, seed: 3, poor: true), kind: .paretoProcess(actors: 8, json: false)),
            BenchCase(name: "branch-and-bound 40 actors, \(scale.bnbIssues)×4", scenario: generated(40, scale.bnbIssues, 4),
                      kind: .search(request(.branchAndBound, seconds: 30))),
            BenchCase(name: "branch-and-bound 40 actors, \(scale.bnbIssues)×4, 3 links per actor",
                      scenario: generated(40, scale.bnbIssues, 4, links: 3), kind: .search(request(.branchAndBound, seconds: 30))),
            BenchCase(name: "robust 32 actors, \(scale.robustIssues)×4, today + 4 futures, 3 links per actor",
                      scenario: generated(32, scale.robustIssues, 4, links: 3), kind: .robust(futures: 4)),
            BenchCase(name: "anytime 300 actors, \(scale.anytimeIssues)×6, stopped at 1 s", scenario: generated(300, scale.anytimeIssues, 6),
                      kind: .search(request(.branchAndBound, seconds: 1))),
            BenchCase(name: "200 actors, \(scale.wideIssues)×4", scenario: generated(200, scale.wideIssues, 4, blocs: 8),
                      kind: .search(request(.auto))),
            BenchCase(name: "analyse shipped: bargaining", scenario: { try ScenarioLoader.load(path: shipped) }, kind: .analysis(.bargaining)),
            BenchCase(name: "analyse shipped: holdouts", scenario: { try ScenarioLoader.load(path: shipped) }, kind: .analysis(.holdouts)),
            BenchCase(name: "analyse shipped: stability", scenario: { try ScenarioLoader.load(path: shipped) }, kind: .analysis(.stability)),
            BenchCase(name: "analyse shipped: robustness 10,000 draws", scenario: { try ScenarioLoader.load(path: shipped) }, kind: .analysis(.robustness)),
            BenchCase(name: "analyse shipped: logrolls", scenario: { try ScenarioLoader.load(path: shipped) }, kind: .analysis(.logrolls)),
            BenchCase(name: "workbench: first frame, 120×40", scenario: { try ScenarioLoader.load(path: shipped) }, kind: .workbench(.firstFrame, path: shipped)),
            BenchCase(name: "workbench: builder key + frame", scenario: { try ScenarioLoader.load(path: shipped) }, kind: .workbench(.builderKey, path: shipped)),
            BenchCase(name: "workbench: interests key + frame", scenario: { try ScenarioLoader.load(path: shipped) }, kind: .workbench(.interestsKey, path: shipped)),
            BenchCase(name: "workbench: split or merge + frame", scenario: { try ScenarioLoader.load(path: shipped) }, kind: .workbench(.splitMerge, path: shipped)),
            BenchCase(name: "power indices, 200 players", scenario: generated(200, 1, 2), kind: .power),
            BenchCase(name: "power indices, 400 players, weights 1–50", scenario: generated(1, 1, 2), kind: .weightedGame(players: 400, maxWeight: 50)),
            BenchCase(name: "power indices, 1,000 players, weights 1–100", scenario: generated(1, 1, 2), kind: .weightedGame(players: 1000, maxWeight: 100)),
            BenchCase(name: "cancel a running search", scenario: generated(30, 20, 4, blocs: 3),
                      kind: .cancellation(after: 0.5)),
            BenchCase(name: "shipped scenario, every issue", scenario: { try ScenarioLoader.load(path: shipped) },
                      kind: .search(request(.auto))),
        ] + [Objective.nash, .totalGain, .minGain, .novelty].flatMap { objective in
            // What `auto` picks for each objective, beside the exhaustive scan (docs/performance.md).
            [SearchStrategy.exhaustive, .auto].map { strategy in
                BenchCase(name: "shipped scenario, \(objective.rawValue), \(strategy.rawValue)", scenario: { try ScenarioLoader.load(path: shipped) },
                          kind: .search(request(strategy, objective: objective)))
            }
        } + [
            BenchCase(name: "exchange model: \(decideFile), 10 rounds", scenario: nil,
                      kind: .exchange { try String(contentsOfFile: decideFile, encoding: .utf8) }),
            BenchCase(name: "exchange model: 15 actors × 13 issues, 10 rounds", scenario: nil,
                      kind: .exchange { syntheticDecideFile(actors: 15, issues: 13) }),
            BenchCase(name: "exchange model: 2 actors × \(quick ? 100 : 400) issues, 10 rounds", scenario: nil,
                      kind: .exchange { syntheticDecideFile(actors: 2, issues: quick ? 100 : 400) }),
        ]
    }

    func run() throws -> BenchResult {
        if case .exchange(let text) = kind { return try exchange(text()) }
        guard let scenario else { preconditionFailure("\(name) needs a scenario") }
        let loaded = try scenario()
        if case .cancellation(let after) = kind { return try cancellation(loaded, after: after) }
        let started = DispatchTime.now().uptimeNanoseconds
        let packages: Double
        let proven: Bool
        let notes: String
        switch kind {
        case .search(let request, let kernel):
            let result = try PackageSearch(loaded).run(request, kernel: kernel)
            packages = Double(result.explored)
            proven = result.proven
            notes = "\(result.strategy.rawValue), space \(Figures.count(result.spaceSize))"
                + (result.proven ? "" : ", ruled out \(Figures.percent(result.ruledOut))")
                + (result.packages.first.map { ", best \(request.objective.rawValue) \(Figures.fixed($0.objective(request.objective), 3)) with \($0.coalition.count) members" } ?? ", nothing found")
        case .process(let request):
            return try process(loaded, "search", ["--objective", request.objective.rawValue, "--top", "\(request.top)", "--json"])
        case .paretoProcess(let count, let json):
            return try process(loaded, "pareto", ["--actors", loaded.actors.prefix(count).map(\.id).joined(separator: ",")] + (json ? ["--json"] : []))
        case .cancellation, .exchange:
            preconditionFailure("handled above")
        case .analysis(let analysis):
            var best = SearchRequest()
            best.objective = .nash
            best.top = 1
            let package = try PackageSearch(loaded).run(best).packages[0]
            let started = DispatchTime.now().uptimeNanoseconds
            switch analysis {
            case .bargaining:
                let points = try BargainingAnalysis(loaded).points(for: package.coalition.members)
                notes = "\(points.individuallyRational) individually rational packages"
            case .holdouts:
                let holdouts = try HoldoutAnalysis(loaded).holdouts(of: package.package)
                notes = "\(holdouts.count) holdouts, \(holdouts.reduce(0) { $0 + $1.sweeteners.count }) sweeteners"
            case .stability:
                notes = try StabilityAnalysis(loaded).check(package.package).isStable ? "stable" : "blocked"
            case .robustness:
                let robustness = RobustnessAnalysis(loaded).analyse(package.package, draws: 10_000)
                notes = "viable in \(Figures.percent(robustness.viableProbability)) of draws"
            case .logrolls:
                notes = "\(Logrolls.find(in: loaded).count) logrolls"
            }
            return BenchResult(
                name: name, packages: 0, seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9,
                packagesPerSecond: 0, actorEvaluationsPerSecond: 0,
                peakMegabytes: MachineInfo.peakResidentMegabytes, proven: true, notes: notes + " (the package search is not timed)")
        case .workbench(let step, let path):
            return workbench(loaded, step: step, path: path)
        case .power:
            let game = WeightedVotingGame(weights: loaded.actors.map(\.capability), share: nil)
            packages = 0
            proven = true
            notes = Self.powerNotes(game)
        case .weightedGame(let players, let maxWeight):
            var random = SplitMix64(seed: 1)
            let weights = (0..<players).map { _ in Int.random(in: 1...maxWeight, using: &random) }
            packages = 0
            proven = true
            notes = Self.powerNotes(WeightedVotingGame(weights: weights, quota: weights.reduce(0, +) / 2 + 1))
        case .robust(let count):
            let futures = Self.futures(of: loaded, count: count)
            var request = SearchRequest()
            request.objective = .capability
            request.top = 10
            let result = try RobustSearch(today: loaded, futures: futures).run(request)
            packages = Double(result.explored)
            proven = result.proven
            notes = "space \(Figures.count(result.spaceSize)), \(futures.count + 1) scenarios in one pass"
                + (result.packages.first.map { ", best worst capability \(Figures.fixed($0.worst, 3))" } ?? ", nothing robust")
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let lanes = Double(loaded.actors.count + futures.reduce(0) { $0 + $1.scenario.actors.count })
            return BenchResult(
                name: name, packages: packages, seconds: seconds, packagesPerSecond: packages / seconds,
                actorEvaluationsPerSecond: packages * lanes / seconds,
                peakMegabytes: MachineInfo.peakResidentMegabytes, proven: proven, notes: notes)
        case .pareto(let count):
            let result = try ParetoSearch(loaded).run(actors: loaded.actors.prefix(count).map(\.id))
            packages = Double(result.explored)
            proven = !result.cancelled
            notes = "frontier \(result.packages.count) of \(result.candidates) candidates"
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return BenchResult(
            name: name, packages: packages, seconds: seconds,
            packagesPerSecond: packages / seconds,
            actorEvaluationsPerSecond: packages * Double(loaded.actors.count) / seconds,
            peakMegabytes: MachineInfo.peakResidentMegabytes, proven: proven, notes: notes)
    }
}

extension BenchCase {
    /// Seeded futures of a scenario for the robust case: in future f every actor's capability
    /// is scaled by a factor in 0.5…1.5, and every actor gains f extra random links.
    static func futures(of scenario: Scenario, count: Int) -> [FutureScenario] {
        var random = SplitMix64(seed: 7)
        return (1...max(1, count)).map { f in
            var future = scenario
            let extra = ScenarioGenerator(actors: scenario.actors.count, issues: scenario.issues.count,
                                          options: scenario.issues.first?.options.count ?? 1, blocs: 1, seed: UInt64(f), links: f).generate()
            for a in future.actors.indices {
                future.actors[a].capability *= Double.random(in: 0.5...1.5, using: &random)
                future.actors[a].links += extra.actors[a].links
            }
            return FutureScenario(id: "future-\(f)", scenario: future)
        }
    }

    /// Runs a game's indices and says what was computed.
    private static func powerNotes(_ game: WeightedVotingGame) -> String {
        let power = game.indices() ?? []
        let shapley = power.allSatisfy { $0.shapleyShubik != nil }
            ? "Σ Shapley–Shubik \(Figures.fixed(power.reduce(0) { $0 + $1.shapleyShubik! }, 6))" : "Shapley–Shubik too large"
        return "quota \(game.quota) of \(game.weights.reduce(0, +)), \(Set(game.weights).count) distinct weights, "
            + "\(shapley), Σ Banzhaf \(Figures.fixed(power.reduce(0) { $0 + $1.banzhaf }, 6))"
    }

    /// Times the pure workbench: state, update and view, as the terminal loop runs them
    /// (the terminal's own drawing is not included). Loading the file is not timed.
    private func workbench(_ scenario: Scenario, step: WorkbenchStep, path shipped: String) -> BenchResult {
        let size = Size(columns: 120, rows: 40)
        var seconds = 0.0
        var notes = ""
        switch step {
        case .firstFrame:
            let started = DispatchTime.now().uptimeNanoseconds
            let loaded = (try? ScenarioLoader.load(path: shipped)) ?? scenario
            _ = WorkbenchView.render(LocalWorkbench(scenario: loaded, file: shipped, size: size).state)
            seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            notes = String(format: "%.1f ms: load, state and view (process start not included); target < 300 ms", seconds * 1000)
        case .builderKey, .interestsKey, .splitMerge:
            var bench = LocalWorkbench(scenario: scenario, file: shipped, size: size)
            _ = bench.send(.show(step.screen))
            let keys = 100
            let started = DispatchTime.now().uptimeNanoseconds
            for index in 0..<keys {
                _ = bench.send(step.action(index, scenario))
                _ = WorkbenchView.render(bench.state)
            }
            seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 / Double(keys)
            let edits = bench.session.journal.count
            notes = String(format: "%.2f ms per key (update, the session's reply, frame; mean of %d); target < 16 ms", seconds * 1000, keys)
                + (edits == 0 ? "" : ", \(edits) edits made")
        }
        return BenchResult(name: name, packages: 0, seconds: seconds, packagesPerSecond: 0, actorEvaluationsPerSecond: 0,
                           peakMegabytes: MachineInfo.peakResidentMegabytes, proven: true, notes: notes)
    }

    /// Times the exchange model's ten rounds on a Decide file's text (reading it is not timed).
    private func exchange(_ text: String) throws -> BenchResult {
        let data = try DecideFile.parse(text, file: name)
        let started = DispatchTime.now().uptimeNanoseconds
        let result = try ExchangeModel(data).run(rounds: 10)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let trades = result.rounds.reduce(0) { $0 + $1.trades.count }
        return BenchResult(name: name, packages: 0, seconds: seconds, packagesPerSecond: 0, actorEvaluationsPerSecond: 0,
                           peakMegabytes: MachineInfo.peakResidentMegabytes, proven: result.complete,
                           notes: "\(data.actors.count) actors, \(data.issues.count) issues, \(trades) trades in \(result.rounds.count) rounds")
    }

    /// Writes the scenario to a file and times `entente COMMAND FILE ARGUMENTS…` on it as a
    /// process of its own, this very executable, with that process's own peak memory.
    private func process(_ scenario: Scenario, _ command: String, _ arguments: [String]) throws -> BenchResult {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("entente-bench-\(getpid()).yaml").path
        try ScenarioWriter.yaml(scenario).write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let packages = scenario.issues.reduce(1.0) { $0 * Double($1.options.count) }
        guard let run = try? BenchProbe.run("/proc/self/exe", [command, file] + arguments) else {
            return BenchResult(
                name: name, packages: 0, seconds: 0, packagesPerSecond: 0, actorEvaluationsPerSecond: 0,
                peakMegabytes: MachineInfo.peakResidentMegabytes, proven: false, notes: "could not start /proc/self/exe")
        }
        return BenchResult(
            name: name, packages: packages, seconds: run.seconds, packagesPerSecond: packages / run.seconds,
            actorEvaluationsPerSecond: packages * Double(scenario.actors.count) / run.seconds,
            peakMegabytes: run.peakMegabytes, proven: run.status == 0,
            notes: "seconds and peak MB: the whole process (start, load, search, \(arguments.contains("--json") ? "JSON" : "text report"))" + (run.status == 0 ? "" : ", exit status \(run.status)"))
    }

    /// Runs a novelty search (nothing to prune) on a thread of its own, cancels it after
    /// `after` seconds and measures how long it takes to return.
    private func cancellation(_ scenario: Scenario, after: Double) throws -> BenchResult {
        var request = SearchRequest()
        request.objective = .novelty
        request.strategy = .branchAndBound
        let flag = CancellationFlag()
        let returned = DispatchSemaphore(value: 0)
        let explored = Mutex<UInt64>(0)
        let search = request
        Thread.detachNewThread {
            let result = try? PackageSearch(scenario).run(search, cancellation: flag)
            explored.withLock { $0 = result?.explored ?? 0 }
            returned.signal()
        }
        Thread.sleep(forTimeInterval: after)
        let cancelledAt = DispatchTime.now().uptimeNanoseconds
        flag.cancel()
        returned.wait()
        let latency = Double(DispatchTime.now().uptimeNanoseconds - cancelledAt) / 1e9
        let packages = Double(explored.withLock { $0 })
        return BenchResult(
            name: name, packages: packages, seconds: latency,
            packagesPerSecond: packages / (after + latency),
            actorEvaluationsPerSecond: packages * Double(scenario.actors.count) / (after + latency),
            peakMegabytes: MachineInfo.peakResidentMegabytes, proven: false,
            notes: "seconds = cancel to return, after \(after) s of searching")
    }
}

/// One line of the benchmark's output.
struct BenchResult: Encodable {
    let name: String
    let packages: Double
    let seconds: Double
    let packagesPerSecond: Double
    let actorEvaluationsPerSecond: Double
    let peakMegabytes: Double
    let proven: Bool
    let notes: String
    /// The probe's wall time on the same numbers of actors, issues and options, as a whole
    /// process on one core, measured in the same run.
    var probeSeconds: Double?
    /// Probe seconds / this case's seconds: above 1, Entente is the faster.
    var probeRatio: Double?
}

/// `entente bench --json`.
struct BenchReport: Encodable {
    let machine: String
    let cases: [BenchResult]
}

/// What the benchmark says about the machine it ran on.
struct MachineInfo: CustomStringConvertible {
    let cores: Int
    let cpu: String

    static var current: MachineInfo {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        return MachineInfo(cores: ProcessInfo.processInfo.activeProcessorCount, cpu: model)
    }

    var description: String { "\(cores) cores, \(cpu)" }

    /// The 1, 5 and 15-minute load averages, which say how busy the neighbours kept the machine.
    static var loadAverage: String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    /// The process's peak resident set so far: `VmHWM` from /proc/self/status, which
    /// belongs to this program's address space. (getrusage's figure survives `exec`, so
    /// under `swift run` it would include the package manager's own peak.)
    static var peakResidentMegabytes: Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        let kilobytes = line.flatMap { Double($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        return kilobytes / 1024
    }
}
