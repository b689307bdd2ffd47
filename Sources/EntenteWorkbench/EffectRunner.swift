import EntenteCore
import EntenteSession
import EntenteTUI
import Foundation
import Synchronization

/// Runs the workbench's effects and hands their outcomes back as actions, which the loop
/// picks up between key presses. It is the workbench's in-process host: it holds the
/// session (the one copy of every actor's stance), answers the seat's commands from it,
/// journals the document after each change, and runs searches, analyses and briefs on the
/// session's scenario off the main loop, each answered as the seat may see it.
public final class EffectRunner: Sendable {
    private let inbox: Inbox
    private let host: SessionHost
    private let running = Mutex<CancellationFlag?>(nil)
    /// The analysis and the brief preview in progress: a newer request cancels its
    /// predecessor, so at most one of each runs.
    private let analysing = Mutex<CancellationFlag?>(nil)
    private let previewing = Mutex<CancellationFlag?>(nil)
    /// The file being opened: Esc, or a newer :open, drops its result.
    private let opening = Mutex<CancellationFlag?>(nil)
    /// The files and journals of a workbench on a file of its own; nil at a workshop table,
    /// whose document is the server's (the workbench asks for no file effects there).
    private let files: WorkbenchFiles?
    /// The file loaded last, with its session, until the workbench takes it (`.adoptOpened`).
    private let loaded = Mutex<(file: String, session: Session)?>(nil)

    /// Starts a session on the scenario opened from `file`, with `seat` at it: takes the
    /// file's journal lock and offers back what the journal holds (through `drain`).
    public init(scenario: Scenario, file: String, seat: Seat = .solo, journalFolder: String = Journal.folder()) {
        let inbox = Inbox()
        let host = SessionHost(Session(scenario: scenario, seats: [seat]), seat: seat)
        self.inbox = inbox
        self.host = host
        files = WorkbenchFiles(participant: seat.role.actor, journalFolder: journalFolder,
                               changes: { journal in host.read { $0.changes(to: journal, for: seat.id) } }, post: { inbox.post($0) })
        files?.opened(file, scenario: scenario)
        restoreWorkspace(of: file)
    }

    /// Puts back the workspace kept from the last session on `file`: the finder's settings
    /// first, so that the reply's view is kept with them, then the session's part.
    private func restoreWorkspace(of file: String) {
        guard let record = files?.savedWorkspace(of: file) else { return }
        post(.files(.workspaceRestored(record.finder(in: host.read(\.scenario)))))
        answer(.workspace(.restore(record)))
    }

    /// A seat's workbench at a workshop table: the session holds only what the server sent
    /// the seat (the scenario as the seat may see it), so the builder's gains are computed
    /// here from the seat's own stance, and no file or journal is touched.
    public init(workshop scenario: Scenario, seat: Seat) {
        inbox = Inbox()
        host = SessionHost(Session(scenario: scenario, seats: [seat]), seat: seat)
        files = nil
    }

    /// The server sent the seat a new scenario (an inject, an edit of its stance): the
    /// session is rebuilt on it, the seat's workspace carried over as far as it still
    /// applies, and the new view posted with `message`.
    public func adopt(_ scenario: Scenario, message: String) {
        post(.session(host.rebase(on: scenario, message: message)))
    }

    /// Hands the main loop an action from outside (a frame from the table's server).
    public func deliver(_ action: Action) { post(action) }

    /// The seat's view of the session, for the workbench's first state.
    public var view: SeatView { host.read { $0.view(for: host.seat.id) } }

