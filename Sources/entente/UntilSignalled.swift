import Dispatch
import Foundation
import Synchronization

/// How a long-running command ended.
enum RunOutcome: Sendable {
    /// Its work returned by itself.
    case stopped
    /// SIGINT or SIGTERM stopped it.
    case interrupted
    /// Its work failed, for this reason.
    case failed(String)
}

/// Runs `work` until it returns, fails, or the process gets SIGINT or SIGTERM (the work is
/// then cancelled and waited for), blocking the calling thread meanwhile.
func runUntilSignalled(_ work: @escaping @Sendable () async throws -> Void) -> RunOutcome {
    let done = DispatchSemaphore(value: 0)
    let outcome = OutcomeBox()
    let task = Task {
        do {
            try await work()
            outcome.value.withLock { $0 = $0 ?? .stopped }
        } catch {
            outcome.value.withLock { $0 = $0 ?? .failed(String(describing: error)) }
        }
        done.signal()
    }
    var sources: [any DispatchSourceSignal] = []
    for signalNumber in [SIGINT, SIGTERM] {
        signal(signalNumber, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
        source.setEventHandler {
            outcome.value.withLock { $0 = .interrupted }
            task.cancel()
        }
        source.resume()
        sources.append(source)
    }
    done.wait()
    sources.forEach { $0.cancel() }
    return outcome.value.withLock { $0 } ?? .stopped
}

/// The outcome, set by the work or by a signal, whichever comes first; a reference, so
/// that the task and the signal handlers can share it.
private final class OutcomeBox: Sendable {
    let value = Mutex<RunOutcome?>(nil)
}
