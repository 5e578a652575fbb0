/// The session pool's bookkeeping as a value: which sessions are idle or busy, how many are being
/// opened, how many callers wait. Events return the action the ``SessionPool`` performs; no I/O
/// here.
package struct SessionPoolState: Sendable, Equatable {
    /// Open and idle, lowest id first: a request reuses the oldest idle session.
    package private(set) var idle: [SessionID] = []
    package private(set) var busy: Set<SessionID> = []
    package private(set) var opening = 0
    package private(set) var waiting = 0
    /// Handshakes started over the pool's life.
    package private(set) var opened = 0

    package init() {}

    package var open: Int { idle.count + busy.count + opening }

    package enum AcquireAction: Equatable, Sendable {
        /// Reuse this idle session.
        case use(SessionID)
        /// Open a new session (then report ``opened(_:)``).
        case open
        /// All `limit` sessions are busy: wait for a release (backpressure).
        case wait
    }

    /// A caller wants a session; at most `limit` may be open (busy, idle or opening).
    package mutating func acquire(limit: Int) -> AcquireAction {
        if !idle.isEmpty {
            let session = idle.removeFirst()
            busy.insert(session)
            return .use(session)
        }
        if open < max(1, limit) {
            opening += 1
            opened += 1
            return .open
        }
        waiting += 1
        return .wait
    }

    /// A session asked for with `.open` is now open and busy.
    package mutating func opened(_ session: SessionID) {
        opening -= 1
        busy.insert(session)
    }

    /// Opening a session failed.
    package mutating func openFailed() { opening -= 1 }

    package enum ReleaseAction: Equatable, Sendable {
        /// Give the session to the longest-waiting caller.
        case handOver(SessionID)
        case none
    }

    /// A caller is done with `session`.
    package mutating func release(_ session: SessionID) -> ReleaseAction {
        guard busy.contains(session) else { return .none }
        if waiting > 0 {
            waiting -= 1
            return .handOver(session)
        }
        busy.remove(session)
        let position = idle.firstIndex { $0 > session } ?? idle.endIndex
        idle.insert(session, at: position)
        return .none
    }

    /// `session` failed (closed under a request); a waiting caller may open a replacement.
    package mutating func lost(_ session: SessionID) -> AcquireAction? {
        busy.remove(session)
        idle.removeAll { $0 == session }
        guard waiting > 0 else { return nil }
        waiting -= 1
        opening += 1
        opened += 1
        return .open
    }

    /// Every idle session, removed (to be closed).
    package mutating func drainIdle() -> [SessionID] {
        defer { idle = [] }
        return idle
    }
}
