import EntenteCore

/// The document being negotiated over and everything done to it: the scenario and its
/// revision, undo and redo, the journal of changes, the seats at the table with their
/// roles, and each seat's own workspace (builder package, holds, pins).
///
/// A session is the one place that holds every actor's private stance. Seats reach it only
/// through `handle(_:from:)`, which checks who may do what, and `view(for:)`, which builds
/// what a seat may see; engine work that needs everyone's values (search, analysis,
/// briefs) is asked of the session too (`Session+Engine.swift`), and answers as the seat
/// may see it. One user's workbench holds a session in-process; a workshop server will hold
/// one per table.
///
///     var session = Session(scenario: scenario, seats: [.solo, Seat(id: "eu", role: .delegation("eu"))])
///     let reply = session.handle(.edit(.salience(actor: "us", issue: "chips", 2)), from: "eu")
///     reply.refused  // true: a delegation edits only its own stance
public struct Session: Sendable {
    public private(set) var scenario: Scenario
    /// Counts the scenario's changes: every edit, undo, redo and restore moves it on.
    public private(set) var revision = 0
    public private(set) var seats: [String: Seat] = [:]
    /// Every change of the document, oldest first.
    public private(set) var journal: [JournalEntry] = []
    private var undoStack: [Change] = []
    private var redoStack: [Change] = []
    /// Numbers every change of the document and of a builder, so that undo takes back the
    /// seat's newest change, whichever of the two it was.
    private var sequence = 0
    private var workspaces: [String: Workspace] = [:]
    private var evaluator: PackageEvaluator
    /// Today and each future, compiled once per change (empty without futures).
    private(set) var lanes: [FutureLane]

    /// Pins kept per seat for comparison.
    public static let pinLimit = 3
    /// The longest name and note a pin may have, in characters.
    public static let pinNameLimit = 40
    public static let pinNoteLimit = 400

    /// A scenario as it was before a change, who made the change, and what it was (for
    /// "undone: …").
    private struct Change: Sendable {
        let scenario: Scenario
        let seat: String
        let stanceOf: String?
        let summary: String
        let sequence: Int
    }

    public init(scenario: Scenario, seats: [Seat] = [.solo]) {
        self.scenario = scenario
        evaluator = PackageEvaluator(CompiledScenario(scenario))
        lanes = FutureLane.lanes(of: scenario)
        for seat in seats { join(seat) }
    }

    /// Seats a participant (or gives a seat a new role, with a fresh workspace).
    public mutating func join(_ seat: Seat) {
        seats[seat.id] = seat
        workspaces[seat.id] = Workspace(scenario: scenario, role: seat.role)
    }

    // MARK: The projection

    /// What the seat may see: the scenario as its lens shows it, its own workspace, the
    /// evaluations of its packages as far as it may know them.
    public func view(for seatID: String) -> SeatView {
        guard let seat = seats[seatID], let workspace = workspaces[seatID] else {
            preconditionFailure("view(for:) of a seat that never joined: \(seatID)")
        }
        let lens = workspace.lens
        let lane = lane(workspace.future)
        let shown = lane?.shown ?? scenario
        return SeatView(
            seat: seat, lens: lens, revision: revision,
            scenario: lens.actor.map(shown.seen(by:)) ?? shown,
            today: lens.actor.map(scenario.seen(by:)) ?? scenario,
            future: lane?.id,
            futures: lanes.map { lane in
                FutureStandings(id: lane.id, name: lane.name, package: evaluate(workspace.package, for: lens, with: lane.evaluator),
                                pins: workspace.pins.map { evaluate($0.package, for: lens, with: lane.evaluator) })
            },
            package: workspace.package, offTable: workspace.offTable, fixed: workspace.fixed, pinned: workspace.pins,
            evaluation: evaluate(workspace.package, for: lens, with: lane?.evaluator ?? evaluator),
            pinEvaluations: workspace.pins.map { evaluate($0.package, for: lens, with: lane?.evaluator ?? evaluator) },
            canUndo: (undoStack.last.map { may(undo: $0, lens: lens) } ?? false) || !workspace.builderUndo.isEmpty,
            canRedo: (redoStack.last.map { may(undo: $0, lens: lens) } ?? false) || !workspace.builderRedo.isEmpty)
    }

