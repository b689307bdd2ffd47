/// Who stays out of a package's coalition, what each lacks, and the nearest packages that
/// would bring it in without losing any current member.
public struct HoldoutAnalysis: Sendable {
    public let scenario: Scenario
    /// How many issues a sweetener may change, at most.
    public static let maximumChanges = 3
    /// Sweeteners listed per holdout, at most.
    public static let listed = 3

    public init(_ scenario: Scenario) { self.scenario = scenario }

    /// Holdouts of `package` (all actors outside its coalition, or only those in `actors`),
    /// each with its sweeteners: packages that differ from `package` in at most
    /// `maximumChanges` issues, only issues on the table of `request` and not fixed, and whose
    /// coalition keeps every current member and adds the holdout. Membership counts the
    /// request's margin, as the coalition reported does. Nearest first: fewest issues changed,
    /// then the smallest total loss to current members, then package order.
    public func holdouts(of package: Package, request: SearchRequest = SearchRequest(), actors: [Int]? = nil) throws(SearchRequestError) -> [Holdout] {
        let compiled = CompiledScenario(scenario, margin: request.margin)
        let evaluator = PackageEvaluator(compiled)
        let current = evaluator.evaluate(package)
        let members = current.coalition.members
        let margins = scenario.actors.indices.map(compiled.margin)
        let resolved = try ResolvedRequest(request, scenario: scenario, around: package)
        let issues = resolved.free
        let neighbours = Self.neighbours(of: package, issues: issues, options: scenario.issues.map(\.options.count))
            .map(evaluator.evaluate)
            .filter { neighbour in members.allSatisfy(neighbour.coalition.contains) }
        // An actor the request excludes is out by the user's choice, not a holdout to win over.
        let outside = (actors ?? Array(scenario.actors.indices)).filter { !current.coalition.contains($0) && !resolved.exclude.contains($0) }
        return outside.map { h in
            let redLines = scenario.issues.indices.compactMap { issue -> String? in
                let option = scenario.issues[issue].options[package.choices[issue]]
                return scenario.actors[h].interests[scenario.issues[issue].id]?.redLines.contains(option.id) == true
                    ? Scenario.assignment(scenario.issues[issue].id, option.id) : nil
            }
            let sweeteners = neighbours.filter { $0.coalition.contains(h) }.map { neighbour in
                Sweetener(
                    package: neighbour.package,
                    changes: neighbour.package.differences(from: package),
                    costs: members.compactMap { a in
                        let loss = current.gains[a] - neighbour.gains[a]
                        return loss > 0 ? MemberCost(actor: a, loss: loss) : nil
                    },
                    holdoutGain: neighbour.gains[h])
            }
            .sorted { a, b in
                if a.changes.count != b.changes.count { return a.changes.count < b.changes.count }
                if a.totalLoss != b.totalLoss { return a.totalLoss < b.totalLoss }
                return a.package < b.package
            }
            return Holdout(
                actor: h, gain: current.gains[h], margin: margins[h],
                lacking: max(0, margins[h] - current.gains[h]), redLines: redLines,
                sweeteners: Array(sweeteners.prefix(Self.listed)))
        }
    }

    /// Every package differing from `package` in one to `maximumChanges` of `issues`.
    static func neighbours(of package: Package, issues: [Int], options: [Int]) -> [Package] {
        var result: [Package] = []
        func extend(_ current: [Int], from start: Int, changes: Int) {
            guard changes < maximumChanges else { return }
            for position in start..<issues.count {
                let issue = issues[position]
                for option in 0..<options[issue] where option != package.choices[issue] {
                    var next = current
                    next[issue] = option
                    result.append(Package(choices: next))
                    extend(next, from: position + 1, changes: changes + 1)
                }
            }
        }
        extend(package.choices, from: 0, changes: 0)
        return result
    }
}

/// An actor outside a package's coalition.
public struct Holdout: Sendable, Equatable {
    public let actor: Int
    /// Its gain under the package (points).
    public let gain: Double
    public let margin: Double
    /// How much more gain it needs to exceed its margin (0 when only a red line keeps it out).
    public let lacking: Double
    /// The package's options that are its red lines, as "issue=option".
    public let redLines: [String]
    public let sweeteners: [Sweetener]
}

/// A nearby package whose coalition adds a holdout and keeps every current member.
public struct Sweetener: Sendable, Equatable {
    public let package: Package
    /// Issues whose option changes, in scenario order.
    public let changes: [Int]
    /// Current members whose gain falls, and by how much.
    public let costs: [MemberCost]
    /// The holdout's gain under the sweetener.
    public let holdoutGain: Double

    /// The sum of the members' losses.
    public var totalLoss: Double { costs.reduce(0) { $0 + $1.loss } }
}

/// What one coalition member gives up for a sweetener.
public struct MemberCost: Sendable, Equatable {
    public let actor: Int
    public let loss: Double

    public init(actor: Int, loss: Double) {
        self.actor = actor
        self.loss = loss
    }
}
