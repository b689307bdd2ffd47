extension Scenario {
    /// The package that sets the named issues to the named options and leaves every other
    /// issue at its status quo.
    public func package(_ options: [String: String]) throws(SearchRequestError) -> Package {
        var choices = issues.map(\.statusQuoIndex)
        for (issueID, optionID) in options.sorted(by: { $0.key < $1.key }) {
            guard let issue = issueIndex(issueID) else {
                throw SearchRequestError("unknown issue '\(issueID)'; expected one of: \(issues.map(\.id).joined(separator: ", "))")
            }
            guard let option = issues[issue].optionIndex(optionID) else {
                let expected = issues[issue].options.map(\.id).joined(separator: ", ")
                throw SearchRequestError("'\(optionID)' is not an option of issue '\(issueID)'; expected one of: \(expected)")
            }
            choices[issue] = option
        }
        return Package(choices: choices)
    }
}
