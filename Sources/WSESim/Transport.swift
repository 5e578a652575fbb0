/// Per-request overheads of how a client talks to the model service (shared/wse/README.md).
/// Absolute values are not published; the defaults are the README's assumed ones and reproduce
/// the published ratios of persistent WebSocket sessions against per-request HTTP: round-trip
/// overhead −80 % (150 → 30 ms), time to first token −50 % (200 → 100 ms), per-token
/// overhead −30 %.
///
/// A request's observed times are the server's plus these overheads:
/// - first token = server first token + ``firstTokenSeconds``;
/// - done = server done + ``roundTripSeconds`` + output tokens · ``perTokenSeconds``, but never
///   before the first token;
/// - a WebSocket session pays ``handshakeSeconds`` once, before its first request reaches the
///   server; HTTP pays its connection cost in every request's overheads.
package struct Transport: Hashable, Sendable, CustomStringConvertible {
    package enum Kind: String, Sendable, CaseIterable {
        case http
        case webSocket = "websocket"
    }

    package var kind: Kind
    /// Fixed overhead of one request/response exchange.
    package var roundTripSeconds: Double
    /// Network and API time before the first token (the TTFT floor).
    package var firstTokenSeconds: Double
    /// Streaming overhead per output token (framing, parsing).
    package var perTokenSeconds: Double
    /// Opening a persistent session (TCP, TLS, upgrade); 0 for per-request HTTP.
    package var handshakeSeconds: Double
    /// Server-side queueing before the model sees the request.
    package var serverQueueSeconds: Double

    /// Per-request HTTP (README defaults: 150 ms round trip, 200 ms TTFT floor, 1 ms queue;
    /// 50 µs per streamed token is assumed).
    package static let http = Transport(
        kind: .http, roundTripSeconds: 0.150, firstTokenSeconds: 0.200, perTokenSeconds: 50e-6,
        handshakeSeconds: 0, serverQueueSeconds: 0.001)

    /// A persistent WebSocket session: the ratios above applied to ``http``; the handshake is
    /// assumed to cost two HTTP round trips (TCP + TLS, then the upgrade).
    package static let webSocket = Transport(
        kind: .webSocket, roundTripSeconds: http.roundTripSeconds * (1 - 0.80),
        firstTokenSeconds: http.firstTokenSeconds * (1 - 0.50), perTokenSeconds: http.perTokenSeconds * (1 - 0.30),
        handshakeSeconds: 2 * http.roundTripSeconds, serverQueueSeconds: 0.001)

    package static func named(_ kind: Kind) -> Transport { kind == .http ? .http : .webSocket }

    package var description: String { kind.rawValue }
}
