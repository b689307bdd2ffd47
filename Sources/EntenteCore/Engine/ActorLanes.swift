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

    /// Writes, one 64-bit word per 64 actors, the actors whose gain (as `gain(chunk)`
    /// gives it) exceeds their margin, less the actors in `excluded(word)`. Returns the
    /// union of all words, zero when nobody qualifies.
    @inline(__always)
    static func above(
        _ gain: (Int) -> Lanes, margins: UnsafeMutablePointer<Lanes>, chunks: Int,
        excluding excluded: (Int) -> UInt64, into out: UnsafeMutablePointer<UInt64>
    ) -> UInt64 {
        let never = SIMDMask<Lanes>(repeating: false)
        @inline(__always) func mask(_ c: Int) -> SIMDMask<Lanes> { gain(c) .> margins[c] }
        var any: UInt64 = 0
        var w = 0
        var c = 0
        while c < chunks {
            var word: UInt64 = 0
            for half in 0..<2 where c < chunks {
                let count = min(4, chunks - c)
                let masks = (
                    mask(c),
                    count > 1 ? mask(c + 1) : never,
                    count > 2 ? mask(c + 2) : never,
                    count > 3 ? mask(c + 3) : never)
                word |= bits(masks, count: count) << UInt64(half * 32)
                c += count
            }
            word &= ~excluded(w)
            out[w] = word
            any |= word
            w += 1
        }
        return any
    }
}
