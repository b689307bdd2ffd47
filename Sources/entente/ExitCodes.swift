import ArgumentParser

/// The exit codes Entente promises (after sysexits.h), in one place.
enum ExitCodes {
    static let badData = ExitCode(65)
    static let noInput = ExitCode(66)
    static let cannotCreate = ExitCode(73)
    static let interrupted = ExitCode(130)
}
