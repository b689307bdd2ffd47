import CNcursesw
import Foundation

/// Signal handling that guarantees the terminal comes back: interrupts are recorded for the
/// run loop to stop on; crashes restore the terminal in the handler and then proceed.
enum TerminalSignals {
    /// The last interrupt signal received, 0 for none. Written only by the handler.
    nonisolated(unsafe) private static var interrupt: sig_atomic_t = 0
    nonisolated(unsafe) private static var active: sig_atomic_t = 0

    static func install() {
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            Foundation.signal(signal) { number in TerminalSignals.interrupt = number }
        }
        for signal in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] {
            Foundation.signal(signal) { number in
                if TerminalSignals.active != 0 { endwin() }
                Foundation.signal(number, SIG_DFL)
                raise(number)
            }
        }
    }

    static func terminalStarted() { active = 1 }
    static func terminalStopped() { active = 0 }

    /// An interrupt that arrived, once.
    static func pending() -> Int32? {
        let value = interrupt
        guard value != 0 else { return nil }
        interrupt = 0
        return value
    }
}
