import Foundation

/// A path in a fresh temporary folder, removed with everything in it when the test ends.
final class TemporaryFile {
    let folder: URL
    let path: String

    init(extension ext: String) {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-server-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("file.\(ext)").path
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}