    /// A package as a role may know it: everything, or the delegation's own standing.
    func evaluate(_ package: Package, for lens: Role, with evaluator: PackageEvaluator) -> SeatEvaluation {
        let full = evaluator.evaluate(package)
        guard let actor = lens.actor.flatMap(scenario.actorIndex) else {
            return SeatEvaluation(package: package, full: full, own: nil)
        }
        return SeatEvaluation(package: package, full: nil, own: Standing(
            actor: actor, gain: full.gains[actor], joins: full.coalition.contains(actor), redLined: full.redLined.contains(actor)))
    }

    /// The role a seat acts through (its lens), or nil for a seat that never joined.
    func lens(of seat: String) -> Role? { workspaces[seat]?.lens }

    /// The lane of a future (nil for today, or a future the scenario no longer has).
    private func lane(_ id: String?) -> FutureLane? { id.flatMap { id in lanes.first { $0.id == id } } }

    /// The scenario a seat's engine work reads: the document in the seat's future.
    func scenario(for seat: String) -> Scenario { lane(workspaces[seat]?.future)?.scenario ?? scenario }

    // MARK: Commands

    /// Applies one command from a seat, or refuses it with the reason, and answers with the
    /// seat's new view.
    public mutating func handle(_ command: SessionCommand, from seatID: String) -> SessionReply {
        guard seats[seatID] != nil else { preconditionFailure("\(SessionError.unknownSeat(seatID))") }
        let before = revision
        do {
            let message = try apply(command, from: seatID)
            return SessionReply(view: view(for: seatID), message: message, documentChanged: revision != before)
        } catch {
            return SessionReply(view: view(for: seatID), message: error.description, refused: true)
        }
    }

    private mutating func apply(_ command: SessionCommand, from seatID: String) throws(SessionError) -> String? {
        let seat = seats[seatID]!
        let lens = workspaces[seatID]!.lens
        switch command {
        case .edit(let edit):
            try check(edit, by: seat, lens: lens)
            let edited: Scenario
            do { edited = try edit.apply(to: scenario) } catch { throw SessionError(error.description) }
            let summary = edit.summary(in: scenario)
            guard edited != scenario else { throw SessionError("no change: " + summary) }
            let note = edit.staleNote(in: scenario)
            change(to: edited, by: seatID, summary: summary, stanceOf: edit.stanceOf)
            return summary + (note.map { "; \($0)" } ?? "")
        case .undo, .redo:
            return try undo(back: command == .undo, seatID: seatID, lens: lens)
        case .restore(let restored):
            guard seat.role != .observer else { throw SessionError.observerEdits }
            guard restored != scenario else { return nil }
            let count = ScenarioDiff.lines(from: scenario, to: restored).filter { $0.hasPrefix("+") || $0.hasPrefix("-") }.count
            change(to: restored, by: seatID, summary: "the restored journal (\(count) changed line\(count == 1 ? "" : "s") of the file, all at once)", stanceOf: nil)
            return nil
        case .workspace(let command):
            var workspace = workspaces[seatID]!
            defer { workspaces[seatID] = workspace }
            return try apply(command, to: &workspace, of: seat)
        }
    }

    /// Undoes (or redoes) the seat's newest change: the document's last change, when the
    /// seat may take it back, or its own builder's, whichever came later (for redo: whichever
    /// was undone last).
    private mutating func undo(back: Bool, seatID: String, lens: Role) throws(SessionError) -> String {
        let word = back ? "undone: " : "redone: "
        let document = back ? undoStack.last : redoStack.last
        let builder = back ? workspaces[seatID]!.builderUndo.last : workspaces[seatID]!.builderRedo.last
        let documentAllowed = document.map { may(undo: $0, lens: lens) } ?? false
        let takeBuilder: Bool
        switch (documentAllowed ? document : nil, builder) {
        case (nil, nil):
            if document != nil { throw SessionError("the last change was not \(lens.label)'s to \(back ? "undo" : "redo")") }
            throw SessionError(back ? "nothing to undo" : "nothing to redo")
        case (_?, nil): takeBuilder = false
        case (nil, _?): takeBuilder = true
        case (let change?, let step?): takeBuilder = back ? step.sequence > change.sequence : step.sequence < change.sequence
        }
        if takeBuilder, let step = builder {
            var workspace = workspaces[seatID]!
            let reverse = Workspace.BuilderStep(package: workspace.package, summary: step.summary, sequence: step.sequence)
            if back {
                workspace.builderUndo.removeLast()
                workspace.builderRedo.append(reverse)
            } else {
                workspace.builderRedo.removeLast()
                workspace.builderUndo.append(reverse)
            }
            workspace.package = step.package
            workspace.applyHolds(in: scenario)
            workspaces[seatID] = workspace
            return word + "in the builder, " + step.summary
        }
        let last = document!
        if back { undoStack.removeLast() } else { redoStack.removeLast() }
        let reverse = Change(scenario: scenario, seat: last.seat, stanceOf: last.stanceOf, summary: last.summary, sequence: last.sequence)
        if back { redoStack.append(reverse) } else { undoStack.append(reverse) }
        replace(with: last.scenario)
        journal.append(JournalEntry(revision: revision, seat: seatID, summary: back ? "undo" : "redo", stanceOf: last.stanceOf))
        return word + last.summary
    }

