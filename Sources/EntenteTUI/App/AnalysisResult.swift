import EntenteCore

/// The analysis of one package, as it travels back from the effect that computed it.
/// Two results are equal when they analyse the same evaluation: the analysis is a
/// deterministic function of it (robustness draws are seeded).
public struct AnalysisResult: Equatable, Sendable {
    public let analysis: PackageAnalysis

    public init(_ analysis: PackageAnalysis) { self.analysis = analysis }

    public var package: Package { analysis.evaluation.package }

    public static func == (lhs: AnalysisResult, rhs: AnalysisResult) -> Bool {
        lhs.analysis.evaluation == rhs.analysis.evaluation
    }
}
