/// One option per issue: the deal under discussion.
///
/// `choices[i]` is the index of the chosen option of issue `i`. An issue left off the table
/// keeps its status quo, so it appears here at its status-quo option.
public struct Package: Sendable, Hashable, Comparable {
    public var choices: [Int]

    public init(choices: [Int]) { self.choices = choices }

    /// Packages order as their mixed-radix index over the issues in scenario order; this is
    /// the order that breaks ranking ties.
    public static func < (lhs: Package, rhs: Package) -> Bool {
        lhs.choices.lexicographicallyPrecedes(rhs.choices)
    }

    /// The issues (indices, in scenario order) whose option differs from `other`'s.
    public func differences(from other: Package) -> [Int] {
        choices.indices.filter { choices[$0] != other.choices[$0] }
    }

    /// The package's options by issue id, in scenario order.
    public func options(in scenario: Scenario) -> [(issue: String, option: String)] {
        zip(scenario.issues, choices).map { ($0.id, $0.options[$1].id) }
    }
}
