import Foundation

/// An exchange-model data set: actors with a position, salience and power on issues
/// measured on their own scales. Read from the `#A/#P/#M/#D` files of the Decide
/// exchange-model tool, so analysts can bring data they already have.
public struct ExchangeData: Sendable, Equatable {
    public struct Issue: Sendable, Equatable {
        public let id: String
        public let name: String
        /// The issue's own scale, from its `#M` rows (0…100 when it has none).
        public let low: Double
        public let high: Double

        /// Model units per scale unit, 100 / (high − low); 0 on a scale of one point.
        var step: Double { high > low ? 100 / (high - low) : 0 }

        /// A position on the issue's scale as 0…100, computed as Decide does: (x − low)·step.
        public func toModel(_ value: Double) -> Double { (value - low) * step }

        /// A 0…100 position back on the issue's scale: v / step + low.
        public func toScale(_ value: Double) -> Double { value == 0 || step == 0 ? low : value / step + low }
    }

    /// One actor's stance on one issue: `value` on the issue's scale, `position` on 0…100.
    public struct Stance: Sendable, Equatable {
        public let actor: Int
        public let issue: Int
        public let value: Double
        public let position: Double
        public let salience: Double
        public let power: Double
    }

    public let title: String
    public let actors: [String]
    public let issues: [Issue]
    public let stances: [Stance]
}
