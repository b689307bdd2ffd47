/// Commands sent and not yet acknowledged, in the order they were given, each under the id
/// the client chose for it. After a reconnect every one is sent again with the same id; the
/// server applies a command at most once, so a command whose ack was lost on the way is
/// acknowledged again, not applied twice.
///
///     var outbox = Outbox<String>(prefix: "k3f")
///     let id = outbox.add("propose")        // "k3f-1"
///     outbox.acknowledge(id)                // gone; a later resend skips it
public struct Outbox<Command: Sendable>: Sendable {
    /// What makes this client's ids its own: ids are `prefix-1`, `prefix-2`, …
    public let prefix: String
    public private(set) var pending: [(id: String, command: Command)] = []
    private var counter = 0

    public init(prefix: String) { self.prefix = prefix }

    /// Keeps a command until it is acknowledged, and returns its id.
    public mutating func add(_ command: Command) -> String {
        counter += 1
        let id = "\(prefix)-\(counter)"
        pending.append((id, command))
        return id
    }

    /// The server took (or refused) the command with this id: it is not sent again.
    /// Returns the command, or nil for an id not pending (an ack repeated after a resend).
    @discardableResult
    public mutating func acknowledge(_ id: String) -> Command? {
        guard let index = pending.firstIndex(where: { $0.id == id }) else { return nil }
        return pending.remove(at: index).command
    }
}
