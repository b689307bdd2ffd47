import EntenteCore

/// A seat's workspace as it is kept between sessions: the builder's package, the holds,
/// the pins, the future looked at and the finder's constraints, all by id, so the record
/// still fits a scenario edited (or saved under another name) since, and only what still
/// exists is put back. The workbench writes it beside the file's journal after every change
/// and restores it when the file is opened again (docs/architecture.md, "The workspace").
public struct SavedWorkspace: Codable, Equatable, Sendable {
    /// Issue id → option id, for every issue of the package (the builder's, each pin's).
    public var package: [String: String]
    public var offTable: [String]
    public var fixed: [String: String]
    public var pins: [SavedPin]
    public var future: String?
    public var finder: FinderSettings

    /// A pinned package by ids, with its name and note.
    public struct SavedPin: Codable, Equatable, Sendable {
        public var package: [String: String]
        public var name: String
        public var note: String
    }

    /// The coalition finder's own constraints, which the workbench keeps (the session does
    /// not search for a seat until asked).
    public struct FinderSettings: Codable, Equatable, Sendable {
        public var objective: Objective
        public var include: [String]
        public var exclude: [String]
        public var minMembers: Int

        public init(objective: Objective = .capability, include: [String] = [], exclude: [String] = [], minMembers: Int = 0) {
            self.objective = objective
            self.include = include
            self.exclude = exclude
            self.minMembers = minMembers
        }
    }

    public init(package: [String: String], offTable: [String], fixed: [String: String], pins: [SavedPin], future: String?, finder: FinderSettings) {
        self.package = package
        self.offTable = offTable
        self.fixed = fixed
        self.pins = pins
        self.future = future
        self.finder = finder
    }

    /// A package by ids, for `scenario`: each issue's option where the record names one the
    /// issue still has, its status quo elsewhere.
    static func package(_ ids: [String: String], in scenario: Scenario) -> Package {
        Package(choices: scenario.issues.map { issue in ids[issue.id].flatMap(issue.optionIndex) ?? issue.statusQuoIndex })
    }

    static func ids(_ package: Package, in scenario: Scenario) -> [String: String] {
        Dictionary(uniqueKeysWithValues: scenario.issues.indices.map { (scenario.issues[$0].id, scenario.issues[$0].options[package.choices[$0]].id) })
    }

    /// The finder's settings, keeping only actors the scenario still has.
    public func finder(in scenario: Scenario) -> FinderSettings {
        var settings = finder
        settings.include = finder.include.filter { scenario.actorIndex($0) != nil }
        settings.exclude = finder.exclude.filter { scenario.actorIndex($0) != nil }
        return settings
    }
}

extension Workspace {
    /// The record of this workspace (with the finder's settings the workbench keeps).
    func saved(in scenario: Scenario, finder: SavedWorkspace.FinderSettings) -> SavedWorkspace {
        SavedWorkspace(package: SavedWorkspace.ids(package, in: scenario), offTable: offTable.sorted(), fixed: fixed,
                       pins: pins.map { SavedWorkspace.SavedPin(package: SavedWorkspace.ids($0.package, in: scenario), name: $0.name, note: $0.note) },
                       future: future, finder: finder)
    }

    /// This workspace with a record put back: what the scenario still has, holds applied.
    /// The lens stays the seat's own, and undo starts afresh.
    func restoring(_ record: SavedWorkspace, in scenario: Scenario) -> Workspace {
        var next = self
        next.package = SavedWorkspace.package(record.package, in: scenario)
        next.offTable = Set(record.offTable.filter { scenario.issueIndex($0) != nil })
        next.fixed = record.fixed.filter { hold in scenario.issueIndex(hold.key).flatMap { scenario.issues[$0].optionIndex(hold.value) } != nil }
        next.pins = Array(record.pins.map { Pin(package: SavedWorkspace.package($0.package, in: scenario), name: $0.name, note: $0.note) }.prefix(Session.pinLimit))
        next.future = record.future.flatMap { id in scenario.futures.contains { $0.id == id } ? id : nil }
        next.builderUndo = []
        next.builderRedo = []
        next.applyHolds(in: scenario)
        return next
    }
}
