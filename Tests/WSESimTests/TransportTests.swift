import TestSupport
import Testing

@testable import WSESim

/// Persistent WebSocket sessions against per-request HTTP, measured on simulated requests:
/// round-trip overhead −80 %, per-token overhead −30 %, TTFT −50 % (shared/wse/README.md).
@Suite("Transport model", .tags(.small))
struct TransportTests {
    private let model = Profile.codexSpark.model

    /// Server-side time of a lone request, from the performance model (queue, prefill, decode).
    private func serverSeconds(_ request: SimulatedRequest, _ transport: Transport) -> Double {
        let kv = model.architecture.kv.bytes(context: request.promptTokens) + model.architecture.kv.bytesPerToken * Double(request.outputTokens) / 2
        return transport.serverQueueSeconds + model.prefillSeconds(prompt: request.promptTokens)
            + Double(request.outputTokens) * model.decodeStepSeconds(batch: 1, kvBytes: kv)
    }

    /// The second request of one session (past the handshake), alone on the replica.
    private func lone(_ transport: Transport, prompt: Int, output: Int) async throws -> SimulationReport.RequestTiming {
        let requests = [SimulatedRequest(session: 0, promptTokens: 10, outputTokens: 1), SimulatedRequest(session: 0, promptTokens: prompt, outputTokens: output)]
        return try await ReplicaSimulator(model: model, transport: transport).run(requests).requests[1]
    }

    /// Overhead = observed latency − server time = round trip + n · per-token; two output lengths
    /// separate the two.
    private func overheads(_ transport: Transport) async throws -> (roundTrip: Double, perToken: Double) {
        let short = SimulatedRequest(session: 0, promptTokens: 500, outputTokens: 200)
        let long = SimulatedRequest(session: 0, promptTokens: 500, outputTokens: 2000)
        let a = try await lone(transport, prompt: 500, output: 200).latency - serverSeconds(short, transport)
        let b = try await lone(transport, prompt: 500, output: 2000).latency - serverSeconds(long, transport)
        let perToken = (b - a) / 1800
        return (a - 200 * perToken, perToken)
    }

    @Test func roundTripAndPerTokenOverheadRatios() async throws {
        let http = try await overheads(.http)
        let ws = try await overheads(.webSocket)
        #expect(abs(ws.roundTrip / http.roundTrip - 0.20) < 0.01, "\(ws) vs \(http)")
        #expect(abs(ws.perToken / http.perToken - 0.70) < 0.01, "\(ws) vs \(http)")
    }

    @Test func timeToFirstTokenHalvesForShortPrompts() async throws {
        let http = try await lone(.http, prompt: 200, output: 100).ttft
        let ws = try await lone(.webSocket, prompt: 200, output: 100).ttft
        #expect(abs(ws / http - 0.50) < 0.02, "\(ws) vs \(http)")
    }

    @Test func handshakeIsPaidOncePerSession() async throws {
        let job = SimulatedRequest.job(requests: 12, sessions: 3, promptTokens: 100, outputTokens: 50)
        let ws = try await ReplicaSimulator(model: model, transport: .webSocket).run(job)
        #expect(ws.sessionsOpened == 3)
        let first = ws.requests[0].ttft
        let later = ws.requests[3].ttft
        #expect(abs((first - later) - Transport.webSocket.handshakeSeconds) < 1e-3, "only a session's first request pays it")
        let http = try await ReplicaSimulator(model: model, transport: .http).run(job)
        #expect(http.sessionsOpened == 0)
    }
}
