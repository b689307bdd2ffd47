import ArgumentParser
import EntenteCore
import EntenteServer
import EntenteWorkshop
import Foundation

/// `entente serve`: the workshop server, one or more tables per scenario, their logs in one
/// SQLite file; re-run on the same file, it resumes them.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Host workshop tables: participants join with `entente join URL CODE`.",
        usage: "entente serve SCENARIO... [--tables N] [--listen HOST:PORT] [--db FILE] [--codes FILE]",
        discussion: """
            A new --db file gets a table (or --tables N) per scenario, each with a facilitator \
            seat, a seat per actor and --observers N observer seats, and prints one join code \
            per seat (or writes them to --codes FILE, readable only by you). Codes are not \
            kept: only their hashes are stored, so keep the printout. Run again on the same \
            file (the scenarios may be left out) and the tables resume where their logs end, \
            with the same codes. Listens on 127.0.0.1 unless --listen opens another address; \
            port 0 lets the system choose. Stop with Ctrl-C: everything acknowledged is on disk.
            """)

    @Argument(help: "Scenario files (YAML or JSON); one or more tables each. Not needed to resume.",
              completion: .file(extensions: ["yaml", "yml", "json"]))
    var scenarios: [String] = []

    @Option(help: "Tables per scenario (1 to 100).")
    var tables = 1

    @Option(help: ArgumentHelp("Address and port to listen on.", valueName: "host:port"))
    var listen = "127.0.0.1:\(ServeCommand.defaultPort)"

    @Option(help: ArgumentHelp("The workshop's SQLite file (created if new, resumed if not).", valueName: "file"))
    var db = "workshop.sqlite"

    @Option(help: ArgumentHelp("Write the join codes to this file (mode 600) instead of standard output.", valueName: "file"))
    var codes: String?

    @Option(help: "How codes are written: text (a block per table) or json.")
    var codesFormat: CodesFormat = .text

    @Option(help: ArgumentHelp("Actors the engine plays at every table (it accepts a proposal exactly when the actor gains); the facilitator can hand them to a person.", valueName: "actor,..."),
            transform: { $0.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces)) } })
    var engineSeats: [String] = []

    @Option(help: "Observer seats per table (they see everything and act on nothing).")
    var observers = 0

    @Option(help: "sealed (responses hidden until the round closes) or open.")
    var voting: Voting = .sealed

    @Option(help: ArgumentHelp("A round's length when the facilitator does not name one.", valueName: "minutes"))
    var roundMinutes = 10.0

    static let defaultPort = 7420

    enum CodesFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        let (host, port) = try Self.address(listen)
        let store: EventStore
        do {
            store = try EventStore(path: db)
        } catch {
            Console.error("\(db): error: cannot open the workshop file: \(error)")
            throw ExitCodes.cannotCreate
        }
        let existing = try store.tables()
        if existing.isEmpty {
            guard !scenarios.isEmpty else { throw ValidationError("\(db) holds no tables yet: name the scenario files to create them from") }
            try createTables(in: store)
        } else {
            let files = Set(existing.map(\.scenarioFile))
            if let other = scenarios.first(where: { !files.contains($0) }) {
                throw ValidationError("\(db) already holds a workshop on \(files.sorted().joined(separator: ", ")); \(other) is not among them. Use a new --db for a new workshop.")
            }
            Console.error("resuming \(existing.count) table\(existing.count == 1 ? "" : "s") from \(db); the codes issued when they were created still work")
        }
        var options = WorkshopServer.Options()
        let codesFile = codes, format = codesFormat
        options.newCode = { table, seat, code in
            let issued = IssuedCode(table: table, seat: seat, code: code)
            Console.error("new code for \(table) \(seat.id): \(code)")
            if let codesFile { try? Self.append([issued], format: format, to: codesFile) }
        }
        let logger = WorkshopLog.standardError(label: "entente.serve")
        let server: WorkshopServer
        do {
            server = try WorkshopServer(store: store, options: options, logger: logger)
        } catch {
            Console.error("\(db): error: \(error)")
            throw ExitCodes.badData
        }
        let tableCount = server.tables.count
        let outcome = runUntilSignalled {
            try await server.run(host: host, port: port) { bound in
                Console.out("serving \(tableCount) table\(tableCount == 1 ? "" : "s") on ws://\(host):\(bound)/ws")
            }
        }
        switch outcome {
        case .interrupted: throw ExitCodes.interrupted
        case .stopped: return
        case .failed(let error):
            Console.error("error: cannot serve on \(listen): \(error)")
            throw ExitCodes.cannotCreate
        }
    }

    private func createTables(in store: EventStore) throws {
        var plan = TablePlan()
        plan.tablesPerScenario = tables
        plan.engineActors = Set(engineSeats)
        plan.observers = observers
        plan.voting = voting
        plan.roundSeconds = roundMinutes * 60
        let sources = try scenarios.map { TablePlan.Source(file: $0, scenario: try ScenarioArgument(file: $0).load()) }
        let planned: [(id: String, file: String, setup: TableSetup)]
        do {
            planned = try plan.setups(for: sources)
        } catch {
            throw ValidationError(error.description)
        }
        let issued = try store.createTables(planned, at: Date())
        if let codes {
            do {
                try Self.write(issued, format: codesFormat, to: codes)
            } catch {
                Console.error("\(codes): error: cannot write the codes: \(error)")
                throw ExitCodes.cannotCreate
            }
            Console.error("\(issued.count) codes for \(planned.count) table\(planned.count == 1 ? "" : "s") written to \(codes)")
        } else {
            // Written at once, unbuffered: the codes must not wait in a buffer for the process's end.
            FileHandle.standardOutput.write(Data(Self.render(issued, format: codesFormat).utf8))
        }
    }

    static func render(_ issued: [IssuedCode], format: CodesFormat) -> String {
        switch format {
        case .text: return issued.text
        case .json: return (try? JSONText.encode(issued)).map { $0 + "\n" } ?? ""
        }
    }

    /// Writes the codes to a new file only the trainer can read.
    static func write(_ issued: [IssuedCode], format: CodesFormat, to path: String) throws {
        FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        try Data(render(issued, format: format).utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    /// Adds codes issued while serving (a reset seat's) to the codes file: text files get
    /// lines, a JSON file is rewritten with the new entries at the end.
    static func append(_ issued: [IssuedCode], format: CodesFormat, to path: String) throws {
        switch format {
        case .text:
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(("\n" + issued.text).utf8))
        case .json:
            let old = (try? JSONDecoder().decode([IssuedCode].self, from: Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
            try write(old + issued, format: .json, to: path)
        }
    }

    /// `host:port` split, with the port checked.
    static func address(_ text: String) throws -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0 ... 65535).contains(port) else {
            throw ValidationError("--listen: expected HOST:PORT (127.0.0.1:\(defaultPort), 0.0.0.0:\(defaultPort) for every address, port 0 for any free one), not '\(text)'")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw ValidationError("--listen: the host is missing in '\(text)'") }
        return (host, port)
    }
}

extension Voting: ExpressibleByArgument {}
