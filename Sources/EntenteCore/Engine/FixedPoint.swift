/// Gains are added up in fixed point so that every order of summation gives the same answer.
///
/// One unit is 10⁻⁶ utility points, held in 32 bits: a gain is a difference of two
/// utilities on 0…100, so every partial sum stays within ±100 points (±10⁸ units), well
/// inside the 32-bit range, and eight actors fit one 256-bit vector. Each table entry is
/// rounded once when a scenario is compiled; after that sums are exact, so an incremental
/// scan, a parallel scan, branch and bound and a from-scratch evaluation agree to the last
/// bit, a gain of exactly zero stays zero, and ties are real ties. See docs/model.md,
/// "Arithmetic".
public enum FixedPoint {
    /// Units per utility point.
    public static let scale: Double = 1_000_000

    /// The nearest fixed-point value to `points` (|points| ≤ 2000).
    public static func from(_ points: Double) -> Int32 { Int32((points * scale).rounded()) }

    /// `units` as utility points.
    public static func points(_ units: Int32) -> Double { Double(units) / scale }

    /// A sum of many units (totals over actors) as utility points.
    public static func points(_ units: Int64) -> Double { Double(units) / scale }

    /// Capability shares are held as units of 2⁻⁴⁰ of the total, so coalition capability is
    /// an exact integer sum whatever the order.
    public static let shareScale: Double = 1_099_511_627_776
}
