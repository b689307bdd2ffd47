import EntenteCore

/// Everything a seat may ask of a session. Each command is checked against the seat's
/// role before it is applied (`Session.handle`), so a client can send anything and the
/// session decides.
public enum SessionCommand: Equatable, Sendable {
    /// Edit the scenario (undoable, journalled).
    case edit(ScenarioEdit)
    case undo
    case redo
    /// A change to the seat's own workspace, which no other seat sees.
    case workspace(WorkspaceCommand)
    /// Replace the scenario with edits restored from a journal (undoable, journalled).
    case restore(Scenario)
}

/// A change to one seat's workspace: its builder package, its holds, its pins, its lens.
public enum WorkspaceCommand: Equatable, Sendable {
    /// The seat's builder: set one issue's option, or put the whole package in place
    /// (holds still apply), or go back to the status quo.
    case choose(issue: Int, option: Int)
    case build(Package)
    case resetPackage
    /// The seat's holds: an issue on or off the table, or fixed at an option (nil releases it).
    case setOnTable(issue: String, Bool)
    case setFixed(issue: String, option: String?)
    /// The seat's pins for comparison (at most `Session.pinLimit`; the oldest makes way).
    case pin(Package)
    case clearPins
    /// Name and annotate pin `index` (from 0); empty texts clear them.
    case labelPin(Int, name: String, note: String)
    /// Look through a delegation's eyes (nil: the seat's own). Only a facilitator may.
    case look(as: String?)
    /// Look at the scenario in one of its futures (nil: today). Edits still change today's.
    case future(String?)
    /// Put back the workspace kept from an earlier session (what the scenario still has).
    case restore(SavedWorkspace)
}

/// A session's answer to one command: the seat's new view and what to tell it.
public struct SessionReply: Equatable, Sendable {
    public let view: SeatView
    /// The outcome in words for the status bar (nil when there is nothing to say).
    public let message: String?
    /// True when the command was refused or changed nothing it was meant to.
    public let refused: Bool
    /// True when the scenario itself changed (the host journals it).
    public let documentChanged: Bool

    public init(view: SeatView, message: String?, refused: Bool = false, documentChanged: Bool = false) {
        self.view = view
        self.message = message
        self.refused = refused
        self.documentChanged = documentChanged
    }
}

/// One change of the document, as the journal records it: who made it, on which revision.
public struct JournalEntry: Equatable, Sendable {
    public let revision: Int
    public let seat: String
    /// What was done, in words (an edit's summary, "undo", "restored").
    public let summary: String
    /// The actor whose private stance the change touched (nil: the public table or several).
    /// A delegation may read the entries it made and those about the public table.
    public let stanceOf: String?
}
