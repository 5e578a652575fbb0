/// What a simulation reports to an observer, in modeled time order.
package enum SimulationEvent: Hashable, Sendable {
    /// A session's handshake started (WebSocket transport only).
    case sessionOpened(session: Int, at: Double)
    /// The client observed the first token of request `index`.
    case firstToken(request: Int, at: Double)
    /// The client observed the end of request `index`.
    case done(request: Int, at: Double)
}