    public func perform(_ effect: Effect) {
        switch effect {
        case .quit: break
        // A workshop table's effects are carried out by its host (`entente join`), which
        // hands every other effect here.
        case .table, .prepareDebrief: break
        case .session(let command):
            answer(command)
        case .cancelSearch: cancel()
        case .open(let path):
            let flag = Self.supersede(opening)
            Thread.detachNewThread { [self] in
                do throws(ScenarioLoadError) {
                    let loaded = try ScenarioLoader.load(path: path)
                    guard !flag.isCancelled else { return }
                    if let actor = host.seat.role.actor, loaded.actorIndex(actor) == nil {
                        post(.files(.openFailed(file: path, "\(path) has no actor \(actor), and this workbench is \(actor)'s")))
                        return
                    }
                    let session = Session(scenario: loaded, seats: [host.seat])
                    self.loaded.withLock { $0 = (path, session) }
                    post(.files(.loaded(session.view(for: host.seat.id), file: path)))
                } catch {
                    guard !flag.isCancelled else { return }
                    switch error {
                    case .unreadable(_, let reason): post(.files(.openFailed(file: path, "\(path): \(reason)")))
                    case .invalid(let diagnostics):
                        post(.files(.openFailed(file: path, "\(diagnostics[0])" + (diagnostics.count > 1 ? " (and \(diagnostics.count - 1) more; entente validate lists them)" : ""))))
                    }
                }
            }
        case .cancelOpen:
            opening.withLock { $0?.cancel() }
        case .adoptOpened(let file):
            guard let session = loaded.withLock({ pending in pending?.file == file ? pending.take()?.session : nil }) else { return }
            host.replace(session)
            files?.opened(file, scenario: session.scenario)
            restoreWorkspace(of: file)
        case .dropJournal(let file):
            files?.drop(file)
        case .keepWorkspace(let finder):
            if let files, let record = host.read({ $0.saved(for: host.seat.id, finder: finder) }) { files.keepWorkspace(record, file: files.current) }
        case .restoreJournal(let file):
            guard let scenario = files?.adopt(file) else { return }
            answer(.restore(scenario))
        case .useOwnJournal(let file):
            files?.useOwnJournal(file, scenario: host.read(\.scenario))
        case .cancelAnalysis:
            analysing.withLock { $0?.cancel() }
        case .prepareBrief(let package):
            let flag = Self.supersede(previewing)
            let session = host.read { $0 }
            Thread.detachNewThread { [self] in
                var settings = BriefBuilder.Settings()
                settings.date = BriefDate.today()
                settings.timeLimit = AppState.analysisSeconds
                settings.cancellation = flag
                let audience = session.audience(of: host.seat.id)
                let text = (try? session.brief(of: package, for: host.seat.id, settings: settings)).map { BriefRenderer.render($0, as: .text) }
                if !flag.isCancelled { post(.files(.briefReady(package, audience: audience, text ?? "The brief could not be prepared."))) }
            }
        case .analyse(let package, let request):
            let flag = Self.supersede(analysing)
            let current: Scenario, revision: Int
            switch host.engineScenario("analysis") {
            case .success(let space): (current, revision) = space
            case .failure(let error):
                post(.message(error.description))
                return
            }
            let futures = host.read { (try? $0.outlook(of: package, for: host.seat.id)) ?? [] }
            Thread.detachNewThread { [self] in
                do {
                    let analysis = try PackageAnalysis(current, package: package, request: request, cancellation: flag)
                    if !flag.isCancelled { post(.finder(.analysisReady(AnalysisResult(analysis, revision: revision, futures: futures)))) }
                } catch {
                    post(.message("cannot analyse the package: \(error)"))
                }
            }
        case .save(let path, let force):
            files?.save(host.read(\.scenario), to: path, force: force)
        case .writeComparison(let text, let path, let force):
            if !force && FileManager.default.fileExists(atPath: path) {
                post(.message("\(path) exists; :compare! \(path) overwrites it"))
                return
            }
            do {
                try AtomicFile.write(Data(text.utf8), to: path)
                post(.message("comparison written to \(path)"))
            } catch {
                post(.message("cannot write \(path): \(error)"))
            }
        case .writeBrief(let package, let path, let audience, let format, let force):
            if !force && FileManager.default.fileExists(atPath: path) {
                post(.message("\(path) exists; :brief! \(path) overwrites it"))
                return
            }
            post(.message("writing the brief…"))
            let session = host.read { $0 }
            Thread.detachNewThread { [self] in
                do {
                    var settings = BriefBuilder.Settings()
                    settings.date = BriefDate.today()
                    settings.timeLimit = AppState.briefExportSeconds
                    settings.audience = audience
                    let brief = try session.brief(of: package, for: host.seat.id, settings: settings)
                    try AtomicFile.write(Data(BriefRenderer.render(brief, as: format).utf8), to: path)
                    let whose = brief.audience.map { "\($0)'s delegation brief" } ?? "brief"
                    post(.message("\(whose) written to \(path) (\(format.rawValue))"))
                } catch {
                    post(.message("cannot write \(path): \(error)"))
                }
            }
        case .startSearch(let request):
            let current: Scenario
            switch host.engineScenario("coalition finder") {
            case .success(let space): current = space.scenario
            case .failure(let error):
                post(.finder(.searchRefused(error.description)))
                return
            }
            search { flag throws(SearchRequestError) in
                .finder(.searchFinished(try PackageSearch(current).run(request, cancellation: flag) { self.post(.finder(.searchProgress($0))) }))
            }
        case .startRobustSearch(let request):
            let robust: RobustSearch
            switch host.read({ session in Result { () throws(SessionError) in try session.robustSearch(for: host.seat.id) } }) {
            case .success(let search): robust = search
            case .failure(let error):
                post(.finder(.searchRefused(error.description)))
                return
            }
            search { flag throws(SearchRequestError) in
                .finder(.robustFinished(try robust.run(request, cancellation: flag) { self.post(.finder(.searchProgress($0))) }))
            }
        }
    }

