/// One actor's stance on one issue: how much the issue matters to it, how it values each
/// option, which options it will never accept, and how much it must gain to join.
public struct Interest: Sendable, Equatable {
    /// Relative weight of the issue for this actor (>= 0); normalised over the actor's issues.
    public var salience: Double
    public var valuation: Valuation
    /// Option ids that keep this actor out of any coalition whose package contains them.
    public var redLines: [String]
    /// The gain, in utility points, this actor needs to exceed before it joins (>= 0).
    ///
    /// Every issue can carry one; an actor's margin is the largest over its issues.
    public var minGain: Double?
    public var note: String

    public init(salience: Double, valuation: Valuation, redLines: [String] = [], minGain: Double? = nil, note: String = "") {
        self.salience = salience
        self.valuation = valuation
        self.redLines = redLines
        self.minGain = minGain
        self.note = note
    }

    /// The actor's value (0...100) for an option of the issue.
    ///
    /// Options without an explicit value are worth 0.
    public func value(of option: IssueOption) -> Double {
        switch valuation {
        case .values(let values):
            return values[option.id] ?? 0
        case .position(let ideal):
            return max(0, 100 - abs((option.position ?? 0) - ideal))
        }
    }
}

/// How an actor's values for an issue's options are given.
public enum Valuation: Sendable, Equatable {
    /// An explicit value 0...100 for each option id.
    case values([String: Double])
    /// An ideal point on the issue axis: value(option) = max(0, 100 − |position(option) − ideal|).
    case position(Double)
}
