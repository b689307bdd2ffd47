import EntenteCore

/// One seat's own work on the table: the package in its builder, the issues it holds off
/// the table or fixed, its pins, and whose eyes it looks through. Each seat has its own, so
/// one participant's trial packages never show on another's screen.
struct Workspace: Sendable, Equatable {
    var package: Package
    /// Issue ids held at their status quo, and issues fixed at an option (issue → option).
    var offTable: Set<String> = []
    var fixed: [String: String] = [:]
    /// Packages pinned for comparison, oldest first.
    var pins: [Pin] = []
    /// The role the seat sees through: its own, or (for a facilitator previewing a
    /// delegation's screen) that delegation's.
    var lens: Role
    /// The future the seat looks at (an id of the scenario's futures); nil: today.
    var future: String?
    /// The builder's packages before each of its changes (undo), and after each undone one
    /// (redo), newest last; the session interleaves them with the document's own undo by
    /// their sequence numbers.
    var builderUndo: [BuilderStep] = []
    var builderRedo: [BuilderStep] = []

    /// One change of the builder's package: the package on the other side of it, what it
    /// was in words, and when it happened among the session's changes.
    struct BuilderStep: Sendable, Equatable {
        var package: Package
        let summary: String
        let sequence: Int
    }

    init(scenario: Scenario, role: Role) {
        package = scenario.statusQuo
        lens = role
    }

    /// The workspace after an edit of the scenario: the package, pins and holds follow the
    /// issues and options by id, so a split or a dropped option moves them to what is left.
    func carried(from old: Scenario, to new: Scenario) -> Workspace {
        var next = self
        next.package = package.carried(from: old, to: new)
        next.pins = pins.map { Pin(package: $0.package.carried(from: old, to: new), name: $0.name, note: $0.note) }
        next.builderUndo = builderUndo.map { $0.carried(from: old, to: new) }
        next.builderRedo = builderRedo.map { $0.carried(from: old, to: new) }
        next.offTable = offTable.filter { new.issueIndex($0) != nil }
        next.fixed = fixed.filter { hold in new.issueIndex(hold.key).flatMap { new.issues[$0].optionIndex(hold.value) } != nil }
        next.applyHolds(in: new)
        if let future, !new.futures.contains(where: { $0.id == future }) { next.future = nil }
        return next
    }

    /// Puts every held issue at its hold (off the table: status quo; fixed: its option).
    mutating func applyHolds(in scenario: Scenario) {
        for (index, issue) in scenario.issues.enumerated() {
            if let option = fixed[issue.id].flatMap(issue.optionIndex) {
                package.choices[index] = option
            } else if offTable.contains(issue.id) {
                package.choices[index] = issue.statusQuoIndex
            }
        }
    }

    /// Why the builder may not move an issue (off the table or fixed), or nil when it may.
    func hold(on issue: Issue) -> String? { Self.hold(on: issue, offTable: offTable, fixed: fixed) }

    static func hold(on issue: Issue, offTable: Set<String>, fixed: [String: String]) -> String? {
        if let option = fixed[issue.id] { return "\(issue.id) is fixed at \(option) (f on Issues, or :fix \(issue.id), releases it)" }
        if offTable.contains(issue.id) { return "\(issue.id) is off the table (t on Issues, or :table \(issue.id) on, puts it back)" }
        return nil
    }
}

extension Workspace.BuilderStep {
    func carried(from old: Scenario, to new: Scenario) -> Self {
        var next = self
        next.package = package.carried(from: old, to: new)
        return next
    }
}