    /// Runs a search off the main loop, cancellable through the running slot, and posts its
    /// outcome, or why the request could not be searched.
    private func search(_ body: @escaping @Sendable (CancellationFlag) throws(SearchRequestError) -> Action) {
        let flag = CancellationFlag()
        running.withLock { $0 = flag }
        Thread.detachNewThread { [self] in
            do throws(SearchRequestError) {
                post(try body(flag))
            } catch {
                post(.finder(.searchRefused(error.description)))
            }
        }
    }

    /// Applies a command of the seat's to the session, journals the document when it
    /// changed, and posts the reply.
    private func answer(_ command: SessionCommand) {
        let (reply, scenario) = host.handle(command)
        if reply.documentChanged, let files { files.autosave(scenario, file: files.current) }
        post(.session(reply))
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

/// The session of an in-process workbench and the seat it serves, shared between the main
/// loop (commands) and the threads that search, analyse and write briefs (snapshots).
final class SessionHost: Sendable {
    let seat: Seat
    private let session: Mutex<Session>

    init(_ session: Session, seat: Seat) {
        self.seat = seat
        self.session = Mutex(session)
    }

    func read<T>(_ body: (Session) -> T) -> T { session.withLock { body($0) } }

    /// The scenario (and its revision) a search or analysis of this seat runs on, or why
    /// the seat may not run one.
    func engineScenario(_ what: String) -> Result<(scenario: Scenario, revision: Int), SessionError> {
        session.withLock { session in
            do throws(SessionError) {
                return .success((try session.engineScenario(for: seat.id, what), session.revision))
            } catch {
                return .failure(error)
            }
        }
    }

    func handle(_ command: SessionCommand) -> (SessionReply, Scenario) {
        session.withLock { session in (session.handle(command, from: seat.id), session.scenario) }
    }

    /// Puts a new session (a file just opened) in place.
    func replace(_ fresh: Session) { session.withLock { $0 = fresh } }

    /// A new session on `scenario` with this seat's workspace carried over (package, holds,
    /// pins, lens and future, each kept when it still applies), and the seat's reply.
    func rebase(on scenario: Scenario, message: String) -> SessionReply {
        session.withLock { session in
            let old = session.view(for: seat.id)
            var fresh = Session(scenario: scenario, seats: [seat])
            var commands: [WorkspaceCommand] = old.offTable.sorted().map { .setOnTable(issue: $0, false) }
            commands += old.fixed.keys.sorted().map { .setFixed(issue: $0, option: old.fixed[$0]) }
            commands += [.build(old.package)] + old.pins.map { .pin($0) }
            if old.lens != seat.role { commands.append(.look(as: old.lens.actor)) }
            if let future = old.future { commands.append(.future(future)) }
            // Packages name options by place: they carry over only onto the same issues and options.
            let shape = { (scenario: Scenario) in scenario.issues.map { [$0.id] + $0.options.map(\.id) } }
            if shape(scenario) == shape(old.today) {
                for command in commands { _ = fresh.handle(.workspace(command), from: seat.id) }
            }
            session = fresh
            return SessionReply(view: fresh.view(for: seat.id), message: message)
        }
    }
}
