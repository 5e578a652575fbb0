internal import Dispatch

/// Runs git work on a dedicated serial queue, off Swift's cooperative thread pool (one thread
/// per core: blocking one on disk I/O stalls that core's share of the process).
///
/// libgit2 objects must not cross threads, so each job opens what it needs, uses it and lets it
/// go inside `body`; only `Sendable` results leave.
package final class GitExecutor: Sendable {
    private let queue: DispatchQueue

    package init(label: String = "sparkd.git") {
        queue = DispatchQueue(label: label, qos: .userInitiated)
    }

    /// A process-wide executor for one-shot commands.
    package static let shared = GitExecutor()

    package func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
