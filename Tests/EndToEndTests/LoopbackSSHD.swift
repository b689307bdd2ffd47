import EntenteWorkshopBots
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real OpenSSH server of the test's own on loopback: its own host key, client key,
/// config and port in a temporary folder, with every login forced into one command
/// (`ForceCommand`), as a training host runs `entente join` for its participants.
/// Nothing of the machine's own sshd is used or touched.
final class LoopbackSSHD {
    static let sshd = "/usr/sbin/sshd"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: sshd) }

    let folder: URL
    let port: Int
    private var pid: pid_t = 0

    /// Starts sshd on a free high port, every login running `command` (a shell line).
    init(forcing command: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-sshd-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = Self.freePort()
        for key in ["host", "client"] {
            let status = TmuxSession.spawn(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path(key)], capture: false).status
            guard status == 0 else { throw CocoaError(.fileWriteUnknown) }
        }
        try FileManager.default.copyItem(atPath: path("client.pub"), toPath: path("authorized_keys"))
        let user = ProcessInfo.processInfo.environment["USER"] ?? String(cString: getpwuid(getuid()).pointee.pw_name)
        // As root, sshd wants its privilege separation folder; it is empty and harmless.
        if getuid() == 0 { try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true) }
        let config = """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(path("host"))
            PidFile \(path("sshd.pid"))
            AuthorizedKeysFile \(path("authorized_keys"))
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            PermitRootLogin prohibit-password
            StrictModes no
            UsePAM no
            SetEnv LANG=C.UTF-8 LC_ALL=C.UTF-8

            Match User \(user)
                ForceCommand \(command)

            """
        try config.write(to: folder.appendingPathComponent("sshd_config"), atomically: true, encoding: .utf8)
        pid = try Self.start([Self.sshd, "-D", "-f", path("sshd_config"), "-E", path("sshd.log")])
        // Ready when it accepts connections.
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !Self.accepts(port) { usleep(50_000) }
    }

    deinit {
        if pid > 0 {
            kill(pid, SIGTERM)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The client command that logs in (and so runs the forced command) in a terminal.
    var login: String {
        let user = ProcessInfo.processInfo.environment["USER"] ?? String(cString: getpwuid(getuid()).pointee.pw_name)
        return "ssh -tt -F /dev/null -p \(port) -i \(path("client")) -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \(user)@127.0.0.1"
    }

    var log: String { (try? String(contentsOfFile: path("sshd.log"), encoding: .utf8)) ?? "" }

    /// A port nothing listens on now (the kernel's choice for a socket bound to port 0).
    static func freePort() -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// True when something accepts a TCP connection on 127.0.0.1:port.
    static func accepts(_ port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// Starts a long-running program (`ChildProcess`), its output appended to `output`;
    /// returns its pid without waiting.
    static func start(_ arguments: [String], output: String = "/dev/null") throws -> pid_t {
        try ChildProcess.spawn(arguments, stdout: .file(output, append: true), stderr: .file(output, append: true))
    }
}
