import EntenteWorkshopBots
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Drives the real binary inside a private tmux server, as a person at a terminal would:
/// keys via `send-keys`, the screen via `capture-pane`, polling until text appears.
///
/// Processes are started with posix_spawn and an empty signal mask: test threads block
/// signals, and a tmux server inheriting that mask would never deliver SIGWINCH or SIGTERM.
final class TmuxSession {
    let socket = "entente-test-\(UUID().uuidString.prefix(8))"
    let name = "workbench"

    /// Starts a shell in a new detached session of the given size, in `directory`, under
    /// `locale` (C: a terminal without UTF-8).
    init(columns: Int = 100, rows: Int = 30, directory: String, locale: String = "C.UTF-8") throws {
        let status = Self.spawn(["tmux", "-f", "/dev/null", "-L", socket, "new-session", "-d", "-s", name,
                                 "-x", "\(columns)", "-y", "\(rows)", "-c", directory,
                                 "-e", "LANG=\(locale)", "-e", "LC_ALL=\(locale)", "-e", "PS1=$ ", "sh"], capture: false).status
        guard status == 0 else { throw CocoaError(.executableLoad) }
    }

    deinit { _ = Self.spawn(["tmux", "-L", socket, "kill-server"], capture: false) }

    /// Types text followed by Enter.
    func type(_ line: String) { send(line, "Enter") }

    /// Sends keys by tmux's names ("q", "Escape", "Enter", "C-c").
    func send(_ keys: String...) { _ = Self.spawn(["tmux", "-L", socket, "send-keys", "-t", name] + keys, capture: false) }

    /// Clicks the left button at a cell (0-based), as a terminal reports it: an X10 mouse
    /// press and release, typed into the pane.
    func click(column: Int, row: Int) {
        let at = String(UnicodeScalar(UInt8(33 + column))) + String(UnicodeScalar(UInt8(33 + row)))
        _ = Self.spawn(["tmux", "-L", socket, "send-keys", "-t", name, "-l", "\u{1B}[M " + at + "\u{1B}[M#" + at], capture: false)
    }

    func resize(columns: Int, rows: Int) {
        _ = Self.spawn(["tmux", "-L", socket, "resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"], capture: false)
    }

    /// The visible screen as text.
    var screen: String { Self.spawn(["tmux", "-L", socket, "capture-pane", "-p", "-t", name], capture: true).output }

    /// Polls the screen until `condition` holds or `seconds` pass; returns the last screen.
    @discardableResult
    func wait(seconds: Double = 15, until condition: (String) -> Bool) -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        repeat {
            last = screen
            if condition(last) { return (true, last) }
            usleep(50_000)
        } while Date() < deadline
        return (false, last)
    }

    func wait(for text: String, seconds: Double = 15) -> (ok: Bool, screen: String) {
        wait(seconds: seconds) { $0.contains(text) }
    }

    /// Runs a program with an empty signal mask; captures standard output when asked (never
    /// for a command that may start the tmux server, which would hold the pipe open).
    @discardableResult
    static func spawn(_ arguments: [String], capture: Bool) -> (status: Int32, output: String) {
        var pipeEnds: [Int32] = [-1, -1]
        if capture { pipe(&pipeEnds) }
        guard let pid = try? ChildProcess.spawn(arguments, stdout: capture ? .pipe(write: pipeEnds[1], read: pipeEnds[0]) : .discard) else {
            if capture { close(pipeEnds[0]); close(pipeEnds[1]) }
            return (-1, "")
        }
        var output = Data()
        if capture {
            close(pipeEnds[1])
            let handle = FileHandle(fileDescriptor: pipeEnds[0], closeOnDealloc: true)
            output = handle.readDataToEndOfFile()
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return ((status >> 8) & 0xFF, String(decoding: output, as: UTF8.self))
    }
}
