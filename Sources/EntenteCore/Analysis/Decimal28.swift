import Foundation

/// A decimal number that computes as Python's `decimal` module does in its default context:
/// every result is the exact result rounded to 28 significant digits, half to even.
///
/// Decide computes the exchange model in such decimals, and its choice between two trades of
/// nearly equal gain can turn on the 28th digit; Entente follows Decide's procedure in the
/// same arithmetic so that it makes the same choices. Operands have at most 28 digits, except
/// `WideDecimal` constants (Decide's `Decimal(0.4)`), which are exact to 38 digits.
struct Decimal28: Comparable, Sendable, CustomStringConvertible {
    /// Below 10²⁸.
    let coefficient: UInt128
    private let storedExponent: Int32
    /// Digits of the coefficient, kept so that sums and comparisons need not count them.
    private let storedDigits: Int8
    let negative: Bool

    var exponent: Int { Int(storedExponent) }
    var digits: Int { Int(storedDigits) }

    static let zero = Decimal28(negative: false, coefficient: 0, exponent: 0)

    private init(negative: Bool, coefficient: UInt128, exponent: Int, digits: Int? = nil) {
        self.negative = negative && coefficient != 0
        self.coefficient = coefficient
        storedExponent = Int32(exponent)
        storedDigits = Int8(digits ?? Self.digitCount(coefficient))
    }

    init(_ value: Int) {
        self.init(negative: value < 0, coefficient: UInt128(value.magnitude), exponent: 0)
    }

    /// The decimal a double prints as (its shortest round-trip form), as Decide reads "0.75".
    init(_ value: Double) {
        self = Decimal28(parsing: "\(value)") ?? .zero
    }

    /// Exact value of `[-]digits[.digits][e[-]digits]`, rounded to 28 digits.
    init?(parsing text: String) {
        var negative = false, digits = Wide.zero, exponent = 0, exponentPart = "", inFraction = false, seenDigit = false
        var characters = Substring(text)
        if characters.first == "-" || characters.first == "+" {
            negative = characters.first == "-"
            characters = characters.dropFirst()
        }
        for (index, character) in zip(characters.indices, characters) {
            if character == "e" || character == "E" {
                exponentPart = String(characters[characters.index(after: index)...])
                break
            }
            if character == "." {
                inFraction = true
                continue
            }
            guard let digit = character.wholeNumberValue else { return nil }
            seenDigit = true
            if digits.hi == 0, digits.lo < Self.power(38) / 10 {
                digits = Wide(hi: 0, lo: digits.lo * 10 + UInt128(digit))
                if inFraction { exponent -= 1 }
            } else if !inFraction {
                exponent += 1
            }
        }
        guard seenDigit else { return nil }
        if !exponentPart.isEmpty {
            guard let shift = Int(exponentPart) else { return nil }
            exponent += shift
        }
        self = Self.rounded(negative: negative, digits, exponent: exponent)
    }

    /// The nearest double (read from the decimal's digits).
    var double: Double {
        let magnitude = Double("\(coefficient)e\(exponent)") ?? 0
        return negative ? -magnitude : magnitude
    }

    /// A double within a few units of the last place, quickly: for comparisons with a margin.
    var roughDouble: Double {
        let value = Double(UInt64(truncatingIfNeeded: coefficient >> 64)) * 0x1p64 + Double(UInt64(truncatingIfNeeded: coefficient))
        let scale = exponent.magnitude < 64 ? Self.doublePowers[Int(exponent.magnitude)] : pow(10, Double(exponent.magnitude))
        let magnitude = exponent >= 0 ? value * scale : value / scale
        return negative ? -magnitude : magnitude
    }

    private static let doublePowers: [Double] = (0..<64).map { pow(10, Double($0)) }

    var description: String { (negative ? "-" : "") + "\(coefficient)e\(exponent)" }

    var isZero: Bool { coefficient == 0 }

    var magnitude: Decimal28 { Decimal28(negative: false, coefficient: coefficient, exponent: exponent, digits: digits) }

