internal import Synchronization

/// Wakes idle workers: rung when a job is queued (and by the pool's ticker, for jobs whose
/// backoff ends). Each worker has its own stream that holds at most one pending ring, so a ring
/// is never lost and never piles up.
final class Doorbell: Sendable {
    private struct State {
        var continuations: [Int: AsyncStream<Void>.Continuation] = [:]
        var next = 0
        var closed = false
    }

    private let state = Mutex(State())

    /// A stream of rings for one subscriber; already finished once the doorbell is closed. A
    /// subscriber that stops listening is forgotten.
    func subscribe() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let id: Int? = state.withLock { state in
            guard !state.closed else { return nil }
            state.next += 1
            state.continuations[state.next] = continuation
            return state.next
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.continuations.removeValue(forKey: id) }
        }
        return stream
    }

    func ring() {
        let continuations = state.withLock { Array($0.continuations.values) }
        for continuation in continuations { continuation.yield() }
    }

    /// Ends every stream, and every later one: the workers' loops finish.
    func close() {
        let continuations = state.withLock { state in
            state.closed = true
            defer { state.continuations.removeAll() }
            return Array(state.continuations.values)
        }
        for continuation in continuations { continuation.finish() }
    }
}
