/// Bars drawn as text, for every chart on screen: the builder's gains, Compare's gain chart
/// and the robustness histogram. A value other than zero always takes at least one cell (a
/// blank bar reads as nothing at stake), and a loss is shaded differently from a gain, so
/// the sign shows without colour and in ASCII (`#`, `=` and `|`).
enum Bars {
    static let full = "█"
    static let loss = "▒"
    static let axis = "│"

    /// The cells a bar of `value` takes when `scale` fills `width`.
    static func length(_ value: Double, scale: Double, width: Int) -> Int {
        guard value != 0, scale > 0, width > 0 else { return 0 }
        return min(width, max(1, Int((abs(value) / scale * Double(width)).rounded())))
    }

    /// A bar of `width` cells (axis included) for values from `lowest` ≤ 0 to `highest` ≥ 0:
    /// the zero axis sits where the range puts it, losses grow to its left, gains to its right.
    ///
    ///     Bars.diverging(-5, lowest: -10, highest: 30, width: 9)  // " ▒│      "
    static func diverging(_ value: Double, lowest: Double, highest: Double, width: Int) -> String {
        guard width >= 2 else { return "" }
        let span = highest - min(0, lowest)
        var left = lowest < 0 && span > 0 ? max(1, Int((Double(width - 1) * -lowest / span).rounded())) : 0
        if highest > 0 { left = min(left, width - 2) }
        let right = width - 1 - left
        let cells = value < 0 ? length(value, scale: -lowest, width: left) : length(value, scale: highest, width: right)
        let before = String(repeating: " ", count: left - (value < 0 ? cells : 0))
        let after = value > 0 ? String(repeating: full, count: cells) : ""
        return before + (value < 0 ? String(repeating: loss, count: cells) : "") + axis
            + after + String(repeating: " ", count: right - (value > 0 ? cells : 0))
    }
}
