import ArgumentParser
import EntenteCore
import EntenteServer
import EntenteWorkshop
import Foundation

/// `entente debrief DB`: what happened at a workshop's tables, read from the server's file.
struct DebriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debrief",
        abstract: "Debrief a workshop from its server file: timeline, agreements, what was possible.",
        usage: "entente debrief workshop.sqlite [--table T] [--for SEAT] [--format text|md|json]",
        discussion: """
            Reads the event log `entente serve` keeps (it may still be serving) and prints, for \
            each table or the one named, the timeline by round, each agreement with its \
            members and every actor's gain, near misses and the engine's best packages under \
            the same rules, then the tables that played one scenario compared. --for SEAT shows only what that seat may see, until the \
            facilitator reveals the table.
            """)

    @Argument(help: "The workshop's SQLite file (serve's --db).", completion: .file(extensions: ["sqlite"]))
    var db: String

    @Option(help: ArgumentHelp("Only this table.", valueName: "id"))
    var table: String?

    @Option(name: .customLong("for"), help: ArgumentHelp("Only what this seat may see.", valueName: "seat"))
    var seat: String?

    @Option(help: "text, md or json.")
    var format: DebriefFormat = .text

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let archive: WorkshopArchive
        do {
            archive = try WorkshopArchive(path: db)
        } catch ArchiveError.missing {
            Console.error("\(db): error: no such file")
            throw ExitCodes.noInput
        } catch {
            Console.error("\(db): error: not a workshop file Entente can read: \(error)")
            throw ExitCodes.badData
        }
        var tables = archive.tables
        if let table {
            tables = tables.filter { $0.id == table }
            guard !tables.isEmpty else {
                throw ValidationError("--table: no table '\(table)' in \(db); expected one of: \(archive.tables.map(\.id).joined(separator: ", "))")
            }
        }
        guard !tables.isEmpty else { throw ValidationError("\(db) holds no tables") }
        if let seat, let missing = tables.first(where: { table in !table.setup.seats.contains { $0.id == seat } }) {
            throw ValidationError("--for: table \(missing.id) has no seat '\(seat)'; expected one of: \(missing.setup.seats.map(\.id).joined(separator: ", "))")
        }
        let debriefs = tables.map { Debrief(setup: $0.setup, events: $0.events, table: $0.id, for: seat) }
        // Tables of one scenario side by side, in the facilitator's debrief of several.
        let comparisons = seat != nil || debriefs.count < 2 ? [] : Dictionary(grouping: debriefs, by: \.title)
            .filter { $0.value.count > 1 }.sorted { $0.key < $1.key }.compactMap { DebriefComparison($0.value) }
        if format == .json {
            let json = debriefs.count == 1 ? try debriefs[0].rendered(.json)
                : String(decoding: try WireJSON.encodePretty(DebriefSet(debriefs: debriefs, comparisons: comparisons)), as: UTF8.self)
            try OutputOptions.emit(json, to: output)
        } else {
            let parts = try debriefs.map { try $0.rendered(format) } + comparisons.map { try $0.rendered(format) }
            try OutputOptions.emit(parts.joined(separator: "\n"), to: output)
        }
    }

    /// The JSON of several tables' debriefs, with the comparisons of those of one scenario.
    struct DebriefSet: Encodable {
        let debriefs: [Debrief]
        let comparisons: [DebriefComparison]
    }
}

extension DebriefFormat: ExpressibleByArgument {}
