/// Visits every combination of options of a list of issues, one issue changing by one
/// option per step: Knuth's loopless reflected mixed-radix Gray code (TAOCP 7.2.1.1,
/// Algorithm H).
///
/// The walk starts from the state's current package, where every walked issue must be at
/// option 0. Its scratch arrays are allocated once and reused for every walk.
struct GrayWalk {
    let issues: [Int]
    let radices: [Int]
    private var digits: [Int]
    private var direction: [Int]
    private var focus: [Int]

    /// Packages visited between two progress reports and checks of the cancellation flag.
    static let flushInterval = 1 << 14

    init(issues: [Int], radices: [Int]) {
        self.issues = issues
        self.radices = radices
        digits = Array(repeating: 0, count: issues.count)
        direction = Array(repeating: 1, count: issues.count)
        focus = Array(0...issues.count)
    }

    /// Packages one walk visits.
    var size: Double { radices.reduce(1.0) { $0 * Double($1) } }

    /// Walks every combination, showing each package to `worker`. Returns false when it
    /// stopped early because the search was cancelled or its budget ran out.
    mutating func walk<Worker: ScanWorker>(
        _ state: ScanState, worker: inout Worker, progress: ProgressCounter, stop: StopCondition
    ) -> Bool {
        let k = issues.count
        for j in 0..<k {
            digits[j] = 0
            direction[j] = 1
            focus[j] = j
        }
        focus[k] = k
        var pending = 1
        worker.visit(state)
        while true {
            let j = focus[0]
            focus[0] = 0
            if j == k { break }
            digits[j] += direction[j]
            state.step(issue: issues[j], to: digits[j])
            worker.visit(state)
            if digits[j] == 0 || digits[j] == radices[j] - 1 {
                direction[j] = -direction[j]
                focus[j] = focus[j + 1]
                focus[j + 1] = j + 1
            }
            pending += 1
            if pending == Self.flushInterval {
                progress.add(UInt64(pending))
                pending = 0
                if stop.check() { return false }
            }
        }
        progress.add(UInt64(pending))
        return true
    }

    /// Steps every walked issue back to option 0, restoring the walk's starting package.
    func rewind(_ state: ScanState) {
        for issue in issues {
            while state.choices[issue] > 0 { state.step(issue: issue, to: state.choices[issue] - 1) }
        }
    }
}