    static prefix func - (value: Decimal28) -> Decimal28 {
        Decimal28(negative: !value.negative, coefficient: value.coefficient, exponent: value.exponent, digits: value.digits)
    }

    static func + (a: Decimal28, b: Decimal28) -> Decimal28 { sum(a, b) }

    static func - (a: Decimal28, b: Decimal28) -> Decimal28 { sum(a, -b) }

    static func * (a: Decimal28, b: Decimal28) -> Decimal28 {
        let product = a.coefficient.multipliedFullWidth(by: b.coefficient)
        return rounded(negative: a.negative != b.negative, Wide(hi: product.high, lo: product.low), exponent: a.exponent + b.exponent)
    }

    static func / (a: Decimal28, b: Decimal28) -> Decimal28 {
        precondition(!b.isZero, "division by zero")
        guard !a.isZero else { return .zero }
        // Scale a so that the quotient has 29 or 30 digits, then round the quotient with the
        // remainder deciding ties.
        let shift = 29 + b.digits - a.digits
        var numerator = Wide(hi: 0, lo: a.coefficient)
        if shift > 38 {
            numerator = numerator.times(power(shift - 38)).times(power(38))
        } else if shift > 0 {
            numerator = numerator.times(power(shift))
        }
        let (quotient, remainder) = b.coefficient.dividingFullWidth((high: numerator.hi, low: numerator.lo))
        return rounded(negative: a.negative != b.negative, Wide(hi: 0, lo: quotient), exponent: a.exponent - b.exponent - max(0, shift),
                       above: remainder != 0)
    }

    static func < (a: Decimal28, b: Decimal28) -> Bool {
        if a.negative != b.negative { return a.negative && !(a.isZero && b.isZero) }
        let less = magnitudeLess(a, b)
        return a.negative ? magnitudeLess(b, a) : less
    }

    static func == (a: Decimal28, b: Decimal28) -> Bool {
        if a.isZero || b.isZero { return a.isZero && b.isZero }
        return a.negative == b.negative && !magnitudeLess(a, b) && !magnitudeLess(b, a)
    }

    /// a × c for a wide constant c, rounded once.
    static func * (a: Decimal28, c: WideDecimal) -> Decimal28 {
        let product = Wide(hi: 0, lo: a.coefficient).times(c.coefficient)
        return rounded(negative: a.negative != c.negative, product, exponent: a.exponent + c.exponent, above: c.inexact)
    }

    /// a − c for a wide constant c (positive), rounded once.
    static func - (a: Decimal28, c: WideDecimal) -> Decimal28 {
        precondition(!a.negative && !c.negative && a.exponent >= c.exponent)
        let aligned = Wide(hi: 0, lo: a.coefficient).times(power(a.exponent - c.exponent))
        let wide = Wide(hi: 0, lo: c.coefficient)
        if aligned < wide { return rounded(negative: true, wide.minus(aligned), exponent: c.exponent, above: c.inexact) }
        return rounded(negative: false, aligned.minus(wide), exponent: c.exponent, below: c.inexact)
    }

    // MARK: - Arithmetic on coefficients

    private static func sum(_ a: Decimal28, _ b: Decimal28) -> Decimal28 {
        if a.isZero { return b }
        if b.isZero { return a }
        let (big, small) = adjusted(a) >= adjusted(b) ? (a, b) : (b, a)
        // Far below the last digit kept, the smaller operand cannot change the rounded sum.
        if adjusted(big) - adjusted(small) > 30 { return big }
        let exponent = min(a.exponent, b.exponent)
        let x = Wide(hi: 0, lo: a.coefficient).shifted(a.exponent - exponent)
        let y = Wide(hi: 0, lo: b.coefficient).shifted(b.exponent - exponent)
        if a.negative == b.negative { return rounded(negative: a.negative, x.plus(y), exponent: exponent) }
        if x < y { return rounded(negative: b.negative, y.minus(x), exponent: exponent) }
        return rounded(negative: a.negative, x.minus(y), exponent: exponent)
    }

