import Foundation
import Testing
@testable import EntenteServer

/// Join codes: 80 bits in 16 characters, read back as typed, hashed, compared in constant time.
@Suite struct JoinCodeTests {
    @Test func aCodeIsSixteenCharactersOfTheAlphabetInFourGroups() {
        let code = JoinCode.random()
        #expect(code.characters.count == 16)
        #expect(code.characters.allSatisfy { JoinCode.alphabet.contains($0) })
        #expect(code.description.split(separator: "-").map(\.count) == [4, 4, 4, 4])
        #expect(Double(JoinCode.alphabet.count) == 32 && JoinCode.bits == 16 * 5)
    }

    @Test func everyCharacterIsDrawnUniformly() {
        // 3,200 codes give 51,200 characters, 1,600 expected of each; a chi-squared over 31
        // degrees of freedom above 70 has a probability under 1e-4 for a uniform draw.
        var generator = SystemRandomNumberGenerator()
        var counts: [Character: Int] = [:]
        for _ in 0 ..< 3200 { for character in JoinCode.random(using: &generator).characters { counts[character, default: 0] += 1 } }
        let expected = 51_200.0 / 32
        let chiSquared = JoinCode.alphabet.reduce(0.0) { sum, character in
            let observed = Double(counts[character] ?? 0)
            return sum + (observed - expected) * (observed - expected) / expected
        }
        #expect(counts.count == 32 && chiSquared < 70, "chi-squared \(chiSquared)")
    }

    @Test func codesAreReadAsTypedForgivingCaseDashesAndLookAlikes() throws {
        let code = try #require(JoinCode(typed: "K7QM-3XRT-9BWA-PZ4C"))
        #expect(JoinCode(typed: "k7qm 3xrt 9bwa pz4c") == code)
        #expect(JoinCode(typed: "K7QM3XRT9BWAPZ4C") == code)
        #expect(JoinCode(typed: "OIL0-0000-0000-0000")?.characters == "0110000000000000")
        #expect(JoinCode(typed: "K7QM-3XRT-9BWA-PZ4") == nil, "one character short")
        #expect(JoinCode(typed: "K7QM-3XRT-9BWA-PZ4CC") == nil, "one too many")
        #expect(JoinCode(typed: "K7QM-3XRT-9BWA-PZ4U") == nil, "U is not in the alphabet")
        #expect(JoinCode(typed: "") == nil)
    }

    @Test func theHashIsSHA256OfTheNormalisedCharacters() throws {
        // SHA-256("0000000000000000"), from `printf 0000000000000000 | sha256sum`.
        let zeros = try #require(JoinCode(typed: "oooo-0000-0000-0000"))
        #expect(zeros.hash.map { String(format: "%02x", $0) }.joined() == "fcdb4b423f4e5283afa249d762ef6aef150e91fccd810d43e5e719d14512dec7")
        #expect(JoinCode(typed: "K7QM-3XRT-9BWA-PZ4C")?.hash == JoinCode(typed: "k7qm3xrt9bwapz4c")?.hash)
    }

    @Test func hashesCompareEqualOnlyWhenEveryByteIs() {
        let a = Data([1, 2, 3, 4])
        #expect(JoinCode.constantTimeEqual(a, Data([1, 2, 3, 4])))
        #expect(!JoinCode.constantTimeEqual(a, Data([1, 2, 3, 5])))
        #expect(!JoinCode.constantTimeEqual(a, Data([0, 2, 3, 4])))
        #expect(!JoinCode.constantTimeEqual(a, Data([1, 2, 3])))
        #expect(JoinCode.constantTimeEqual(Data(), Data()))
    }
}
