extension CompiledScenario {
    /// Several compiled scenarios over the same issues and options as one, each part's actors
    /// in lanes of their own from `firstLanes[p]` (a whole vector, so a part starts at a
    /// byte of the coalition), for a scan that evaluates every part in one pass: one step
    /// row moves every part's gains at once, and the links of every part are kept together.
    ///
    /// Padding lanes never join. The stacked tables carry no capability, groupings or rules:
    /// each part keeps its own, and whoever reads a part's coalition measures it with them.
    init(stacking parts: [CompiledScenario], firstLanes: [Int]) {
        precondition(!parts.isEmpty && parts.count == firstLanes.count)
        let first = parts[0]
        scenario = first.scenario
        let n = firstLanes.last! + parts.last!.actorCount
        actorCount = n
        issueCount = first.issueCount
        let words = ActorSet.wordCount(n)
        wordCount = words
        chunkCount = ActorLanes.chunks(n)
        let width = chunkCount * 8
        laneWidth = width
        optionCounts = first.optionCounts
        optionOffset = first.optionOffset
        statusQuo = first.statusQuo
        let flatOptions = first.optionCounts.reduce(0, +)
        var rows = [Int32](repeating: 0, count: flatOptions * width)
        var steps = rows
        var red = [UInt64](repeating: 0, count: flatOptions * words)
        var margins = [Int32](repeating: .max, count: width)
        var baseline = [Double](repeating: 0, count: n)
        for (part, lane) in zip(parts, firstLanes) {
            for f in 0..<flatOptions {
                for a in 0..<part.actorCount {
                    rows[f * width + lane + a] = part.gainRows[f * part.laneWidth + a]
                    steps[f * width + lane + a] = part.stepRows[f * part.laneWidth + a]
                    if part.redLineRows[f * part.wordCount + (a >> 6)] & (1 << UInt64(a & 63)) != 0 {
                        red[f * words + ((lane + a) >> 6)] |= 1 << UInt64((lane + a) & 63)
                    }
                }
            }
            for a in 0..<part.actorCount {
                margins[lane + a] = part.margins[a]
                baseline[lane + a] = part.baseline[a]
            }
        }
        gainRows = rows
        stepRows = steps
        redLineRows = red
        hasRedLine = (0..<flatOptions).map { f in parts.contains { $0.hasRedLine[f] } }
        self.margins = margins
        self.baseline = baseline
        capability = Array(repeating: 0, count: n)
        totalCapability = 0
        capabilityUnits = Array(repeating: 0, count: n)
        totalCapabilityUnits = 0
        openness = first.openness
        groupings = []
        rules = []
        links = CompiledLinks(stacking: parts.map(\.links), firstLanes: firstLanes, laneWidth: width, optionCounts: first.optionCounts)
    }
}
