import ArgumentParser
import Dispatch
import EntenteCore
import Foundation

/// Runs a long engine call from the command line: a progress line on a terminal, Ctrl-C to
/// stop early with what was found, and a usage error for requests the scenario cannot meet.
enum SearchRunner {
    static func run<Result>(
        showProgress: Bool,
        _ body: (CancellationFlag, (@Sendable (SearchProgress) -> Void)?) throws(SearchRequestError) -> Result
    ) throws -> Result {
        try cancellingOnInterrupt { cancellation in
            let draw: @Sendable (SearchProgress) -> Void = { ProgressLine.draw($0) }
            let progress = showProgress ? draw : nil
            do {
                let result = try body(cancellation, progress)
                if showProgress { ProgressLine.clear() }
                return result
            } catch {
                throw ValidationError(String(describing: error))
            }
        }
    }

    /// Runs `body` with a flag that Ctrl-C, or the end of `seconds` when given, sets instead
    /// of ending the process.
    static func cancellingOnInterrupt<Result>(after seconds: Double? = nil, _ body: (CancellationFlag) throws -> Result) throws -> Result {
        let cancellation = CancellationFlag()
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { cancellation.cancel() }
        source.resume()
        let timer = seconds.map { seconds in
            let timer = DispatchSource.makeTimerSource(queue: .global())
            timer.schedule(deadline: .now() + seconds)
            timer.setEventHandler { cancellation.cancel() }
            timer.resume()
            return timer
        }
        defer {
            timer?.cancel()
            source.cancel()
            signal(SIGINT, SIG_DFL)
        }
        return try body(cancellation)
    }
}

/// A one-line progress bar on standard error.
enum ProgressLine {
    static func draw(_ progress: SearchProgress) {
        let width = 30
        let filled = Int(progress.fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let text = "\r\(bar) \(Figures.percent(progress.fraction))  \(Figures.count(Double(progress.explored))) of \(Figures.count(progress.total)) packages  (Ctrl-C stops)"
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
