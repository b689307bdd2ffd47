import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a reader sees either the old content or the new, never a half, and
/// so that saving changes nothing about the file but its content.
///
/// A regular file (or a new one) gets a temporary file beside it, flushed to disk, then
/// renamed over it; the temporary file takes the old file's mode and owner first. A
/// symbolic link is followed: its target is replaced and the link stays. Anything that is
/// not a regular file (a character device such as `/dev/full`, a pipe, a socket) is
/// written directly: renaming over it would replace the device node with a file.
///
///     try AtomicFile.write(Data("text".utf8), to: "brief.txt")
///     try AtomicFile.write(journal, to: path, permissions: 0o600)
public enum AtomicFile {
    /// A write that failed, with the system's reason.
    public struct Failure: Error, CustomStringConvertible, LocalizedError {
        public let path: String
        public let reason: String

        public var description: String { "\(path): \(reason)" }
        public var errorDescription: String? { description }
    }

    /// Writes `data` to `path`. `permissions` sets the mode of the file written (journals:
    /// 0600); without it a new file gets 0666 less the umask and an existing one keeps its mode.
    public static func write(_ data: Data, to path: String, permissions: mode_t? = nil) throws(Failure) {
        let target = try resolvedTarget(path)
        var status = stat()
        let exists = stat(target, &status) == 0
        if exists && (status.st_mode & S_IFMT) == S_IFDIR { throw Failure(path: path, reason: "is a directory") }
        if exists && (status.st_mode & S_IFMT) != S_IFREG {
            try direct(data, to: target, named: path)
            return
        }
        let url = URL(fileURLWithPath: target)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/.\(url.lastPathComponent).\(getpid()).tmp"
        unlink(temporary)  // left by a crashed process with this pid, or by nobody
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions ?? 0o666)
        guard descriptor >= 0 else { throw folderFailure(path, folder: directory) }
        if exists && fchown(descriptor, status.st_uid, status.st_gid) != 0 && (status.st_uid != geteuid() || status.st_gid != getegid()) {
            // The new file could not be given the old one's owner: write in place, as
            // editors do, rather than hand the file to another user.
            close(descriptor)
            unlink(temporary)
            try direct(data, to: target, named: path)
            return
        }
        var closed = false
        do throws(Failure) {
            if exists {
                guard fchmod(descriptor, permissions ?? (status.st_mode & 0o7777)) == 0 else { throw failure(path) }
            } else if let permissions {
                guard fchmod(descriptor, permissions) == 0 else { throw failure(path) }
            }
            try writeAll(data, to: descriptor, named: path)
            guard fsync(descriptor) == 0 else { throw failure(path) }
            closed = true
            guard close(descriptor) == 0 else { throw failure(path) }
            guard rename(temporary, target) == 0 else { throw failure(path) }
        } catch {
            if !closed { close(descriptor) }
            unlink(temporary)
            throw error
        }
        let folder = open(directory, O_RDONLY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Writes all of `data` to an open descriptor (standard output, a device, a pipe).
    public static func writeAll(_ data: Data, to descriptor: Int32, named name: String) throws(Failure) {
        let failed: Bool = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                offset += written
            }
            return false
        }
        if failed { throw failure(name) }
    }

    /// Opens an existing file that must not be replaced and writes into it. A pipe nobody
    /// reads is an error (ENXIO) rather than a wait without end.
    private static func direct(_ data: Data, to target: String, named path: String) throws(Failure) {
        let descriptor = open(target, O_WRONLY | O_TRUNC | O_NOCTTY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw failure(path) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        do throws(Failure) {
            try writeAll(data, to: descriptor, named: path)
        } catch {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw failure(path) }
    }

    /// The file a path finally names, following symbolic links (also dangling ones, whose
    /// target is then created).
    static func resolvedTarget(_ path: String) throws(Failure) -> String {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length >= 0 else { throw failure(path) }
            let link = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let folder = (current as NSString).deletingLastPathComponent
            current = link.hasPrefix("/") ? link : (folder.isEmpty ? "." : folder) + "/" + link
        }
        throw Failure(path: path, reason: "too many levels of symbolic links")
    }

    /// Why a new file could not be made in `folder`, in terms of the folder (the file
    /// itself is not there yet): it is missing, is not a folder, or may not be written.
    private static func folderFailure(_ path: String, folder: String) -> Failure {
        let code = errno
        var status = stat()
        let name = folder.isEmpty ? "." : folder
        if code == ENOENT || code == ENOTDIR {
            let kind = stat(name, &status) == 0 ? "is not a folder" : "does not exist"
            return Failure(path: path, reason: "the folder \(name) \(kind)")
        }
        if code == EACCES || code == EPERM || code == EROFS {
            return Failure(path: path, reason: "no permission to create files in the folder \(name)" + (code == EROFS ? " (read-only file system)" : ""))
        }
        return Failure(path: path, reason: String(cString: strerror(code)))
    }

    private static func failure(_ path: String) -> Failure {
        Failure(path: path, reason: String(cString: strerror(errno)))
    }
}
