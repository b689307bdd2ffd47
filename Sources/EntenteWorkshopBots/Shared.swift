import Synchronization

/// A value several tasks read and change, behind a lock: a reference, so that closures and
/// tasks can hold it (a `Mutex` itself cannot be copied into them).
public final class Shared<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    public init(_ value: Value) { mutex = Mutex(value) }

    public var value: Value { mutex.withLock { $0 } }

    @discardableResult
    public func withLock<Result: Sendable>(_ body: (inout Value) -> Result) -> Result { mutex.withLock { body(&$0) } }
}
