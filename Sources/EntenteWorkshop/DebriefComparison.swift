import EntenteCore

/// Several tables that played the same scenario, side by side: how many agreements each
/// reached and how good its last one was. Built from the tables' full debriefs.
public struct DebriefComparison: Codable, Equatable, Sendable {
    public let title: String
    public let tables: [TableOutcome]

    /// Nil when the debriefs are not all of one scenario (by title) or there are none.
    public init?(_ debriefs: [Debrief]) {
        guard let first = debriefs.first, debriefs.allSatisfy({ $0.title == first.title }) else { return nil }
        title = first.title
        tables = debriefs.map(TableOutcome.init)
    }

    public func rendered(_ format: DebriefFormat) throws -> String {
        switch format {
        case .text: DebriefDocument(self).text
        case .md: DebriefDocument(self).markdown
        case .json: String(decoding: try WireJSON.encodePretty(self), as: UTF8.self) + "\n"
        }
    }
}

/// One table's outcome in a comparison: its last agreement, the sum of its members' gains,
/// whether it was Pareto-efficient for them and how far from their Nash point.
public struct TableOutcome: Codable, Equatable, Sendable {
    public let table: String
    public let agreements: Int
    public let package: TablePackage?
    public let members: [String]
    /// Σ of the members' gains (nil when the debrief does not show every member's gain).
    public let memberGain: Double?
    public let paretoEfficient: Bool?
    public let nashDistance: Double?
    public let nearMisses: Int

    init(_ debrief: Debrief) {
        table = debrief.table
        agreements = debrief.agreements.count
        let last = debrief.agreements.last
        package = last?.package
        members = last?.members ?? []
        let gains = last?.gains.filter(\.member) ?? []
        memberGain = last != nil && debrief.full ? gains.reduce(0) { $0 + $1.gain } : nil
        paretoEfficient = last?.analysis?.paretoEfficient
        nashDistance = last?.analysis?.nash?.distance
        nearMisses = debrief.nearMisses.count
    }
}

extension DebriefDocument {
    init(_ comparison: DebriefComparison) {
        blocks.append(.heading(1, "Tables compared: \(comparison.title)"))
        blocks.append(.table(["table", "agreements", "last agreement", "members", "members' gain", "Pareto-efficient", "from Nash", "near misses"],
                             comparison.tables.map { outcome in
            [outcome.table, String(outcome.agreements), outcome.package?.text ?? "none", outcome.members.joined(separator: ", "),
             outcome.memberGain.map { Figures.signed($0) } ?? "–", outcome.paretoEfficient.map { $0 ? "yes" : "no" } ?? "–",
             outcome.nashDistance.map { Figures.fixed($0) } ?? "–", String(outcome.nearMisses)]
        }, rightAligned: [1, 4, 6, 7]))
    }
}
