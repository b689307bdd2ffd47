import CScanKernel

/// The packages a Gray walk shows its worker, in the scanning kernel's terms: a non-empty
/// coalition holding every actor of `include` and none of `exclude`, with enough members,
/// and, for a ranked search, a score that can still enter the top K.
///
/// The kernel checks it for every package, so a worker sees only the few packages that
/// matter to it. Owned by one worker; a ranked search raises its threshold as the worker's
/// top K fills.
final class WalkFilter: @unchecked Sendable {
    let raw: UnsafeMutablePointer<EntenteFilter>
    private let words: UnsafeMutablePointer<UInt64>
    private let worst: UnsafeMutablePointer<Int>
    private let issueCount: Int

    init(include: [UInt64], exclude: [UInt64], minMembers: Int, score: EntenteScore, issueCount: Int) {
        let count = include.count
        precondition(exclude.count == count)
        words = .allocate(capacity: 2 * count)
        words.initialize(from: include, count: count)
        (words + count).initialize(from: exclude, count: count)
        self.issueCount = issueCount
        worst = .allocate(capacity: max(1, issueCount))
        raw = .allocate(capacity: 1)
        raw.initialize(to: EntenteFilter(
            include: words, exclude: words + count, minMembers: minMembers,
            hasConditions: include.contains { $0 != 0 } || exclude.contains { $0 != 0 } || minMembers > 1,
            score: score, threshold: -.infinity, worst: nil))
    }

    /// Every package whose coalition holds all of `group`.
    convenience init(group: [UInt64], issueCount: Int) {
        self.init(include: group, exclude: Array(repeating: 0, count: group.count), minMembers: 0,
                  score: EntenteScoreNone, issueCount: issueCount)
    }

    deinit {
        words.deallocate()
        worst.deallocate()
        raw.deallocate()
    }

    /// Lets through only packages scoring at least `threshold` and, at `threshold`, only
    /// those before `worst` in package order.
    func raise(to threshold: Double, worst choices: [Int]) {
        worst.update(from: choices, count: issueCount)
        raw.pointee.threshold = threshold
        raw.pointee.worst = UnsafePointer(worst)
    }

    /// The kernel's score for a ranked search by `objective`, where the kernel computes it
    /// exactly as `CoalitionMeasures.rankKey` does; none for the rest, which the worker scores.
    static func score(_ objective: Objective) -> EntenteScore {
        switch objective {
        case .capability: EntenteScoreCapability
        case .members: EntenteScoreMembers
        case .totalGain: EntenteScoreTotalGain
        case .minGain: EntenteScoreMinGain
        case .openness: EntenteScoreOpenness
        case .nash, .novelty: EntenteScoreNone
        }
    }
}