    /// The exponent of the leading digit.
    private static func adjusted(_ value: Decimal28) -> Int { value.exponent + value.digits - 1 }

    private static func magnitudeLess(_ a: Decimal28, _ b: Decimal28) -> Bool {
        if a.isZero || b.isZero { return a.isZero && !b.isZero }
        let (adjustedA, adjustedB) = (adjusted(a), adjusted(b))
        if adjustedA != adjustedB { return adjustedA < adjustedB }
        let exponent = min(a.exponent, b.exponent)
        return Wide(hi: 0, lo: a.coefficient).shifted(a.exponent - exponent) < Wide(hi: 0, lo: b.coefficient).shifted(b.exponent - exponent)
    }

    /// `value`·10^exponent rounded to 28 digits, half to even; `above` or `below` say that the
    /// exact value lies a little beyond or short of `value` (a remainder left out).
    fileprivate static func rounded(negative: Bool, _ value: Wide, exponent: Int, above: Bool = false, below: Bool = false) -> Decimal28 {
        let digits = value.digitCount
        guard digits > 28 else { return Decimal28(negative: negative, coefficient: value.lo, exponent: exponent, digits: digits) }
        let drop = digits - 28
        precondition(drop <= 38)
        let (quotient, remainder) = value.dividedByPowerOfTen(drop)
        let half = 5 * power(drop - 1)
        var kept = quotient
        let up = remainder > half || (remainder == half && (above || (!below && kept & 1 == 1)))
        var shift = drop
        if up {
            kept += 1
            if kept == power(28) {
                kept = power(27)
                shift += 1
            }
        }
        return Decimal28(negative: negative, coefficient: kept, exponent: exponent + shift, digits: 28)
    }

    // MARK: - Powers of ten and digit counts

    /// 10^n for n in 0…38, from a table of 64-bit powers (no global to initialise on each use).
    @inline(__always)
    fileprivate static func power(_ n: Int) -> UInt128 {
        n <= 19 ? UInt128(power64(n)) : UInt128(power64(n - 19)) * UInt128(power64(19))
    }

    @inline(__always)
    private static func power64(_ n: Int) -> UInt64 {
        switch n {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1000
        case 4: 10000
        case 5: 100000
        case 6: 1000000
        case 7: 10000000
        case 8: 100000000
        case 9: 1000000000
        case 10: 10000000000
        case 11: 100000000000
        case 12: 1000000000000
        case 13: 10000000000000
        case 14: 100000000000000
        case 15: 1000000000000000
        case 16: 10000000000000000
        case 17: 100000000000000000
        case 18: 1000000000000000000
        case 19: 10000000000000000000
        default: preconditionFailure("10^\(n) does not fit in 64 bits")
        }
    }

    fileprivate static func digitCount(_ value: UInt128) -> Int {
        guard value != 0 else { return 1 }
        let bits = 128 - value.leadingZeroBitCount
        // 10^(e−1) ≤ value < 10^(e+1) for e = ⌊bits·log10 2⌋.
        let estimate = (bits * 1233) >> 12
        return value >= power(estimate) ? estimate + 1 : estimate
    }
}

/// An exact decimal constant of up to 38 digits for `Decimal28` arithmetic, such as Decide's
/// `Decimal(0.4)`: the double's full binary value, cut to 38 digits (`inexact` if cut).
struct WideDecimal: Sendable {
    let negative: Bool
    let coefficient: UInt128
    let exponent: Int
    let inexact: Bool

