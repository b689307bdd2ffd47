/// When a search must stop early: the caller cancelled it, or its budget ran out.
///
/// Workers check it themselves between blocks of work (no timer thread, which could starve
/// while every core is busy scanning); the first to see a reason raises `stopped`, and the
/// rest see that with one atomic load.
struct StopCondition: Sendable {
    let stopped = CancellationFlag()
    let cancellation: CancellationFlag?
    let budget: StartedBudget
    let counter: ProgressCounter

    /// True when the search must stop; raises `stopped` on the first reason found.
    func check() -> Bool {
        if stopped.isCancelled { return true }
        if cancellation?.isCancelled == true || budget.isExhausted(explored: counter.value) {
            stopped.cancel()
            return true
        }
        return false
    }
}
