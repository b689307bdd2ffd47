import EntenteCore

/// The questions about a file's journal, drawn as a box over the screen until answered:
/// another workbench holds the journal (journal of its own, or read-only?), or unsaved
/// edits were found (restore, discard, or see what would change).
enum JournalDialog {
    static func content(_ state: AppState, width: Int) -> (title: String, lines: [String], scroll: Int)? {
        let file = TerminalText.escaped(state.file)
        if let holder = state.lockHolder {
            var lines = TextWrap.wrap("\(file) is open in another workbench (\(holder)). Two workbenches writing one journal would lose one's edits after a crash.", width: width)
            lines.append("")
            lines += WorkbenchView.keyLines(Keymap.lockedJournal.map { ($0.keyLabel, $0.help) })
            return ("Another workbench has this file open", lines, 0)
        }
        guard let offer = state.journal else { return nil }
        let answers = WorkbenchView.keyLines(Keymap.journalOffer.filter { binding in
            if case .scroll = binding.action { return false } else { return true }
        }.map { ($0.keyLabel, $0.help) })
        if offer.showingChanges {
            let changes = offer.changes.map(TerminalText.escaped)
            let lines = answers + ["", "\(Keymap.pair(.scroll(1), .scroll(-1), in: Keymap.journalOffer)) scroll; - the file now, + the edits:", ""] + (changes.isEmpty ? ["(no difference)"] : changes)
            return ("What restoring would change in \(file)", lines, offer.scroll)
        }
        var text = "\(file) has edits that were never saved"
        if let written = offer.written { text += ", journalled \(written)" }
        var lines = TextWrap.wrap(text + ".", width: width)
        if offer.fileChanged {
            lines.append("")
            lines += TextWrap.wrap("\(file) has changed on disk since these edits were made: restoring brings back the older version with the edits, and :save then asks before overwriting the change made on disk.", width: width)
        }
        lines.append("")
        return ("Unsaved edits from an earlier session", lines + answers, 0)
    }
}
