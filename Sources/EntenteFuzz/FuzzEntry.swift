import CLibFuzzer
import EntenteCore
import Foundation

/// Hands control to libFuzzer's driver, which calls `fuzzOneInput` for every input it
/// makes; its flags (`-max_total_time=60`, a corpus folder) are libFuzzer's own.
@main
enum EntenteFuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            fuzzOneInput(data!, size)
        })
    }
}

/// libFuzzer's callback: one input, read as a scenario file and as a Decide file.
///
/// A loaded scenario is also compiled, its status quo and a package built from the input's
/// bytes evaluated, and written back to YAML and reloaded, so the fuzzer reaches the
/// engine and the writer, not only the parser. Every failure must be a diagnostic; any
/// trap, crash or sanitizer report is a bug. Built only with `ENTENTE_FUZZ=1` (see
/// docs/architecture.md, "Fuzzing").
func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    FuzzTarget.run(data)
    return 0
}

/// What one fuzz input exercises; kept apart from the C entry point so it reads as Swift.
enum FuzzTarget {
    static func run(_ data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return }
        if let scenario = try? ScenarioLoader.parse(text, file: "fuzz.yaml") {
            exercise(scenario, seed: data)
        }
        _ = try? DecideFile.parse(text, file: "fuzz.txt")
    }

    private static func exercise(_ scenario: Scenario, seed: Data) {
        let compiled = CompiledScenario(scenario)
        let evaluator = PackageEvaluator(compiled)
        _ = evaluator.evaluate(Package(choices: scenario.issues.map(\.statusQuoIndex)))
        let choices = scenario.issues.enumerated().map { index, issue in
            Int(seed.isEmpty ? 0 : seed[seed.startIndex + index % seed.count]) % issue.options.count
        }
        _ = evaluator.evaluate(Package(choices: choices))
        let written = ScenarioWriter.yaml(scenario)
        guard let reloaded = try? ScenarioLoader.parse(written, file: "fuzz.yaml") else {
            fatalError("a loaded scenario wrote YAML that does not load again:\n\(written)")
        }
        guard reloaded == scenario else { fatalError("a scenario changed on its way through YAML:\n\(written)") }
    }
}
