/// Gains are added up in fixed point so that every order of summation gives the same answer.
///
/// One unit is 10⁻⁹ utility points. Each table entry is rounded once when a scenario is
/// compiled; after that sums are exact, so an incremental scan, a parallel scan and a
/// from-scratch evaluation agree to the last bit, a gain of exactly zero stays zero, and
/// ties are real ties. See docs/model.md, "Arithmetic".
public enum FixedPoint {
    /// Units per utility point.
    public static let scale: Double = 1_000_000_000

    /// The nearest fixed-point value to `points`.
    public static func from(_ points: Double) -> Int64 { Int64((points * scale).rounded()) }

    /// `units` as utility points.
    public static func points(_ units: Int64) -> Double { Double(units) / scale }
}
