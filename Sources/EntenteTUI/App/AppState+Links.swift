import EntenteCore

extension AppState {
    /// The links the Interests cursor's actor has in today's scenario: the ones edits
    /// change (links a future adds belong to the future, and are shown beside them).
    public var ownLinks: [Link] {
        view.today.actors.indices.contains(cell.actor) ? view.today.actors[cell.actor].links : []
    }

    /// The link cursor, kept within the actor's own links (it stays put as the actor changes).
    public var linkCursor: Int { min(max(0, selectedLink), max(0, ownLinks.count - 1)) }

    /// The link under the cursor, when the actor has links of its own.
    var selectedOwnLink: Link? { ownLinks.isEmpty ? nil : ownLinks[linkCursor] }

    /// The pin Compare shows across the futures, kept within the pins there are.
    public var comparedPin: Int { min(max(0, selectedPin), max(0, pinned.count - 1)) }
}
