import ArgumentParser
import EntenteCore
import EntenteTUI
import Foundation
import Synchronization
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

    func run() throws {
        if ScenarioLoader.isStandardInput(file) {
            throw ValidationError("the workbench reads keys from standard input, so it cannot read the scenario there; give it a file")
        }
        let scenario = try ScenarioArgument(file: file).load()
        if let viewer, scenario.actorIndex(viewer) == nil {
            throw ValidationError("--as: unknown actor '\(viewer)'; expected one of: \(scenario.actors.map(\.id).joined(separator: ", "))")
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ValidationError("the workbench needs a terminal; for scripts use entente search, pareto, analyse or brief")
        }
        let terminal = Terminal()
        terminal.start()
        defer { terminal.stop() }
        let effects = EffectRunner(scenario: scenario, file: file, viewer: viewer)
        defer { effects.cancel() }
        var state = AppState(scenario: scenario, file: file, size: terminal.size)
        if let viewer {
            _ = update(&state, .setViewer(viewer))
            state.viewerLocked = true
        }
        let keymap = Keymap.workbench
        /// Applies actions and performs their effects; true when one of them quits.
        func run(_ actions: [Action]) -> Bool {
            for action in actions {
                for effect in update(&state, action) {
                    if effect == .quit { return true }
                    effects.perform(effect)
                }
            }
            return false
        }
        if run(effects.drain()) { return }
        terminal.draw(WorkbenchView.render(state, keymap: keymap, unicode: terminal.unicode))
        while true {
            let event = terminal.nextEvent()
            // What effects reported is applied before the event is read against the state,
            // so a key pressed as a question (the journal offer) arrives answers that question.
            let arrived = effects.drain()
            if run(arrived) { return }
            var actions: [Action] = []
            switch event {
            case .interrupt(let signal):
                terminal.stop()
                throw ExitCode(128 + signal)
            case .resize(let size):
                actions.append(.resize(size))
            case .key(let key):
                if let action = keymap.action(for: key, in: state) { actions.append(action) }
            case .click(let x, let y):
                if let action = keymap.clickAction(x: x, y: y, in: state) { actions.append(action) }
            case .wheel(let direction):
                if let action = keymap.wheelAction(direction, in: state) { actions.append(action) }
            case nil:
                break
            }
            if run(actions) { return }
            guard !actions.isEmpty || !arrived.isEmpty else { continue }
            terminal.draw(WorkbenchView.render(state, keymap: keymap, unicode: terminal.unicode))
        }
    }
}

/// Runs the workbench's effects off the main loop (searches on a thread of their own) and
/// hands their outcomes back as actions, which the loop picks up between key presses.
final class EffectRunner: Sendable {
    private let inbox: Inbox
    private let running = Mutex<CancellationFlag?>(nil)
    /// The analysis and the brief preview in progress: a newer request cancels its
    /// predecessor, so at most one of each runs.
    private let analysing = Mutex<CancellationFlag?>(nil)
    private let previewing = Mutex<CancellationFlag?>(nil)
    /// The file being opened: Esc, or a newer :open, drops its result.
    private let opening = Mutex<CancellationFlag?>(nil)
    private let files: WorkbenchFiles
    /// The scenario on screen, for comparing an offered journal with.
    private let shown: Mutex<Scenario>

    init(scenario: Scenario, file: String, viewer: String?) {
        shown = Mutex(scenario)
        let inbox = Inbox()
        self.inbox = inbox
        files = WorkbenchFiles(participant: viewer) { inbox.post($0) }
        files.opened(file, scenario: scenario)
    }

