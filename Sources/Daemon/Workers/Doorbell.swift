internal import Synchronization

/// Wakes idle workers: rung when a job is queued (and by the pool's ticker, for jobs whose
/// backoff ends). Each worker has its own stream that holds at most one pending ring, so a ring
/// is never lost and never piles up.
final class Doorbell: Sendable {
    private let continuations = Mutex<[AsyncStream<Void>.Continuation]>([])

    /// A stream of rings for one worker.
    func subscribe() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        continuations.withLock { $0.append(continuation) }
        return stream
    }

    func ring() {
        continuations.withLock { list in for continuation in list { continuation.yield() } }
    }

    /// Ends every stream: the workers' loops finish.
    func close() {
        continuations.withLock { list in
            for continuation in list { continuation.finish() }
            list.removeAll()
        }
    }
}
