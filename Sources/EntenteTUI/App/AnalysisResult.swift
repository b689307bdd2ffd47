import EntenteCore

/// The analysis of one package, as it travels back from the effect that computed it.
/// Two results are equal when they analyse the same evaluation of the same revision: the
/// analysis is a deterministic function of it (robustness draws are seeded).
public struct AnalysisResult: Equatable, Sendable {
    public let analysis: PackageAnalysis
    /// The session's revision the analysis was made on: on any other it is stale.
    public let revision: Int

    public init(_ analysis: PackageAnalysis, revision: Int) {
        self.analysis = analysis
        self.revision = revision
    }

    public var package: Package { analysis.evaluation.package }

    public static func == (lhs: AnalysisResult, rhs: AnalysisResult) -> Bool {
        lhs.revision == rhs.revision && lhs.analysis.evaluation == rhs.analysis.evaluation
    }
}
