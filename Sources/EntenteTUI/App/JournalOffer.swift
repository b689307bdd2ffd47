import EntenteCore

/// Unsaved edits found in a journal (after a crash, or left behind by `:open!`), offered
/// back until they are answered: restored, discarded, or looked at first. Until then the
/// scenario cannot be edited, so the journal is never overwritten unseen.
public struct JournalOffer: Equatable, Sendable {
    /// What restoring would change, as lines of the scenario file (`ScenarioDiff`), built
    /// by the session for this seat: a delegation is never shown another actor's stance.
    public var changes: [String]
    /// When the journal was written, for the person to recognise it (nil: unknown).
    public var written: String?
    /// True when the scenario file changed on disk after the edits began: restoring brings
    /// back the older version, and saving it would undo the change made on disk.
    public var fileChanged: Bool
    /// Showing what restoring would change, and how far that list is scrolled.
    public var showingChanges = false
    public var scroll = 0

    public init(changes: [String], written: String?, fileChanged: Bool) {
        self.changes = changes
        self.written = written
        self.fileChanged = fileChanged
    }
}