    /// A change to one seat's workspace.
    private mutating func apply(_ command: WorkspaceCommand, to workspace: inout Workspace, of seat: Seat) throws(SessionError) -> String? {
        switch command {
        case .choose(let issue, let option):
            guard scenario.issues.indices.contains(issue), scenario.issues[issue].options.indices.contains(option) else {
                throw SessionError("no option \(option) on issue \(issue)")
            }
            if let hold = workspace.hold(on: scenario.issues[issue]) { throw SessionError(hold) }
            var package = workspace.package
            package.choices[issue] = option
            let chosen = scenario.issues[issue]
            record(package, in: &workspace, summary: "\(Scenario.assignment(chosen.id, chosen.options[option].id)) (was \(chosen.options[workspace.package.choices[issue]].id))")
            return nil
        case .build(let package):
            guard package.choices.count == scenario.issues.count,
                  zip(package.choices, scenario.issues).allSatisfy({ $1.options.indices.contains($0) }) else {
                throw SessionError("that package is not one of this scenario's")
            }
            var held = workspace
            held.package = package
            held.applyHolds(in: scenario)
            record(held.package, in: &workspace, summary: "the package put in place")
            return nil
        case .resetPackage:
            var held = workspace
            held.package = scenario.statusQuo
            held.applyHolds(in: scenario)
            record(held.package, in: &workspace, summary: "back to the status quo")
            return nil
        case .setOnTable(let id, let on):
            guard scenario.issueIndex(id) != nil else { throw SessionError("unknown issue '\(id)'") }
            workspace.fixed[id] = nil
            if on { workspace.offTable.remove(id) } else { workspace.offTable.insert(id) }
            workspace.applyHolds(in: scenario)
            return on ? "\(id) is on the table" : "\(id) is off the table: held at its status quo"
        case .setFixed(let id, let option):
            guard let index = scenario.issueIndex(id) else { throw SessionError("unknown issue '\(id)'") }
            if let option, scenario.issues[index].optionIndex(option) == nil { throw SessionError("'\(option)' is not an option of issue '\(id)'") }
            workspace.fixed[id] = option
            if option != nil { workspace.offTable.remove(id) }
            workspace.applyHolds(in: scenario)
            return option.map { "\(id) is fixed at \($0) in the builder and in searches" } ?? "\(id) is free again"
        case .pin(let package):
            if let place = workspace.pins.firstIndex(where: { $0.package == package }) { return "already pinned as " + (workspace.pins[place].name.isEmpty ? "package \(place + 1)" : workspace.pins[place].name) }
            workspace.pins.append(Pin(package: package))
            guard workspace.pins.count > Self.pinLimit else { return "pinned as package \(workspace.pins.count) of \(Self.pinLimit)" }
            workspace.pins.removeFirst()
            return "pinned as package \(Self.pinLimit); the oldest pin made way (the others moved up one)"
        case .labelPin(let index, let name, let note):
            guard workspace.pins.indices.contains(index) else {
                throw SessionError(workspace.pins.isEmpty ? "nothing is pinned" : "no package \(index + 1): \(workspace.pins.count) are pinned")
            }
            guard name.count <= Self.pinNameLimit, note.count <= Self.pinNoteLimit else {
                throw SessionError("a pin's name is at most \(Self.pinNameLimit) characters and its note \(Self.pinNoteLimit)")
            }
            workspace.pins[index].name = name
            workspace.pins[index].note = note
            return "package \(index + 1) is \(name.isEmpty ? "unnamed" : "named \(name)")" + (note.isEmpty ? "" : ", with a note")
        case .clearPins:
            let count = workspace.pins.count
            workspace.pins = []
            return count == 0 ? "nothing was pinned" : "cleared \(count) pinned package\(count == 1 ? "" : "s")"
        case .look(let actor):
            guard seat.role == .facilitator else {
                if let own = seat.role.actor { throw SessionError.lockedTo(own) }
                throw SessionError("only the facilitator may look through a delegation's eyes")
            }
            if let actor, scenario.actorIndex(actor) == nil { throw SessionError("unknown actor '\(actor)'") }
            workspace.lens = actor.map(Role.delegation) ?? seat.role
            return actor.map { "workshop view: only \($0)'s stance is shown (:as all ends it)" } ?? "full view: every actor's stance is shown"
        case .restore(let record):
            workspace = workspace.restoring(record, in: scenario)
            return "the workspace of the last session is back: the builder's package, \(workspace.offTable.count + workspace.fixed.count) holds, \(workspace.pins.count) pins"
        case .future(let id):
            if let id, !scenario.futures.contains(where: { $0.id == id }) {
                throw SessionError(UnknownFutureError(id: id, known: scenario.futures.map(\.id)).description)
            }
            workspace.future = id
            return id.map { "future \($0): every screen is computed in it; edits still change today's scenario (w, or :future today, returns)" }
                ?? "today: the scenario as written"
        }
    }

