/// Per-actor numbers laid out in vectors of eight lanes, padded at the end, so that the
/// scanning kernel updates and compares eight actors per instruction.
public typealias Lanes = SIMD8<Int32>

enum ActorLanes {
    /// Vectors needed for `actors` actors (at least one).
    static func chunks(_ actors: Int) -> Int { max(1, (actors + 7) / 8) }
}
