import EntenteCore

/// The lines that differ between two scenarios as `ScenarioWriter` writes them, each hunk
/// after the lines that enclose it (its actor, issue, interest), so a change reads in place:
///
///     actors:
///       - id: us
///         interests:
///           chips:
///     -       salience: 1
///     +       salience: 1.2
public enum ScenarioDiff {
    public static func lines(from old: Scenario, to new: Scenario) -> [String] {
        let before = ScenarioWriter.yaml(old).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let after = ScenarioWriter.yaml(new).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in after.difference(from: before) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var output: [String] = []
        var printed = Set<Int>()
        var (i, j) = (0, 0)
        while i < before.count || j < after.count {
            if i < before.count, removed.contains(i) {
                enclosing(i, indent: indentation(before[i]), in: before, skipping: removed, printed: &printed, into: &output)
                output.append("- " + before[i])
                i += 1
            } else if j < after.count, inserted.contains(j) {
                enclosing(i, indent: indentation(after[j]), in: before, skipping: removed, printed: &printed, into: &output)
                output.append("+ " + after[j])
                j += 1
            } else {
                i += 1
                j += 1
            }
        }
        return output
    }

    /// Prints, once each, the unchanged lines above `index` that enclose a line indented
    /// by `indent` (each less indented than the one below it).
    private static func enclosing(_ index: Int, indent: Int, in lines: [String], skipping removed: Set<Int>,
                                  printed: inout Set<Int>, into output: inout [String]) {
        var chain: [Int] = []
        var indent = indent
        var k = index - 1
        while k >= 0, indent > 0 {
            if !lines[k].isEmpty, !removed.contains(k), indentation(lines[k]) < indent {
                chain.append(k)
                indent = indentation(lines[k])
            }
            k -= 1
        }
        for line in chain.reversed() where !printed.contains(line) {
            printed.insert(line)
            output.append("  " + lines[line])
        }
    }

    private static func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }
}
