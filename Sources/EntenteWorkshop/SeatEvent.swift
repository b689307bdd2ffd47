/// An event as one seat may see it: the output of `Table.project(_:for:)`, the only thing
/// a seat is ever sent about the table's history.
public struct SeatEvent: Codable, Hashable, Sendable {
    /// Server time, seconds since 1970.
    public let at: Double
    public let fact: TableFact

    /// Only the projection makes these, so that no event reaches a seat unfiltered.
    init(at: Double, _ fact: TableFact) {
        self.at = at
        self.fact = fact
    }
}
