import CScanKernel

/// The instruction set the scanning kernel runs on. Both give the same results to the
/// last bit; AVX2 compares eight actors per instruction where the portable kernel needs
/// two SSE2 compares and a pack.
///
/// ```swift
/// let result = try PackageSearch(scenario).run(request, kernel: .portable)
/// ```
public enum ScanKernel: String, Sendable, CaseIterable {
    /// SSE2 on x86-64, plain C elsewhere: runs on every processor.
    case portable
    /// AVX2, chosen at run time on processors that have it.
    case avx2

    /// The fastest kernel this processor runs.
    public static let best: ScanKernel = entente_avx2_available() ? .avx2 : .portable

    /// Kernels this processor runs.
    public static var available: [ScanKernel] { allCases.filter(\.isAvailable) }

    public var isAvailable: Bool { self == .portable || entente_avx2_available() }

    /// The kernel's functions; the portable ones when this processor cannot run `self`.
    var functions: EntenteScanKernel {
        entente_scan_kernel(self == .avx2 ? EntenteKernelAVX2 : EntenteKernelPortable).pointee
    }
}
