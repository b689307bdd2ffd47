import EntenteCore
import EntenteSession
@testable import EntenteTUI
import EntenteWorkbench
import Foundation
import Testing
import EntenteTestSupport

/// The Levers screen (issue 15, defect 10): labels never collide or touch, are cut only
/// where they must and then say so, issues on one point share one marker, and the list
/// scrolls to every issue.
@Suite struct LeversTests {
    func bench(_ size: Size, file: String = "Data/open-internet.yaml") throws -> LocalWorkbench {
        let scenario = try ScenarioLoader.load(path: TestPaths.repository.appendingPathComponent(file).path)
        var bench = LocalWorkbench(scenario: scenario, file: file, size: size)
        _ = update(&bench, .show(.levers))
        return bench
    }

    /// The cells each label takes, with the row: no two labels share or touch a cell, and a
    /// label covers no marker.
    func checkApart(_ layout: LeverLayout, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let markers = Set(layout.markers.map { [$0.x, $0.y] })
        for (index, label) in layout.labels.enumerated() {
            let width = DisplayWidth.of(label.text)
            #expect(layout.columns.contains(label.x) && layout.columns.contains(label.x + width - 1), "\(label) inside the plot", sourceLocation: sourceLocation)
            #expect(layout.rows.contains(label.y), sourceLocation: sourceLocation)
            for x in label.x..<(label.x + width) {
                #expect(!markers.contains([x, label.y]), "\(label.text) covers a marker", sourceLocation: sourceLocation)
            }
            for other in layout.labels[(index + 1)...] where other.y == label.y {
                let apart = other.x > label.x + width || label.x > other.x + DisplayWidth.of(other.text)
                #expect(apart, "\(label.text) and \(other.text) touch", sourceLocation: sourceLocation)
            }
            // A marker right before or after a label is the label's own.
            for x in [label.x - 1, label.x + width] where markers.contains([x, label.y]) {
                let own = layout.markers[label.marker]
                #expect(own.x == x && own.y == label.y, "\(label.text) touches another marker", sourceLocation: sourceLocation)
            }
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    func randomPointsNeverCollide(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let count = 2 + Int(random.next() % 30)
        let columns = 8..<(20 + Int(random.next() % 180)), rows = 2..<(6 + Int(random.next() % 40))
        let points = (0..<count).map { index in
            (x: columns.lowerBound + Int(random.next() % UInt64(columns.count)),
             y: rows.lowerBound + Int(random.next() % 4) * max(1, rows.count / 4) % rows.count,
             label: String(String(repeating: "abcdefghij", count: 2).prefix(3 + Int(random.next() % 18))) + "\(index)")
        }
        let layout = LeverLayout(points: points, columns: columns, rows: rows)
        checkApart(layout)
        // Every point is in exactly one marker, on its own row and within a column of it.
        #expect(layout.markers.flatMap(\.members).sorted() == Array(points.indices))
        for marker in layout.markers {
            for member in marker.members {
                #expect(points[member].y == marker.y)
                #expect(abs(points[member].x - marker.x) <= 2)
            }
        }
        for label in layout.labels {
            let full = layout.markers[label.marker].members.map { points[$0].label }.joined(separator: ",")
            #expect(label.text == full || (label.text.hasSuffix("…") && full.hasPrefix(String(label.text.dropLast()))), "\(label.text) from \(full)")
        }
    }

    @Test func pointsOnOneSpotShareAMarker() {
        let layout = LeverLayout(points: [(x: 20, y: 5, label: "semis"), (x: 21, y: 5, label: "cables"), (x: 40, y: 5, label: "content"), (x: 20, y: 9, label: "dida")],
                                 columns: 8..<70, rows: 2..<12)
        #expect(layout.markers.map(\.members) == [[0, 1], [2], [3]])
        #expect(layout.labels.map(\.text) == ["semis,cables", "content", "dida"])
        #expect(layout.markers[0].x == 21, "between its two points")
        #expect(layout.labels[0].x == 22 && layout.labels[0].y == 5, "to the right of its marker")
    }

    @Test func aCrowdedRowMovesLabelsToTheRowsBesideIt() {
        let layout = LeverLayout(points: [(x: 20, y: 5, label: "oversight"), (x: 23, y: 5, label: "standards-governance"), (x: 30, y: 5, label: "cables")],
                                 columns: 8..<70, rows: 2..<12)
        #expect(layout.labels.map(\.text) == ["oversight", "standards-governance", "cables"])
        #expect(layout.labels.map(\.y) == [5, 4, 5])
        #expect(layout.labels[1].x == 23, "above its marker, starting at its column")
        checkApart(layout)
    }

    @Test(arguments: [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40), Size(columns: 200, rows: 50)])
    func theShippedScenarioIsReadable(size: Size) throws {
        let bench = try bench(size)
        let plot = LeversScreen.Plot(bench.state)
        checkApart(plot.layout)
        let grid = WorkbenchView.render(bench)
        for label in plot.layout.labels {
            #expect(grid.lines[label.y].contains(label.text), "\(label.text) drawn as laid out")
        }
        if size.columns >= 200 {
            #expect(plot.layout.labels.allSatisfy { !$0.text.hasSuffix("…") }, "no label is cut at 200 columns")
            let labelled = plot.layout.labels.flatMap { $0.text.split(separator: ",").map(String.init) }
            #expect(Set(labelled) == Set(bench.state.scenario.issues.map(\.id)), "every issue labelled")
        }
    }

    @Test func theListScrollsToEveryIssue() throws {
        var bench = try bench(Size(columns: 80, rows: 24))
        let issues = bench.state.scenario.issues.map(\.id)
        var listed = Set<String>()
        var frames: [[String]] = []
        for _ in 0..<(issues.count + 2) {
            let lines = WorkbenchView.render(bench).lines
            frames.append(lines)
            for line in lines { if let first = line.split(separator: " ").first, issues.contains(String(first)) { listed.insert(String(first)) } }
            _ = update(&bench, Keymap.workbench.action(for: .character("j"), in: bench)!)
        }
        #expect(listed == Set(issues), "every issue is listed once scrolled")
        #expect(frames.first!.contains { $0.contains("more below (") })
        #expect(frames.last!.contains { $0.contains("the end (") })
        #expect(bench.state.leversScroll == issues.count - LeversScreen.listExtent(bench.state).shown, "stops at the end")
        _ = update(&bench, Keymap.workbench.action(for: .pageUp, in: bench)!)
        _ = update(&bench, Keymap.workbench.action(for: .pageUp, in: bench)!)
        _ = update(&bench, Keymap.workbench.action(for: .pageUp, in: bench)!)
        #expect(bench.state.leversScroll == 0)
    }
}
