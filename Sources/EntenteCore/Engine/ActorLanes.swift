/// Per-actor numbers laid out in vectors of eight lanes, padded at the end, so that the
/// scanning loop updates and compares eight actors per instruction.
public typealias Lanes = SIMD8<Int32>

enum ActorLanes {
    /// Vectors needed for `actors` actors (at least one).
    static func chunks(_ actors: Int) -> Int { max(1, (actors + 7) / 8) }

    /// Bits of up to four comparison masks (32 actors) in one word: mask k sets bits
    /// 8k ..< 8k + 8. The masks are merged lane-wise first and reduced across lanes once,
    /// since the reduction is the expensive part.
    @inline(__always)
    static func bits(_ masks: (SIMDMask<Lanes>, SIMDMask<Lanes>, SIMDMask<Lanes>, SIMDMask<Lanes>), count: Int) -> UInt64 {
        let zero = Lanes(repeating: 0)
        var merged = zero.replacing(with: Lanes(1, 2, 4, 8, 16, 32, 64, 128), where: masks.0)
        if count > 1 { merged |= zero.replacing(with: Lanes(1, 2, 4, 8, 16, 32, 64, 128) &<< 8, where: masks.1) }
        if count > 2 { merged |= zero.replacing(with: Lanes(1, 2, 4, 8, 16, 32, 64, 128) &<< 16, where: masks.2) }
        if count > 3 { merged |= zero.replacing(with: Lanes(1, 2, 4, 8, 16, 32, 64, 128) &<< 24, where: masks.3) }
        return UInt64(UInt32(bitPattern: merged.wrappedSum()))
    }
}
