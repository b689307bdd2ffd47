import Foundation
import Testing

/// `entente pareto`'s reports, text and JSON, byte for byte against the ones Entente wrote
/// before its JSON was streamed and its set built block by block (written by that version
/// into Tests/Fixtures/pareto, the JSON with the `"future" : "today"` line reports have
/// carried since; `cases.tsv` gives each case's arguments).
@Suite struct ParetoOutputTests {
    struct Case: CustomStringConvertible {
        let name: String
        let arguments: [String]
        var description: String { name }
    }

    static let folder = BinaryRunner.root.appendingPathComponent("Tests/Fixtures/pareto")

    static func cases() throws -> [Case] {
        let table = try String(contentsOf: folder.appendingPathComponent("cases.tsv"), encoding: .utf8)
        return table.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", maxSplits: 1)
            return Case(name: String(fields[0]), arguments: fields[1].split(separator: " ").map(String.init))
        }
    }

    @Test func theCasesCoverSetsLargeAndEmpty() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 7)
        #expect(cases.contains { $0.name == "generated-none" })
    }

    @Test(arguments: (try? cases()) ?? [])
    func reportsAreUnchanged(_ example: Case) throws {
        for json in [true, false] {
            let run = try BinaryRunner.run(["pareto"] + example.arguments + (json ? ["--json"] : []))
            #expect(run.status == 0)
            let expected = try Data(contentsOf: Self.folder.appendingPathComponent(example.name + (json ? ".json" : ".txt")))
            #expect(run.stdout == expected, "\(example.name) \(json ? "JSON" : "text") differs")
        }
    }
}
