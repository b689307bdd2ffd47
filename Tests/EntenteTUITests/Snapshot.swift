import EntenteTUI
import Foundation
import Testing
import EntenteTestSupport

/// Golden files of rendered screens: the text, then a style layer (one letter per styled
/// cell, explained by a legend), so a lost highlight or colour fails as surely as a lost
/// word. `ENTENTE_RECORD=1` rewrites the files and fails, so a recording run is never
/// taken for a passing one; a mismatch prints the lines that differ.
enum Snapshot {
    static let folder = TestPaths.repository.appendingPathComponent("Tests/EntenteTUITests/Snapshots")

    /// The grid as the golden file holds it.
    static func text(_ grid: Grid) -> String {
        var legend: [Style: Character] = [:]
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let layer = (0..<grid.height).map { y in
            let row = String((0..<grid.width).map { x -> Character in
                let style = grid[x, y].style
                guard style != Style() else { return " " }
                if let letter = legend[style] { return letter }
                let letter = letters[min(legend.count, letters.count - 1)]
                legend[style] = letter
                return letter
            })
            return String(row.reversed().drop { $0 == " " }.reversed())
        }
        let names = legend.sorted { $0.value < $1.value }.map { "\($0.value) \(describe($0.key))" }
        return (grid.lines + ["", "styles: " + names.joined(separator: "; ")] + layer).joined(separator: "\n") + "\n"
    }

    private static func describe(_ style: Style) -> String {
        ([style.bold ? "bold" : nil, style.reverse ? "reverse" : nil, style.dim ? "dim" : nil, style.role.map { "\($0)" }]
            .compactMap { $0 }).joined(separator: " ")
    }

    static func expect(_ grid: Grid, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let text = text(grid)
        let path = folder.appendingPathComponent("\(name).txt").path
        if ProcessInfo.processInfo.environment["ENTENTE_RECORD"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(name); run again without ENTENTE_RECORD to check it", sourceLocation: sourceLocation)
            return
        }
        let golden = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        guard text != golden else { return }
        let message = "snapshot \(name) differs (ENTENTE_RECORD=1 rewrites it):\n" + diff(golden, text)
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// The lines that differ, numbered: `-` the golden file, `+` the screen now.
    static func diff(_ old: String, _ new: String) -> String {
        let before = old.split(separator: "\n", omittingEmptySubsequences: false)
        let after = new.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for line in 0..<max(before.count, after.count) {
            let a = line < before.count ? String(before[line]) : nil, b = line < after.count ? String(after[line]) : nil
            guard a != b else { continue }
            let number = String(repeating: " ", count: max(0, 3 - String(line + 1).count)) + String(line + 1)
            if let a { lines.append(number + " - " + a) }
            if let b { lines.append(number + " + " + b) }
        }
        return lines.joined(separator: "\n")
    }
}
