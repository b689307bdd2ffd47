import ArgumentParser
import EntenteCore
import EntenteSession
import EntenteTUI
import EntenteWorkbench
import EntenteWorkshop
import Foundation
import TerminalBackend

/// `entente join URL CODE`: the workbench as one seat at a workshop table.
struct JoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Sit at a workshop table: the workbench as the seat whose join code this is.",
        discussion: """
            Every screen shows only what the seat may see: a delegation its own stance and the \
            public table, the facilitator everything. The Table screen (9) holds the proposals, \
            answers, messages, the round's clock and the agreements; ? lists its keys. The \
            connection comes back by itself after a drop or a server restart. Joining again \
            with the same code, from another terminal, closes this one.

            Example: entente join ws://192.168.1.20:7070/ws CODE (docs/workshop.md).
            """)

    @Argument(help: "The table's server: ws://HOST:PORT/ws (HOST:PORT alone means that).")
    var url: String

    @Argument(help: "The seat's join code, as entente serve printed it.")
    var code: String

    /// How long to wait for the server's welcome before giving up.
    @Option(help: ArgumentHelp("Seconds to wait for the table to answer.", valueName: "seconds"))
    var wait: Double = 20

    func validate() throws {
        guard wait > 0, wait <= 3600 else { throw ValidationError("--wait takes 1…3600 seconds") }
    }

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ValidationError("entente join needs a terminal (over SSH: ssh -t)")
        }
        let address = Self.address(url)
        let host = TableHost(url: address, code: code)
        host.client.start()
        defer { host.client.stop() }
        Console.error("joining the table at \(address)…")
        let joined: (seat: TableSeat, scenario: Scenario)
        do {
            joined = try host.waitForWelcome(seconds: wait)
        } catch {
            Console.error("entente join: \(error)")
            throw ExitCodes.unavailable
        }
        let runner = EffectRunner(workshop: joined.scenario, seat: joined.seat.seat)
        defer { runner.cancel() }
        host.start(runner)
        let terminal = Terminal()
        terminal.start()
        defer { terminal.stop() }
        var state = AppState(view: runner.view, file: address, size: terminal.size)
        try WorkbenchLoop(terminal: terminal, perform: host.perform, drain: host.drain).run(&state)
    }

    /// The WebSocket URL: as given with a ws:// or wss:// scheme; `HOST:PORT` means
    /// `ws://HOST:PORT/ws`, and http(s):// is read as ws(s)://.
    static func address(_ text: String) -> String {
        var url = text
        if url.hasPrefix("http://") { url = "ws://" + url.dropFirst(7) }
        if url.hasPrefix("https://") { url = "wss://" + url.dropFirst(8) }
        if !url.hasPrefix("ws://") && !url.hasPrefix("wss://") { url = "ws://" + url }
        let afterScheme = url.range(of: "://").map { url[$0.upperBound...] } ?? Substring(url)
        if !afterScheme.contains("/") { url += "/ws" }
        return url
    }
}
