import Foundation
import Testing

/// `entente roles` as a user runs it: every shipped scenario prints, the shipped scenario's
/// briefs come first, and bad input or flags exit with a message, never a crash.
@Suite struct RolesCLITests {
    @Test func everyShippedScenarioPrintsItsRoles() throws {
        for file in ["Data/open-internet.yaml", "Data/training/cables-and-chips.yaml", "Data/training/four-futures.yaml"] {
            for format in ["text", "md"] {
                let run = try BinaryRunner.run(["roles", file, "--format", format])
                #expect(run.status == 0, "\(file) \(format): \(run.stderrText)")
                #expect(run.stdoutText.contains("Role brief: "), "\(file)")
                #expect(BinaryRunner.firstRawControl(in: run.stdout) == nil)
            }
        }
    }

    @Test func oneActorsBriefHoldsItsTextAndOnlyItsNumbers() throws {
        let run = try BinaryRunner.run(["roles", "Data/open-internet.yaml", "--for", "india"])
        #expect(run.status == 0)
        let text = run.stdoutText
        #expect(text.hasPrefix("Role brief: India\n"))
        #expect(text.contains("Who you are: India"))
        #expect(text.contains("+8.00 points when Digital Infrastructure and Defence Alliance"))
        #expect(!text.contains("Role brief: United States"))
        #expect(!text.contains("Illustrative judgement"), "no note of any stance")
    }

    @Test func badInputAndFlagsExitWithAMessage() throws {
        let unknown = try BinaryRunner.run(["roles", "Data/open-internet.yaml", "--for", "atlantis"])
        #expect(unknown.status == 64)
        #expect(unknown.stderrText.contains("unknown actor 'atlantis'; expected one of: us, eu,"))
        let format = try BinaryRunner.run(["roles", "Data/open-internet.yaml", "--format", "json"])
        #expect(format.status == 64 && !format.crashed)
        #expect(try BinaryRunner.run(["roles", "no/such/file.yaml"]).status == 66)
        #expect(try BinaryRunner.run(["roles"]).status == 64)
        let broken = try BinaryRunner.run(["roles", "Tests/Fixtures/broken.yaml"])
        #expect(broken.status == 65 && broken.stderrText.contains("Tests/Fixtures/broken.yaml:"))
        let empty = try BinaryRunner.run(["roles", "-"], stdin: Data())
        #expect(empty.status == 65 && !empty.crashed)
        let full = try BinaryRunner.run(["roles", "Data/training/cables-and-chips.yaml", "--output", "/dev/full"])
        #expect(full.status == 73 && full.stderrText.contains("/dev/full: error: cannot write"))
    }
}
