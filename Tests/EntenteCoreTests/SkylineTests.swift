@testable import EntenteCore
import Testing

/// The skyline against its definition, by brute force, on sets large enough to be split
/// across two cores, with few distinct coordinates so that ties and equal points abound.
@Suite struct SkylineTests {
    static func points(_ seed: UInt64, count: Int, dimensions: Int, range: Int32) -> [Int32] {
        var random = SplitMix64(seed: seed)
        return (0..<count * dimensions).map { _ in Int32.random(in: 0..<range, using: &random) }
    }

    static func bruteForce(_ flat: [Int32], dimensions: Int) -> [Int] {
        let count = flat.count / dimensions
        func dominates(_ a: Int, _ b: Int) -> Bool {
            var strictly = false
            for d in 0..<dimensions {
                let x = flat[a * dimensions + d], y = flat[b * dimensions + d]
                if x < y { return false }
                if x > y { strictly = true }
            }
            return strictly
        }
        return (0..<count).filter { b in !(0..<count).contains { dominates($0, b) } }
    }

    @Test(arguments: [(UInt64(1), 5000, 3, Int32(40)), (2, 4500, 5, 12), (3, 6000, 9, 4), (4, 300, 2, 1000)])
    func skylineEqualsBruteForce(seed: UInt64, count: Int, dimensions: Int, range: Int32) {
        let flat = Self.points(seed, count: count, dimensions: dimensions, range: range)
        #expect(Skyline.undominated(flat, dimensions: dimensions) == Self.bruteForce(flat, dimensions: dimensions))
    }
}
