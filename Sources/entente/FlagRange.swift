import ArgumentParser
import EntenteCore
import Foundation

/// Checks numbers given on the command line against their documented ranges (`Limits`,
/// docs/cli.md), so that no flag reaches the engine with a value it cannot hold. A value
/// outside its range, infinite or not a number is a usage error (exit 64) that names the
/// flag and the range.
enum FlagRange {
    static func check(_ value: Double?, _ flag: String, _ range: ClosedRange<Double>) throws {
        guard let value else { return }
        guard value.isFinite, range.contains(value) else {
            throw ValidationError("\(flag) \(String(format: "%g", value)) is out of range; expected \(range.lowerBound.limitText) to \(range.upperBound.limitText)")
        }
    }

    static func check(_ value: Int?, _ flag: String, _ range: ClosedRange<Int>) throws {
        guard let value else { return }
        guard range.contains(value) else {
            throw ValidationError("\(flag) \(value) is out of range; expected \(range.lowerBound) to \(range.upperBound)")
        }
    }

    /// How many results a listing may ask for: memory grows with it.
    static let top = 1...10_000
}