    /// The exact value of a double in (0, 1), cut after 38 significant digits.
    init(exactly value: Double) {
        precondition(value > 0 && value < 1)
        // value = m / 2^k exactly; its decimal digits are those of m·5^k, k places after the point.
        let k = -value.exponent + 52
        let m = UInt128(value.significandBitPattern | (1 << 52))
        var digits: [UInt8] = []
        var number = [UInt32](repeating: 0, count: 8)
        // number = m · 5^k in base 2^32 limbs, then its decimal digits.
        number[0] = UInt32(truncatingIfNeeded: m)
        number[1] = UInt32(truncatingIfNeeded: m >> 32)
        for _ in 0..<k {
            var carry: UInt64 = 0
            for index in number.indices {
                let product = UInt64(number[index]) * 5 + carry
                number[index] = UInt32(truncatingIfNeeded: product)
                carry = product >> 32
            }
        }
        while number.contains(where: { $0 != 0 }) {
            var remainder: UInt64 = 0
            for index in number.indices.reversed() {
                let current = (remainder << 32) | UInt64(number[index])
                number[index] = UInt32(current / 10)
                remainder = current % 10
            }
            digits.append(UInt8(remainder))
        }
        digits.reverse()
        let kept = digits.prefix(38)
        negative = false
        coefficient = kept.reduce(UInt128(0)) { $0 * 10 + UInt128($1) }
        exponent = -k + (digits.count - kept.count)
        inexact = digits.dropFirst(38).contains { $0 != 0 }
    }
}

/// An unsigned 256-bit integer, enough for a product of two 28-digit coefficients or a
/// 28-digit one aligned against another.
struct Wide: Comparable, Sendable {
    var hi: UInt128
    var lo: UInt128

    static let zero = Wide(hi: 0, lo: 0)

    static func < (a: Wide, b: Wide) -> Bool { (a.hi, a.lo) < (b.hi, b.lo) }

    func plus(_ other: Wide) -> Wide {
        let (low, carry) = lo.addingReportingOverflow(other.lo)
        return Wide(hi: hi &+ other.hi &+ (carry ? 1 : 0), lo: low)
    }

    func minus(_ other: Wide) -> Wide {
        let (low, borrow) = lo.subtractingReportingOverflow(other.lo)
        return Wide(hi: hi &- other.hi &- (borrow ? 1 : 0), lo: low)
    }

    func times(_ factor: UInt128) -> Wide {
        let low = lo.multipliedFullWidth(by: factor)
        return Wide(hi: low.high &+ hi &* factor, lo: low.low)
    }

    /// Times 10^n.
    func shifted(_ n: Int) -> Wide {
        var result = self
        var left = n
        while left > 0 {
            let step = min(left, 38)
            result = result.times(Decimal28.power(step))
            left -= step
        }
        return result
    }

    private static let powers: [Wide] = (0...77).map { Wide(hi: 0, lo: 1).shifted($0) }

    /// self / 10^n and the remainder, for n in 1…38 and a quotient below 2^128, by 64-bit
    /// long division (one or two passes of at most 10^19).
    func dividedByPowerOfTen(_ n: Int) -> (quotient: UInt128, remainder: UInt128) {
        var a = UInt64(truncatingIfNeeded: hi >> 64), b = UInt64(truncatingIfNeeded: hi)
        var c = UInt64(truncatingIfNeeded: lo >> 64), d = UInt64(truncatingIfNeeded: lo)
        func pass(_ divisor: UInt64) -> UInt64 {
            var remainder: UInt64 = 0
            (a, remainder) = divisor.dividingFullWidth((high: 0, low: a))
            (b, remainder) = divisor.dividingFullWidth((high: remainder, low: b))
            (c, remainder) = divisor.dividingFullWidth((high: remainder, low: c))
            (d, remainder) = divisor.dividingFullWidth((high: remainder, low: d))
            return remainder
        }
        let remainder: UInt128
        if n <= 19 {
            remainder = UInt128(pass(UInt64(Decimal28.power(n))))
        } else {
            let low = pass(UInt64(Decimal28.power(19)))
            remainder = UInt128(pass(UInt64(Decimal28.power(n - 19)))) * Decimal28.power(19) + UInt128(low)
        }
        return (UInt128(c) << 64 | UInt128(d), remainder)
    }

    var digitCount: Int {
        guard hi != 0 else { return Decimal28.digitCount(lo) }
        let estimate = ((256 - hi.leadingZeroBitCount) * 1233) >> 12
        return self < Self.powers[estimate] ? estimate : estimate + 1
    }
}
