import EntenteCore
import EntenteTUI
import Foundation
import Synchronization

/// Runs the workbench's effects off the main loop (searches on a thread of their own) and
/// hands their outcomes back as actions, which the loop picks up between key presses.
public final class EffectRunner: Sendable {
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

    /// Starts with the scenario opened from `file`: takes its journal's lock and offers
    /// back what the journal holds (the offer arrives through `drain`).
    public init(scenario: Scenario, file: String, viewer: String?, journalFolder: String = Journal.folder()) {
        shown = Mutex(scenario)
        let inbox = Inbox()
        self.inbox = inbox
        files = WorkbenchFiles(participant: viewer, journalFolder: journalFolder) { inbox.post($0) }
        files.opened(file, scenario: scenario)
    }

    public func perform(_ effect: Effect) {
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
    public func drain() -> [Action] { inbox.drain() }

    /// Stops the running search and analysis (on quit).
    public func cancel() {
        running.withLock { $0?.cancel() }
        analysing.withLock { $0?.cancel() }
        previewing.withLock { $0?.cancel() }
    }
}
