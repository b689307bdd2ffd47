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
        terminal.draw(WorkbenchView.render(state, keymap: keymap, unicode: terminal.unicode))
        while true {
            var actions = effects.drain()
            switch terminal.nextEvent() {
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
            guard !actions.isEmpty else { continue }
            for action in actions {
                for effect in update(&state, action) {
                    if effect == .quit { return }
                    effects.perform(effect)
                }
            }
            terminal.draw(WorkbenchView.render(state, keymap: keymap, unicode: terminal.unicode))
        }
    }
}

/// Runs the workbench's effects off the main loop (searches on a thread of their own) and
/// hands their outcomes back as actions, which the loop picks up between key presses.
final class EffectRunner: Sendable {
    private let inbox = Mutex<[Action]>([])
    private let running = Mutex<CancellationFlag?>(nil)
    /// The analysis and the brief preview in progress: a newer request cancels its
    /// predecessor, so at most one of each runs.
    private let analysing = Mutex<CancellationFlag?>(nil)
    private let previewing = Mutex<CancellationFlag?>(nil)
    /// When each file was last read or written by us, to notice changes made elsewhere.
    private let known = Mutex<[String: Date]>([:])

    /// Who the journal belongs to: the scenario's file, and the participant in a workshop
    /// view, so that participants on one machine never share a journal.
    private let journalOwner: String?

    init(scenario: Scenario, file: String, viewer: String?) {
        journalOwner = viewer
        remember(file)
        if let text = try? String(contentsOfFile: journal(file), encoding: .utf8),
           let saved = try? ScenarioLoader.parse(text, file: journal(file)), saved != scenario {
            post(.journalFound(saved))
        }
    }

    private func journal(_ file: String) -> String { Journal.path(for: file, participant: journalOwner) }

    func perform(_ effect: Effect) {
        switch effect {
        case .quit: break
        case .cancelSearch: cancel()
        case .open(let path):
            do {
                let loaded = try ScenarioLoader.load(path: path)
                remember(path)
                post(.loaded(loaded, file: path))
            } catch {
                switch error {
                case .unreadable(let path, let reason): post(.message("\(path): \(reason)"))
                case .invalid(let diagnostics):
                    post(.message("\(diagnostics[0])" + (diagnostics.count > 1 ? " (and \(diagnostics.count - 1) more; entente validate lists them)" : "")))
                }
            }
        case .autosave(let current, let file):
            do {
                let path = journal(file)
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try AtomicFile.write(Data(ScenarioWriter.yaml(current).utf8), to: path)
            } catch {
                post(.message("cannot write the autosave journal: \(error.localizedDescription)"))
            }
        case .dropJournal(let file):
            try? FileManager.default.removeItem(atPath: journal(file))
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
            save(current, to: path, force: force)
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

    private func post(_ action: Action) { inbox.withLock { $0.append(action) } }

    /// Cancels the work in `slot` and puts a fresh flag there for its successor.
    private static func supersede(_ slot: borrowing Mutex<CancellationFlag?>) -> CancellationFlag {
        let flag = CancellationFlag()
        slot.withLock { previous in
            previous?.cancel()
            previous = flag
        }
        return flag
    }

    private static func modification(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    private func remember(_ path: String) {
        let date = Self.modification(path)
        known.withLock { $0[path] = date }
    }

    /// Saves atomically. Unless forced, refuses when the file changed on disk since the
    /// workbench last read or wrote it, or when it has comments that saving would drop.
    private func save(_ current: Scenario, to path: String, force: Bool) {
        if !force, let onDisk = Self.modification(path) {
            let expected = known.withLock { $0[path] }
            if expected == nil || expected != onDisk {
                post(.message("\(path) changed on disk since it was opened; :save! \(path) overwrites it"))
                return
            }
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            if text.split(separator: "\n").contains(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }) {
                post(.message("\(path) has comments that saving cannot keep; :save! saves anyway, or :save OTHER-FILE"))
                return
            }
        }
        do {
            try AtomicFile.write(Data(ScenarioWriter.yaml(current).utf8), to: path)
            remember(path)
            post(.saved(path))
        } catch {
            post(.message("cannot save \(path): \(error.localizedDescription)"))
        }
    }

    /// Actions that arrived since the last call.
    func drain() -> [Action] { inbox.withLock { actions in defer { actions = [] }; return actions } }

    /// Stops the running search and analysis (on quit).
    func cancel() {
        running.withLock { $0?.cancel() }
        analysing.withLock { $0?.cancel() }
        previewing.withLock { $0?.cancel() }
    }
}

/// Where unsaved edits of a scenario file are journalled: one file per scenario under
/// `$XDG_STATE_HOME/entente` (by default `~/.local/state/entente`).
enum Journal {
    static func path(for file: String, participant: String? = nil) -> String {
        let environment = ProcessInfo.processInfo.environment
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/state")
        let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let owner = participant.map { "-as-" + $0 } ?? ""
        return "\(state)/entente/\(name)-\(String(fnv1a(absolute), radix: 16))\(owner).journal.yaml"
    }

    /// FNV-1a, 64 bits: stable across runs, unlike Swift's seeded Hasher.
    private static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
