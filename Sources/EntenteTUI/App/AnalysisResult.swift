import EntenteCore
import EntenteSession

/// The analysis of one package, as it travels back from the effect that computed it.
/// Two results are equal when they analyse the same evaluation of the same revision: the
/// analysis is a deterministic function of it (robustness draws are seeded).
public struct AnalysisResult: Equatable, Sendable {
    public let analysis: PackageAnalysis
    /// The session's revision the analysis was made on: on any other it is stale.
    public let revision: Int
    /// The package today and in every future of the document (empty without futures): where
    /// it holds and what breaks where.
    public let futures: [FutureVerdict]

    public init(_ analysis: PackageAnalysis, revision: Int, futures: [FutureVerdict] = []) {
        self.analysis = analysis
        self.revision = revision
        self.futures = futures
    }

    public var package: Package { analysis.evaluation.package }

    public static func == (lhs: AnalysisResult, rhs: AnalysisResult) -> Bool {
        lhs.revision == rhs.revision && lhs.analysis.evaluation == rhs.analysis.evaluation && lhs.futures == rhs.futures
    }
}
