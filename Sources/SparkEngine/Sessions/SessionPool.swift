/// Persistent sessions of a ``Backend``, reused across requests (and across the batches and
/// recipes of a job): a handshake is paid once per session, never per request.
///
/// At most `limit` sessions are open; a caller that finds them all busy waits, first come first
/// served, for the next one released (backpressure on sessions; the list of waiting callers
/// itself has no bound). In the engine nobody waits: each apply has its own pool and its
/// ``RequestDispatcher`` takes at most the effective limit, one wave at a time. The effective
/// limit of a request is the smaller of `limit` and how many sessions the backend's replica
/// holds at the request's context (``Backend/sessionCapacity(context:)``).
package actor SessionPool {
    package nonisolated let backend: any Backend
    package nonisolated let limit: Int
    private var state = SessionPoolState()
    private var waiters: [CheckedContinuation<SessionID, any Error>] = []

    /// Sessions a client opens at most by default: a real service limits them per key.
    package static let defaultLimit = 8

    package init(backend: any Backend, limit: Int = SessionPool.defaultLimit) {
        self.backend = backend
        self.limit = max(1, limit)
    }

    /// Handshakes paid so far.
    package var sessionsOpened: Int { state.opened }

    /// Callers waiting for a session (backpressure at work).
    package var waiting: Int { state.waiting }

    /// How many sessions requests of `context` tokens may use at once.
    package nonisolated func effectiveLimit(context: Int) -> Int {
        max(1, min(limit, backend.sessionCapacity(context: context)))
    }

    /// An open session for a request of `context` tokens: an idle one, a new one, or — when all
    /// are busy — the next one released.
    package func acquire(context: Int) async throws -> SessionID {
        switch state.acquire(limit: effectiveLimit(context: context)) {
        case .use(let session):
            return session
        case .open:
            return try await open()
        case .wait:
            return try await withCheckedThrowingContinuation { waiters.append($0) }
        }
    }

    package func release(_ session: SessionID) {
        if case .handOver(let session) = state.release(session) {
            waiters.removeFirst().resume(returning: session)
        }
    }

    /// `session` is gone (``BackendError/Code/sessionLost``): closed, and replaced for a waiter.
    package func lost(_ session: SessionID) async {
        await backend.close(session)
        guard state.lost(session) == .open else { return }
        let waiter = waiters.removeFirst()
        do {
            let session = try await backend.openSession()
            state.opened(session)
            waiter.resume(returning: session)
        } catch {
            state.openFailed()
            waiter.resume(throwing: error)
        }
    }

    /// Closes every idle session.
    package func closeIdle() async {
        for session in state.drainIdle() { await backend.close(session) }
    }

    private func open() async throws -> SessionID {
        do {
            let session = try await backend.openSession()
            state.opened(session)
            return session
        } catch {
            state.openFailed()
            throw error
        }
    }
}
