internal import Dispatch
internal import Foundation

/// A value computed on a thread of its own while the caller goes on; ``value()`` waits for it.
/// `sparkd-hook` loads its recipes (YAML files, 1.1 ms) this way while it reads the index and
/// the staged blobs.
package final class BackgroundLoad<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written once by the loading thread before `finished` is signalled, read only after.
    private var result: Result<Value, any Error>?

    package init(_ work: @escaping @Sendable () throws -> Value) {
        Thread.detachNewThread { [self] in
            result = Result { try work() }
            finished.signal()
        }
    }

    /// The value, or what loading it threw.
    package func value() throws -> Value {
        finished.wait()
        finished.signal()
        return try result!.get()
    }
}
