/// Why a session refused a command: the seat may not do it, or the edit itself is wrong.
public struct SessionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What the participant is told.
    public let description: String

    public init(_ description: String) { self.description = description }

    static func unknownSeat(_ seat: String) -> SessionError { SessionError("no seat '\(seat)' at this table") }

    static func othersStance(_ actor: String) -> SessionError {
        SessionError("in the workshop view only \(actor)'s stance can be edited")
    }

    /// `widen` is the advice for a facilitator looking through a delegation's eyes, who may
    /// return to the full view; a delegation's own seat is told no more than the rule.
    static func tableIsFacilitators(widen: Bool) -> SessionError {
        SessionError("in the workshop view the issues are the facilitator's to edit" + (widen ? " (:as all ends the view)" : ""))
    }

    public static func readsEveryone(_ what: String, widen: Bool) -> SessionError {
        SessionError("the \(what) reads every actor's private values" + (widen ? ": :as all returns to the full view" : "; it is the facilitator's"))
    }

    static let observerEdits = SessionError("an observer's seat sees everything and edits nothing")

    static func lockedTo(_ actor: String) -> SessionError {
        SessionError("this workbench is \(actor)'s (opened with --as); the full view is the facilitator's")
    }
}
