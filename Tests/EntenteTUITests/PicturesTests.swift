@testable import EntenteCore
@testable import EntenteTUI
import EntenteWorkbench
import Foundation
import Testing
import EntenteTestSupport

/// The pictures: Compare's gain chart (every actor's gain under each pin, as bars around a
/// zero axis) and the robustness histogram under the finder's analysis, in Unicode and in
/// ASCII, on Data/training/cables-and-chips.yaml ranked by total gain.
@Suite struct PicturesTests {
    /// Bars drawn by hand: 40 points over the range -10…30 in 9 cells, the axis 2 cells in.
    @Test func barsAroundAZeroAxis() {
        #expect(Bars.length(0, scale: 10, width: 8) == 0)
        #expect(Bars.length(0.01, scale: 10, width: 8) == 1, "any gain shows")
        #expect(Bars.length(5, scale: 10, width: 8) == 4 && Bars.length(-10, scale: 10, width: 8) == 8)
        #expect(Bars.diverging(-5, lowest: -10, highest: 30, width: 9) == " ▒│      ")
        #expect(Bars.diverging(-10, lowest: -10, highest: 30, width: 9) == "▒▒│      ")
        #expect(Bars.diverging(15, lowest: -10, highest: 30, width: 9) == "  │███   ")
        #expect(Bars.diverging(0, lowest: -10, highest: 30, width: 9) == "  │      ")
        // Without losses the axis stands at the left and gains take every other cell.
        #expect(Bars.diverging(30, lowest: 0, highest: 30, width: 6) == "│█████")
    }

    /// Results 1, 6 and 7 of the search: everyone at +75; the US and the EU (India −5); the
    /// EU and India (the US held out by its red line).
    func compare(_ size: Size) throws -> LocalWorkbench {
        var bench = try WorkbenchViewTests().finderWithResults(size)
        for result in [0, 5, 6] {
            _ = update(&bench, .finder(.focusResult(result)))
            _ = update(&bench, .browsing(.pin))
        }
        _ = update(&bench, .show(.compare))
        bench.message = nil
        return bench
    }

    @Test(arguments: [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40)])
    func compareDrawsEveryActorsGainAsBars(size: Size) throws {
        let bench = try compare(size)
        let grid = WorkbenchView.render(bench)
        try Snapshot.expect(grid, "compare-chart-\(size.columns)x\(size.rows)")
        let india = try #require(grid.lines.first { $0.hasPrefix(" India") })
        #expect(india.contains("−5.00") && india.contains("▒│"), "a loss grows left of the axis: \(india)")
        let us = try #require(grid.lines.first { $0.hasPrefix(" United States") })
        #expect(us.contains("red line") && us.components(separatedBy: "│").count == 3, "no bar where a red line keeps the US out: \(us)")
        #expect(grid.lines.contains { $0.contains("Gains (points)  bars: █ gain, ▒ loss, │ zero") })
        let ascii = WorkbenchView.render(bench, charset: .ascii)
        try Snapshot.expect(ascii, "compare-chart-ascii-\(size.columns)x\(size.rows)")
        #expect(ascii.lines.contains { $0.hasPrefix(" India") && $0.contains("=|") && $0.contains("-5.00") })
        #expect(!ascii.lines.joined().contains("?"))
    }

    /// The finder's analysis of the second result (India stays in about four draws of five),
    /// scrolled to its end: the histogram of the draws under the robustness figures.
    @Test(arguments: [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40)])
    func robustnessDrawsAsAHistogram(size: Size) throws {
        var bench = try WorkbenchViewTests().finderWithResults(size)
        try WorkbenchViewTests().performAnalyses(&bench, update(&bench, .finder(.selectResult(1))))
        let robustness = try #require(bench.finder.analysis?.analysis.robustness)
        for _ in 0..<10 { _ = update(&bench, .page(1)) }
        let grid = WorkbenchView.render(bench)
        try Snapshot.expect(grid, "finder-histogram-\(size.columns)x\(size.rows)")
        let histogram = RobustnessHistogram.lines(robustness, width: size.columns - 2).map { " " + $0.0 }.dropFirst()
        #expect(histogram.count == robustness.staying.count - (robustness.staying.firstIndex { $0.draws > 0 } ?? 0))
        for (row, count) in zip(histogram, robustness.staying.indices.reversed()) {
            #expect(row.hasSuffix(Figures.percent(Double(robustness.staying[count].draws) / Double(robustness.draws))), "\(row)")
        }
        // The pane shows the histogram's rows as they are (at 80x24 the last of them, scrolled to the end).
        let shown = grid.lines.filter { $0.contains(" of 3 stay ") }
        #expect(!shown.isEmpty && shown.allSatisfy(histogram.contains))
        if size.rows >= 40 { #expect(shown == Array(histogram)) }
        let ascii = WorkbenchView.render(bench, charset: .ascii).lines.filter { $0.contains(" of 3 stay ") }
        #expect(ascii.first?.contains("#") == true && !ascii.joined().contains("?"))
    }

    /// A histogram worked out by hand: 100 draws, 60 keep all three members (all viable),
    /// 30 keep two (10 viable), 10 keep one (none viable); the tallest bar is 40 cells.
    @Test func theHistogramsBarsAreInProportion() {
        let robustness = Robustness(
            draws: 100, spread: 0.1, delta: 5, seed: 1, stayProbability: [], viableProbability: 0.7,
            staying: [StayingCount(draws: 0, viable: 0), StayingCount(draws: 10, viable: 0), StayingCount(draws: 30, viable: 10), StayingCount(draws: 60, viable: 60)],
            worstCaseGain: [], mostFragile: nil)
        let lines = RobustnessHistogram.lines(robustness, width: 78).map(\.0)
        let bar = { (full: Int, shaded: Int) in String(repeating: "█", count: full) + String(repeating: "▒", count: shaded) + String(repeating: " ", count: 40 - full - shaded) }
        #expect(lines == [
            "  draws by members who stay (█ viable, ▒ not):",
            "    3 of 3 stay  " + bar(40, 0) + "  60.0%",
            "    2 of 3 stay  " + bar(7, 13) + "  30.0%",
            "    1 of 3 stay  " + bar(0, 7) + "  10.0%",
        ])
    }
}
