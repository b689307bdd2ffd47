import EntenteCore

extension Scenario {
    /// One issue's option in a package as the screens write it: `issue=option`.
    func assignment(_ package: Package, _ issue: Int) -> String {
        TerminalText.escaped("\(issues[issue].id)=\(issues[issue].options[package.choices[issue]].id)")
    }

    /// The assignments of `package` where it differs from `base` (the status quo by default).
    func changes(_ package: Package, from base: Package? = nil) -> [String] {
        package.differences(from: base ?? statusQuo).map { assignment(package, $0) }
    }
}
