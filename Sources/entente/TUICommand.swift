import ArgumentParser
import EntenteCore
import EntenteSession
import EntenteTUI
import EntenteWorkbench
import Foundation
import TerminalBackend

/// `entente [FILE]`: the workbench, the default command.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the workbench on a scenario (the default command).",
        discussion: "With no file, opens the shipped scenario Data/open-internet.yaml. Keys: ? help, q quit.")

    @Argument(help: "A scenario file (YAML or JSON).", completion: .file(extensions: ["yaml", "yml", "json"]))
    var file = "Data/open-internet.yaml"

    @Option(name: .customLong("as"), help: ArgumentHelp("Workshop view: show only this actor's stance; others' values and gains stay hidden.", valueName: "actor"))
    var viewer: String?

    /// The future the workbench opens in; edits still change today's scenario.
    @OptionGroup var future: FutureOption

    func run() throws {
        if ScenarioLoader.isStandardInput(file) {
            throw ValidationError("the workbench reads keys from standard input, so it cannot read the scenario there; give it a file")
        }
        let scenario = try ScenarioArgument(file: file).load()
        if let viewer, scenario.actorIndex(viewer) == nil {
            throw ValidationError("--as: unknown actor '\(viewer)'; expected one of: \(scenario.actors.map(\.id).joined(separator: ", "))")
        }
        let opening = try future.chosen(in: scenario)?.id
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ValidationError("the workbench needs a terminal; for scripts use entente search, pareto, analyse or brief")
        }
        let terminal = Terminal()
        terminal.start()
        defer { terminal.stop() }
        // One user's session, in-process: the facilitator's seat, or with --as the seat of
        // that actor's delegation, which sees and edits only what a delegation may.
        let seat = viewer.map { Seat(id: $0, role: .delegation($0)) } ?? .solo
        let effects = EffectRunner(scenario: scenario, file: file, seat: seat)
        defer { effects.cancel() }
        var state = AppState(view: effects.view, file: file, size: terminal.size)
        try WorkbenchLoop(terminal: terminal, perform: effects.perform, drain: effects.drain)
            .run(&state, first: opening.map { [.futures(.setFuture($0))] } ?? [])
    }
}
