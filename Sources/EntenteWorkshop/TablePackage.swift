import EntenteCore

/// A package as the table speaks of it: an option id for each issue id it settles; issues
/// it leaves out stay at their status quo. Named by ids, not indices, so that it means the
/// same thing on every seat's screen and in the log.
public struct TablePackage: Codable, Hashable, Sendable {
    public var options: [String: String]

    public init(_ options: [String: String]) { self.options = options }

    /// The package of the engine's kind, with only the issues that differ from the status
    /// quo named.
    public init(_ package: Package, in scenario: Scenario) {
        var options: [String: String] = [:]
        for (index, issue) in scenario.issues.enumerated() where package.choices[index] != issue.statusQuoIndex {
            options[issue.id] = issue.options[package.choices[index]].id
        }
        self.options = options
    }

    /// The engine's package in `scenario`, or why the ids do not name one.
    public func package(in scenario: Scenario) throws(TableError) -> Package {
        do {
            return try scenario.package(options)
        } catch {
            throw TableError(.invalid, error.description)
        }
    }

    /// `issue=option` pairs in issue-id order ("status quo" for none): how messages and
    /// renderers write a package.
    public var text: String {
        options.isEmpty ? "status quo" : options.keys.sorted().map { "\($0)=\(options[$0]!)" }.joined(separator: ", ")
    }
}

/// Who a proposal, message or inject is addressed to: every seat, or the named seats.
public enum Audience: Codable, Hashable, Sendable {
    case everyone
    case seats([String])

    /// Whether the seat is named (always true for everyone).
    public func includes(_ seat: String) -> Bool {
        switch self {
        case .everyone: true
        case .seats(let seats): seats.contains(seat)
        }
    }
}
