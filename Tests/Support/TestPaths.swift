import Foundation

/// Where the repository is, for every test target that reads the shipped data, fixtures or
/// the built binary: found from this file's place in it (`Tests/Support/`).
public enum TestPaths {
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
