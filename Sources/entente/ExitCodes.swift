import ArgumentParser

/// The exit codes Entente promises (after sysexits.h), in one place.
enum ExitCodes {
    static let badData = ExitCode(65)
    static let noInput = ExitCode(66)
    /// A workshop table's server refused the join code or did not answer.
    static let unavailable = ExitCode(69)
    static let cannotCreate = ExitCode(73)
    static let interrupted = ExitCode(130)
}
