/// An edit the scenario cannot take (an unknown id, a name already in use, an option the
/// status quo needs), and why, in words a user can act on.
public struct ScenarioEditError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}

extension Scenario {
    /// The index of the issue with this id, or an error that lists the ids there are.
    func requireIssue(_ id: String) throws(ScenarioEditError) -> Int {
        guard let index = issueIndex(id) else {
            throw ScenarioEditError("unknown issue '\(id)'; expected one of: \(issues.map(\.id).joined(separator: ", "))")
        }
        return index
    }

    /// The index of the actor with this id, or an error that lists the ids there are.
    func requireActor(_ id: String) throws(ScenarioEditError) -> Int {
        guard let index = actorIndex(id) else {
            throw ScenarioEditError("unknown actor '\(id)'; expected one of: \(actors.map(\.id).joined(separator: ", "))")
        }
        return index
    }

    /// Checks that `id` is a well-formed id that no issue other than `except` uses yet.
    func requireFreeIssueID(_ id: String, except: String? = nil) throws(ScenarioEditError) {
        guard Identifier.isValid(id) else {
            throw ScenarioEditError("'\(id)' is not an id: use a-z, 0-9 and -")
        }
        if id != except, issueIndex(id) != nil { throw ScenarioEditError("there is already an issue '\(id)'") }
    }
}

extension Issue {
    /// The index of the option with this id, or an error that lists the ids there are.
    func requireOption(_ id: String) throws(ScenarioEditError) -> Int {
        guard let index = optionIndex(id) else {
            throw ScenarioEditError("'\(id)' is not an option of issue '\(self.id)'; expected one of: \(options.map(\.id).joined(separator: ", "))")
        }
        return index
    }
}

extension Interest {
    /// The stance's value for every option of `issue`, written out (position stances
    /// become explicit values), so one value can change without touching the others.
    func explicitValues(on issue: Issue) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: issue.options.map { ($0.id, value(of: $0)) })
    }
}

/// Rounds a derived salience or value to 10⁻⁹, so that splitting and merging do not leave
/// long binary fractions in a saved file (the effect on any gain is below 10⁻⁶ points).
func tidy(_ value: Double) -> Double { (value * 1e9).rounded() / 1e9 }
