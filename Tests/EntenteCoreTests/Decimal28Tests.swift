@testable import EntenteCore
import Testing

/// Decide's decimal arithmetic: results rounded to 28 digits, half to even, checked against
/// figures Python's `decimal` module gives (`Decimal(1) / Decimal(3)` and so on).
@Suite struct Decimal28Tests {
    func number(_ text: String) -> Decimal28 { Decimal28(parsing: text)! }

    @Test func divisionRoundsToTwentyEightDigitsHalfToEven() {
        #expect(Decimal28(1) / Decimal28(3) == number("0.3333333333333333333333333333"))
        #expect(Decimal28(2) / Decimal28(3) == number("0.6666666666666666666666666667"))
        #expect(Decimal28(7) / number("0.003") == number("2333.333333333333333333333333"))
        #expect(Decimal28(1) / Decimal28(4) == number("0.25"))
    }

    @Test func productsAndSums() {
        #expect(number("12.34567890123456789012345678") * number("3.3") == number("40.74074037407407403740740737"))
        #expect(number("0.1") + number("0.2") == number("0.3"))
        #expect(Decimal28(100) - number("1e-40") == Decimal28(100))
        #expect(number("1") + number("1e-27") == number("1.000000000000000000000000001"))
        #expect(number("-2.5") + number("2.5") == .zero)
        #expect(number("-0.5") < number("0.25") && number("-0.5") < number("-0.25") && !(number("0.5") < number("0.5")))
    }

    @Test func exactDoublesAsDecideUsesThem() {
        // Decimal('0.25') * Decimal(0.4) and (1 − that) − Decimal(0.1).
        let share = number("0.25") * WideDecimal(exactly: 0.4)
        #expect(share == number("0.1000000000000000055511151231"))
        #expect((Decimal28(1) - share) - WideDecimal(exactly: 0.1) == number("0.7999999999999999888977697538"))
    }

    @Test func doublesReadAsTheyPrint() {
        #expect(Decimal28(0.75) == number("0.75"))
        #expect(Decimal28(70.0) == Decimal28(70))
        #expect(abs(Decimal28(1e-5).double - 1e-5) < 1e-20)
    }
}
