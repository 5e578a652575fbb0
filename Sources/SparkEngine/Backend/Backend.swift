/// A model service the engine sends its work to: a real endpoint one day, ``WSESimBackend`` now.
///
/// The shape is that of a streaming model API with persistent sessions (Codex-Spark's WebSocket
/// sessions): open a session once, submit requests on it one at a time, read each request's
/// events as they stream (first token, output deltas, edits, done with usage), cancel what is no
/// longer wanted, close the session. Errors are ``BackendError``s (context overflow, session
/// lost; rate limited is reserved for a remote service).
///
/// A request carries its deterministic ``RequestProgram``; a backend that simulates the model
/// runs it, a real model would be asked for the same output.
package protocol Backend: AnyObject, Sendable {
    /// Opens a persistent session; the handshake is paid here, once.
    func openSession() async throws(BackendError) -> SessionID
    /// Submits `request` on `session` (which carries one request at a time) and returns its events.
    func submit(_ request: BackendRequest, on session: SessionID) async throws(BackendError) -> BackendEventStream
    /// Marks `request` as no longer wanted: submitting it afterwards throws
    /// ``BackendError/Code/cancelled``. ``WSESimBackend`` runs a request to its end inside
    /// `submit`, so one already submitted is not stopped; nothing in the engine calls this yet.
    func cancel(_ request: RequestID) async
    /// Closes `session`; requests still on it are lost.
    func close(_ session: SessionID) async
    /// The largest number of sessions worth opening for requests of `context` tokens (the
    /// replica's KV-cache capacity, or a service's rate limit).
    func sessionCapacity(context: Int) -> Int
    /// The context window a request (prompt plus output budget) must fit, tokens.
    var contextWindow: Int { get }
}

/// A session of a ``Backend``.
package struct SessionID: Hashable, Sendable, Comparable, CustomStringConvertible {
    package var value: Int
    package init(_ value: Int) { self.value = value }
    package static func < (lhs: SessionID, rhs: SessionID) -> Bool { lhs.value < rhs.value }
    package var description: String { "session \(value)" }
}

/// A request, numbered in the engine's deterministic order (snapshot order, then recipe order).
package struct RequestID: Hashable, Sendable, Comparable, CustomStringConvertible {
    package var value: Int
    package init(_ value: Int) { self.value = value }
    package static func < (lhs: RequestID, rhs: RequestID) -> Bool { lhs.value < rhs.value }
    package var description: String { "request \(value)" }
}

/// The events of one request, in order; ends after ``BackendEvent/done(_:)`` or with a ``BackendError``.
package typealias BackendEventStream = AsyncThrowingStream<BackendEvent, any Error>
