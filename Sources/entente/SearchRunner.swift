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
        let cancellation = CancellationFlag()
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { cancellation.cancel() }
        source.resume()
        defer {
            source.cancel()
            signal(SIGINT, SIG_DFL)
        }
        let draw: @Sendable (SearchProgress) -> Void = { ProgressLine.draw($0) }
        let progress = showProgress ? draw : nil
        do {
            let result = try body(cancellation, progress)
            if showProgress { ProgressLine.clear() }
            return result
        } catch {
            throw ValidationError(error.description)
        }
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
