import Foundation
import Testing

/// Where scenarios come from and reports go: standard input (`-`, `/dev/stdin`), standard
/// output (`-`), and what an interrupted search says about the part it did not search.
extension CLITests {
    /// Runs the binary with `input` on its standard input.
    func entente(input: String, _ arguments: String...) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = Self.root
        let inlet = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = inlet
        process.standardOutput = out
        process.standardError = err
        try process.run()
        inlet.fileHandleForWriting.write(Data(input.utf8))
        try inlet.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func aScenarioCanBePipedIn() throws {
        let scenario = try String(contentsOfFile: Self.root.path + "/Data/training/cables-and-chips.yaml", encoding: .utf8)
        for name in ["-", "/dev/stdin"] {
            let run = try entente(input: scenario, "search", name, "--json")
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try json(run)["packages"] != nil)
        }
        let broken = try entente(input: "entente: 1\ntitle: x\nissues: 3\n", "validate", "-")
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("<stdin>:3:9: error: expected issues as a list"))
        #expect(broken.stderr.contains("errors in standard input"))
        let workbench = try entente(input: scenario, "-")
        #expect(workbench.status == 64 && workbench.stderr.contains("cannot read the scenario there"))
    }

    @Test func dashIsStandardOutput() throws {
        let run = try entente("search", "Data/training/cables-and-chips.yaml", "--output", "-")
        #expect(run.status == 0 && run.stdout.hasPrefix("Cables and chips: top 7"))
        #expect(!FileManager.default.fileExists(atPath: Self.root.path + "/-"))
    }

    /// A search stopped before it found anything has proved nothing: it says how much it
    /// searched and that the rest was not, never that no package exists.
    @Test func aSearchStoppedEarlySaysWhatWasNotSearched() throws {
        try withTemporaryPath(".yaml") { path in
            #expect(try entente("generate", "--actors", "30", "--issues", "24", "--options", "4", "--output", path).status == 0)
            let run = try entente("search", path, "--objective", "novelty", "--time-limit", "0.001")
            #expect(run.stdout.contains("NOT proven optimal"))
            #expect(!run.stdout.contains("No package gives"), "\(run.stdout)")
            if run.stdout.contains("top 0 by") {
                #expect(run.stdout.contains("No package found yet: ") && run.stdout.contains("was not searched"), "\(run.stdout)")
            }
        }
    }
}
