import Logging

/// The server's log: one line per join, refusal and error on standard error, with the time,
/// the level and the table or connection it concerns.
public enum WorkshopLog {
    /// A logger writing to standard error at `info` and above.
    public static func standardError(label: String) -> Logger {
        var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .info
        return logger
    }
}
