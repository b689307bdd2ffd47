import Foundation

/// Builds seeded synthetic scenarios for tests and benchmarks: actors in blocs whose ideal
/// points cluster around the bloc's, with noise, uneven saliences, a few red lines, the
/// blocs as groupings and, when asked, random links.
public struct ScenarioGenerator: Sendable {
    public var actors: Int
    public var issues: Int
    public var options: Int
    public var blocs: Int
    public var seed: UInt64
    /// Put each issue's status quo at the option the actors value least in total, so that
    /// nearly every package is an improvement for everyone (a large Pareto frontier).
    public var poorStatusQuo: Bool
    /// Links per actor: each names two or three distinct issues (one or two options of each)
    /// and is worth −10…20 points. Drawn from a stream of their own, so that the rest of the
    /// scenario is the same with or without them. Needs two issues or more.
    public var links: Int
    /// The most links per actor: 40 links of at most 20 points stay within
    /// `Limits.linkPointsPerActor`.
    public static let maximumLinks = 40

    public init(actors: Int, issues: Int, options: Int, blocs: Int, seed: UInt64, poorStatusQuo: Bool = false, links: Int = 0) {
        self.actors = actors
        self.issues = issues
        self.options = options
        self.blocs = blocs
        self.seed = seed
        self.poorStatusQuo = poorStatusQuo
        self.links = links
    }

    public func generate() -> Scenario {
        var random = SplitMix64(seed: seed)
        let blocCount = max(1, min(blocs, actors))
        let issueList: [Issue] = (0..<issues).map { i in
            let optionCount = max(1, options)
            let choices: [IssueOption] = (0..<optionCount).map { o in
                let spacing = 100.0 / Double(max(1, optionCount - 1))
                let position = (Double(o) * spacing + random.normal(deviation: 3)).rounded()
                return IssueOption(id: "o\(o + 1)", name: "Option \(o + 1)", position: position,
                                   openness: ((position - 50) / 25).rounded())
            }
            let statusQuo = Int.random(in: 0..<optionCount, using: &random)
            return Issue(id: "i\(i + 1)", name: "Issue \(i + 1)", statusQuo: choices[statusQuo].id, options: choices)
        }
        let centres = (0..<blocCount).map { _ in (0..<issues).map { _ in Double.random(in: 0...100, using: &random) } }
        let actorList: [Actor] = (0..<actors).map { a in
            let bloc = a % blocCount
            var interests: [String: Interest] = [:]
            for (i, issue) in issueList.enumerated() {
                if Double.random(in: 0..<1, using: &random) < 0.1 { continue }
                let ideal = min(100, max(0, centres[bloc][i] + random.normal(deviation: 15)))
                let values = Dictionary(uniqueKeysWithValues: issue.options.map { option in
                    (option.id, max(0, 100 - abs((option.position ?? 0) - ideal)).rounded())
                })
                var redLines: [String] = []
                let worst = issue.options.min { values[$0.id]! < values[$1.id]! }!
                if worst.id != issue.statusQuo && Double.random(in: 0..<1, using: &random) < 0.1 {
                    redLines.append(worst.id)
                }
                let minGain: Double? = Double.random(in: 0..<1, using: &random) < 0.05
                    ? (Double.random(in: 0.3...3, using: &random) * 100).rounded() / 100 : nil
                interests[issue.id] = Interest(
                    salience: (Double.random(in: 0.1...1, using: &random) * 100).rounded() / 100,
                    valuation: .values(values), redLines: redLines, minGain: minGain)
            }
            let capability = (pow(Double.random(in: 0.05...1, using: &random), 2) * 20).rounded() + 1
            return Actor(id: "a\(a + 1)", name: "Actor \(a + 1)", kind: .state, capability: capability, interests: interests)
        }
        let groupings = (0..<blocCount).map { b in
            Grouping(id: "bloc\(b + 1)", name: "Bloc \(b + 1)",
                     members: actorList.indices.filter { $0 % blocCount == b }.map { actorList[$0].id })
        }
        let finalIssues = poorStatusQuo ? issueList.map { issue in
            var poor = issue
            poor.statusQuo = issue.options.min { lhs, rhs in
                Self.total(lhs, actorList, issue) < Self.total(rhs, actorList, issue)
            }!.id
            return poor
        } : issueList
        // Red lines on the new status quo are dropped: a red line must change the status quo.
        let finalActors = poorStatusQuo ? actorList.map { actor in
            var actor = actor
            for issue in finalIssues {
                actor.interests[issue.id]?.redLines.removeAll { $0 == issue.statusQuo }
            }
            return actor
        } : actorList
        var linkRandom = SplitMix64(seed: seed ^ 0x6c69_6e6b_7321)
        let linkedActors = links > 0 && issues >= 2 ? finalActors.map { actor in
            var actor = actor
            actor.links = (0..<links).map { _ in Self.link(finalIssues, using: &linkRandom) }
            return actor
        } : finalActors
        return Scenario(
            title: "Generated: \(actors) actors, \(issues) issues × \(options) options, seed \(seed)"
                + (poorStatusQuo ? ", poor status quo" : "") + (links > 0 ? ", \(links) links per actor" : ""),
            source: "entente generate --actors \(actors) --issues \(issues) --options \(options) --blocs \(blocs) --seed \(seed)"
                + (poorStatusQuo ? " --poor-status-quo" : "") + (links > 0 ? " --links \(links)" : ""),
            actors: linkedActors, issues: finalIssues, groupings: groupings,
            rules: [Rule(id: "quarter", kind: .capabilityShare(atLeast: 0.25))])
    }

    /// A random link over two or three distinct issues of `issues` (at least two).
    private static func link(_ issues: [Issue], using random: inout SplitMix64) -> Link {
        let count = min(issues.count, Double.random(in: 0..<1, using: &random) < 0.25 ? 3 : 2)
        var chosen: [Int] = []
        while chosen.count < count {
            let issue = Int.random(in: 0..<issues.count, using: &random)
            if !chosen.contains(issue) { chosen.append(issue) }
        }
        let when = chosen.sorted().map { i in
            let options = issues[i].options
            var listed = [options[Int.random(in: 0..<options.count, using: &random)].id]
            if options.count > 2 && Double.random(in: 0..<1, using: &random) < 0.3 {
                let second = options[Int.random(in: 0..<options.count, using: &random)].id
                if second != listed[0] { listed.append(second) }
            }
            return LinkCondition(issue: issues[i].id, options: listed)
        }
        return Link(when: when, points: Double(Int.random(in: -10...20, using: &random)))
    }

    /// All actors' values for an option, summed.
    private static func total(_ option: IssueOption, _ actors: [Actor], _ issue: Issue) -> Double {
        actors.reduce(0) { $0 + ($1.interests[issue.id]?.value(of: option) ?? 0) }
    }
}
