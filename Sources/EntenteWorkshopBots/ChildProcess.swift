import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starting a child process the way the load test and the end-to-end tests need it: its
/// standard input from /dev/null, its output to files or a pipe, an empty signal mask and
/// default dispositions for the signals a test thread may block or ignore, so that SIGTERM,
/// SIGINT and SIGWINCH reach it. One place for the posix_spawn set-up they all share.
public enum ChildProcess {
    /// Where one of the child's output streams goes.
    public enum Output: Sendable {
        case discard
        /// A file, truncated or appended to.
        case file(String, append: Bool)
        /// The write end of a pipe; the child closes the read end.
        case pipe(write: Int32, read: Int32)
    }

    /// Starts `arguments[0]` (looked up on PATH when it has no slash) and returns its pid
    /// without waiting; throws with the reason when it cannot be started.
    public static func spawn(_ arguments: [String], stdout: Output = .discard, stderr: Output = .discard) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        for (stream, output) in [(STDOUT_FILENO, stdout), (STDERR_FILENO, stderr)] {
            switch output {
            case .discard:
                posix_spawn_file_actions_addopen(&actions, stream, "/dev/null", O_WRONLY, 0)
            case .file(let path, let append):
                posix_spawn_file_actions_addopen(&actions, stream, path, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0o644)
            case .pipe(let write, let read):
                posix_spawn_file_actions_adddup2(&actions, write, stream)
                posix_spawn_file_actions_addclose(&actions, read)
            }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, environ)
        guard spawned == 0 else { throw ClientError("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))") }
        return pid
    }
}