    func perform(_ effect: Effect) {
        switch effect {
        case .quit: break
        case .cancelSearch: cancel()
        case .open(let path):
            let flag = Self.supersede(opening)
            Thread.detachNewThread { [self] in
                do throws(ScenarioLoadError) {
                    let loaded = try ScenarioLoader.load(path: path)
                    guard !flag.isCancelled else { return }
                    shown.withLock { $0 = loaded }
                    post(.loaded(loaded, file: path))
                    files.opened(path, scenario: loaded)
                } catch {
                    guard !flag.isCancelled else { return }
                    switch error {
                    case .unreadable(_, let reason): post(.openFailed(file: path, "\(path): \(reason)"))
                    case .invalid(let diagnostics):
                        post(.openFailed(file: path, "\(diagnostics[0])" + (diagnostics.count > 1 ? " (and \(diagnostics.count - 1) more; entente validate lists them)" : "")))
                    }
                }
            }
        case .cancelOpen:
            opening.withLock { $0?.cancel() }
        case .autosave(let current, let file):
            files.autosave(current, file: file)
        case .dropJournal(let file):
            files.drop(file)
        case .adoptJournal(let file):
            files.adopt(file)
        case .useOwnJournal(let file):
            files.useOwnJournal(file, scenario: shown.withLock { $0 })
        case .cancelAnalysis:
            analysing.withLock { $0?.cancel() }
        case .prepareBrief(let current, let package, let audience):
            let flag = Self.supersede(previewing)
            Thread.detachNewThread { [self] in
                var settings = BriefBuilder.Settings()
                settings.date = BriefDate.today()
                settings.audience = audience
                settings.timeLimit = AppState.analysisSeconds
                settings.cancellation = flag
                let text = (try? BriefBuilder(current).build(package, settings: settings)).map { BriefRenderer.render($0, as: .text) }
                if !flag.isCancelled { post(.briefReady(package, audience: audience, text ?? "The brief could not be prepared.")) }
            }
        case .analyse(let current, let package, let request):
            let flag = Self.supersede(analysing)
            Thread.detachNewThread { [self] in
                do {
                    let analysis = try PackageAnalysis(current, package: package, request: request, cancellation: flag)
                    if !flag.isCancelled { post(.analysisReady(AnalysisResult(analysis))) }
                } catch {
                    post(.message("cannot analyse the package: \(error)"))
                }
            }
        case .save(let current, let path, let force):
            files.save(current, to: path, force: force)
        case .writeBrief(let current, let package, let audience, let path, let force):
            if !force && FileManager.default.fileExists(atPath: path) {
                post(.message("\(path) exists; :brief! \(path) overwrites it"))
                return
            }
            post(.message("writing the brief…"))
            Thread.detachNewThread { [self] in
                do {
                    var settings = BriefBuilder.Settings()
                    settings.date = BriefDate.today()
                    settings.timeLimit = AppState.briefExportSeconds
                    settings.audience = audience
                    let brief = try BriefBuilder(current).build(package, settings: settings)
                    try AtomicFile.write(Data(BriefRenderer.render(brief, as: .text).utf8), to: path)
                    post(.message("brief written to \(path)"))
                } catch {
                    post(.message("cannot write \(path): \(error)"))
                }
            }
        case .startSearch(let scenario, let request):
            let flag = CancellationFlag()
            running.withLock { $0 = flag }
            Thread.detachNewThread { [self] in
                let result = try? PackageSearch(scenario).run(request, cancellation: flag) { progress in
                    self.post(.searchProgress(progress))
                }
                if let result { post(.searchFinished(result)) }
            }
        }
    }

    private func post(_ action: Action) { inbox.post(action) }

    /// Cancels the work in `slot` and puts a fresh flag there for its successor.
    private static func supersede(_ slot: borrowing Mutex<CancellationFlag?>) -> CancellationFlag {
        let flag = CancellationFlag()
        slot.withLock { previous in
            previous?.cancel()
            previous = flag
        }
        return flag
    }

    /// Actions that arrived since the last call.
    func drain() -> [Action] { inbox.drain() }

    /// Stops the running search and analysis (on quit).
    func cancel() {
        running.withLock { $0?.cancel() }
        analysing.withLock { $0?.cancel() }
        previewing.withLock { $0?.cancel() }
    }
}

/// Actions posted from other threads, waiting for the main loop.
final class Inbox: Sendable {
    private let actions = Mutex<[Action]>([])

    func post(_ action: Action) { actions.withLock { $0.append(action) } }

    func drain() -> [Action] { actions.withLock { actions in defer { actions = [] }; return actions } }
}
