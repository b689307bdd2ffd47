import Crypto
import Foundation

/// A seat's secret: what a participant types to take their seat at a table.
///
/// A code is 80 random bits from the system's generator, written as 16 characters of
/// Crockford's base 32 in four groups (`K7QM-3XRT-9BWA-PZ4C`): no I, L, O or U, so it reads
/// aloud and types without confusion, and the reader forgives case, dashes, spaces and the
/// look-alikes O→0, I/L→1. The server stores only the SHA-256 of the normalised code and
/// compares hashes in constant time, so neither the file nor the timing gives a code away.
public struct JoinCode: Sendable, Equatable, CustomStringConvertible {
    /// The 16 characters, without dashes.
    public let characters: String

    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    /// Bits of randomness in a code.
    public static let bits = 80

    /// A fresh code from `generator` (the system's unless a test seeds one).
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> JoinCode {
        // 16 independent draws of 5 bits: 80 bits, uniform.
        let characters = String((0 ..< 16).map { _ in alphabet[Int.random(in: 0 ..< 32, using: &generator)] })
        return JoinCode(characters: characters)
    }

    /// A fresh code from the system's cryptographic generator.
    public static func random() -> JoinCode {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    init(characters: String) { self.characters = characters }

    /// Reads a code as a participant typed it, or nil when it cannot be one (wrong length or
    /// a character outside the alphabet).
    public init?(typed: String) {
        var characters = ""
        for character in typed.uppercased() {
            switch character {
            case "-", " ": continue
            case "O": characters.append("0")
            case "I", "L": characters.append("1")
            default:
                guard Self.alphabet.contains(character) else { return nil }
                characters.append(character)
            }
        }
        guard characters.count == 16 else { return nil }
        self.characters = characters
    }

    /// The code as it is printed: four groups of four.
    public var description: String {
        let array = Array(characters)
        return stride(from: 0, to: 16, by: 4).map { String(array[$0 ..< $0 + 4]) }.joined(separator: "-")
    }

    /// What the store keeps: the SHA-256 of the normalised characters.
    public var hash: Data { Data(SHA256.hash(data: Data(characters.utf8))) }

    /// Whether two hashes are equal, taking the same time wherever they differ.
    public static func constantTimeEqual(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}