    /// Puts a new package in a seat's builder, remembering the old one for undo (nothing is
    /// remembered when the package does not change).
    private mutating func record(_ package: Package, in workspace: inout Workspace, summary: String) {
        guard package != workspace.package else { return }
        sequence += 1
        workspace.builderUndo.append(Workspace.BuilderStep(package: workspace.package, summary: summary, sequence: sequence))
        workspace.builderRedo = []
        workspace.package = package
    }

    /// Whether the seat, acting through `lens`, may make this edit: a delegation changes
    /// only its own actor's stance; an observer changes nothing.
    private func check(_ edit: ScenarioEdit, by seat: Seat, lens: Role) throws(SessionError) {
        switch lens {
        case .facilitator: return
        case .observer: throw SessionError.observerEdits
        case .delegation(let actor):
            guard let stance = edit.stanceOf else { throw SessionError.tableIsFacilitators(widen: seat.role == .facilitator) }
            guard stance == actor else { throw SessionError.othersStance(actor) }
        }
    }

    /// Whether a role may undo (or redo) a change: the facilitator any, a delegation its
    /// own actor's, an observer none.
    private func may(undo change: Change, lens: Role) -> Bool {
        switch lens {
        case .facilitator: true
        case .observer: false
        case .delegation(let actor): change.stanceOf == actor
        }
    }

    /// Records a change: the old scenario goes on the undo stack, redo is dropped.
    private mutating func change(to edited: Scenario, by seat: String, summary: String, stanceOf: String?) {
        sequence += 1
        undoStack.append(Change(scenario: scenario, seat: seat, stanceOf: stanceOf, summary: summary, sequence: sequence))
        redoStack = []
        replace(with: edited)
        journal.append(JournalEntry(revision: revision, seat: seat, summary: summary, stanceOf: stanceOf))
    }

    /// Puts a (validated) scenario in place; every workspace follows it by id.
    private mutating func replace(with replacement: Scenario) {
        let old = scenario
        scenario = replacement
        evaluator = PackageEvaluator(CompiledScenario(replacement))
        lanes = FutureLane.lanes(of: replacement)
        revision += 1
        workspaces = workspaces.mapValues { $0.carried(from: old, to: replacement) }
    }

    /// A seat's workspace as it is kept between sessions, with the finder's settings the
    /// workbench holds.
    public func saved(for seatID: String, finder: SavedWorkspace.FinderSettings) -> SavedWorkspace? {
        workspaces[seatID].map { $0.saved(in: scenario, finder: finder) }
    }

    /// The journal as a seat may read it: a delegation sees its own changes and those of
    /// the public table, never what another delegation did to its stance.
    public func journal(for seatID: String) -> [JournalEntry] {
        guard let actor = lens(of: seatID)?.actor else { return journal }
        return journal.filter { $0.stanceOf == nil || $0.stanceOf == actor }
    }
}
