import Foundation
import Testing

/// The trainer's pack in Data/workshops/open-internet is what the commands its README lists
/// print today: each is run again and compared with the committed file, so the pack cannot
/// go stale when the scenario or Entente changes, and every file there is one of them.
@Suite struct WorkshopPackTests {
    static let folder = "Data/workshops/open-internet"

    /// The `entente …` lines of the README's shell blocks, each as its arguments and the file
    /// its `--output` names. The lines hold no quotes, so splitting at spaces is exact.
    static func commands() throws -> [(arguments: [String], output: String)] {
        let readme = try String(contentsOf: BinaryRunner.root.appendingPathComponent(folder + "/README.md"), encoding: .utf8)
        var inBlock = false
        var commands: [(arguments: [String], output: String)] = []
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inBlock = line == "```sh"; continue }
            guard inBlock, line.hasPrefix("entente ") else { continue }
            #expect(!line.contains("'") && !line.contains("\""), "\(line)")
            var words = line.split(separator: " ").dropFirst().map(String.init)
            let flag = try #require(words.firstIndex(of: "--output"), "\(line) names its file")
            let output = words[flag + 1]
            words.removeSubrange(flag...(flag + 1))
            commands.append((words, output))
        }
        return commands
    }

    @Test func thePackIsWhatItsCommandsPrint() throws {
        let commands = try Self.commands()
        #expect(commands.count > 20, "a role brief per seat and the answer key")
        for command in commands {
            let run = try BinaryRunner.run(command.arguments, timeout: 600)
            #expect(run.status == 0, "\(command.arguments.joined(separator: " ")): \(run.stderrText)")
            let committed = try String(contentsOf: BinaryRunner.root.appendingPathComponent(command.output), encoding: .utf8)
            #expect(run.stdoutText == committed, "\(command.output) is stale: run the README's commands again")
        }
    }

    @Test func everyFileOfThePackIsWrittenByACommand() throws {
        let written = Set(try Self.commands().map(\.output))
        let root = BinaryRunner.root.appendingPathComponent(Self.folder)
        let files = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }
            .filter { !$0.hasSuffix("README.md") && !(try! root.appendingPathComponent($0).resourceValues(forKeys: [.isDirectoryKey]).isDirectory!) }
        #expect(Set(files.map { Self.folder + "/" + $0 }) == written)
        let seats = try BinaryRunner.run(["roles", "Data/open-internet.yaml"])
        let actors = seats.stdoutText.split(separator: "\n").filter { $0.hasPrefix("Role brief: ") }.count
        #expect(written.filter { $0.contains("/roles/") }.count == actors, "a role brief for every seat")
    }
}
