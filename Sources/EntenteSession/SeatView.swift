import EntenteCore

/// What one seat may see of a session, built in one place (`Session.view(for:)`): the
/// workbench draws from this and holds nothing else of the document, so a screen cannot
/// show what the seat was never sent.
public struct SeatView: Sendable, Equatable {
    /// The seat the view was built for, and the role it was built through (its own, or the
    /// delegation a facilitator is previewing).
    public let seat: Seat
    public let lens: Role
    /// The document's revision: results computed on another revision are stale.
    public let revision: Int
    /// The scenario as this seat may see it (`Scenario.seen(by:)` for a delegation), in the
    /// seat's future: what every screen shows.
    public let scenario: Scenario
    /// The document as this seat may see it, with no future applied: what edits change.
    public let today: Scenario
    /// The future the seat looks at (nil: today).
    public let future: String?
    /// Today and every future (none when the scenario has none), with the seat's package
    /// and pins in each, as far as the seat may know them.
    public let futures: [FutureStandings]
    /// The seat's builder package, its holds and its pins.
    public let package: Package
    public let offTable: Set<String>
    public let fixed: [String: String]
    public let pinned: [Pin]
    /// The builder's package and each pin, evaluated as far as this seat may know.
    public let evaluation: SeatEvaluation
    public let pinEvaluations: [SeatEvaluation]
    /// Whether undo and redo would do something for this seat.
    public let canUndo: Bool
    public let canRedo: Bool

    /// The pinned packages, oldest first.
    public var pins: [Package] { pinned.map(\.package) }

    /// The actor whose stance alone is shown, or nil when every actor's is.
    public var actor: String? { lens.actor }

    /// True when the seat may widen its view to every actor's (a facilitator previewing).
    public var mayWiden: Bool { seat.role == .facilitator }

    /// Why the builder may not move an issue, or nil when it may.
    public func hold(on issue: Int) -> String? {
        guard scenario.issues.indices.contains(issue) else { return nil }
        return Workspace.hold(on: scenario.issues[issue], offTable: offTable, fixed: fixed)
    }
}

/// A package evaluated for one seat: every actor's gain and the coalition for a seat that
/// sees everything; for a delegation only its own gain and whether it would join.
///
/// Whether a package is viable is not shown to a delegation: it depends on every other
/// actor's margin and red lines, and a participant who moved one issue at a time and
/// watched viability flip would read them off. At a table, viability is learned the way
/// negotiators learn it, from the answers to proposals.
public struct SeatEvaluation: Sendable, Equatable {
    public let package: Package
    /// The full evaluation, for a seat that sees everything; nil for a delegation.
    public let full: PackageEvaluation?
    /// The delegation's own standing; nil for a seat that sees everything.
    public let own: Standing?

    /// An actor's standing, when this seat may know it (every actor's for a full view, the
    /// delegation's own otherwise).
    public func standing(of actor: Int) -> Standing? {
        if let full {
            return Standing(actor: actor, gain: full.gains[actor], joins: full.coalition.contains(actor), redLined: full.redLined.contains(actor))
        }
        return own?.actor == actor ? own : nil
    }
}

/// One actor's standing under a package, from its own stance alone.
public struct Standing: Sendable, Equatable {
    public let actor: Int
    /// Gain over the status quo, in utility points.
    public let gain: Double
    /// True when the actor gains more than its margin and hits no red line of its own.
    public let joins: Bool
    /// True when the package contains one of the actor's red lines.
    public let redLined: Bool

    public init(actor: Int, gain: Double, joins: Bool, redLined: Bool) {
        self.actor = actor
        self.gain = gain
        self.joins = joins
        self.redLined = redLined
    }
}

/// Today or one future, with the seat's builder package and pins evaluated in it: what
/// the Overview's figure and Compare show across the futures.
public struct FutureStandings: Sendable, Equatable {
    /// `today`, or the future's id.
    public let id: String
    public let name: String
    public let package: SeatEvaluation
    public let pins: [SeatEvaluation]
}
