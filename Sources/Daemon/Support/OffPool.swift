internal import Dispatch

/// Runs blocking work (SQLite through GRDB, file system checks) on a Dispatch queue instead of
/// Swift's cooperative pool, which has one thread per core: a blocked pool thread stalls that
/// core's share of the daemon. Git work goes through GitKit's `GitExecutor` instead.
enum OffPool {
    private static let queue = DispatchQueue(label: "sparkd.blocking", qos: .userInitiated, attributes: .concurrent)

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
