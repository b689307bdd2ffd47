import EntenteCore
import Foundation
import EntenteTestSupport

/// Paths to the shipped data and fixtures, found from this file's place in the repository.
enum TestData {
    static let root = TestPaths.repository

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func load(_ relative: String) throws -> Scenario { try ScenarioLoader.load(path: path(relative)) }

    /// Every package of a scenario's full space, in package order.
    static func allPackages(_ scenario: Scenario) -> [Package] {
        var result: [[Int]] = [[]]
        for issue in scenario.issues {
            result = result.flatMap { prefix in issue.options.indices.map { prefix + [$0] } }
        }
        return result.map(Package.init)
    }
}
