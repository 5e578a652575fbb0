import Testing
import WSESim

@testable import SparkEngine

/// The published ratios of persistent WebSocket sessions against per-request HTTP
/// (shared/wse/README.md: round-trip overhead −80 %, TTFT −50 %), measured on jobs that run
/// through the backend, the session pool and the usage accounting — not read off `Transport`.
@Suite("Transport ratios through the backend")
struct TransportThroughBackendTests {
    /// A transport with no overhead at all: what the server alone takes.
    static var bare: Transport {
        var transport = Transport.http
        transport.roundTripSeconds = 0
        transport.firstTokenSeconds = 0
        transport.perTokenSeconds = 0
        transport.handshakeSeconds = 0
        return transport
    }

    /// One session, `count` requests of `outputBytes` each, one after the other.
    static func usage(_ transport: Transport, count: Int, outputBytes: Int) async throws -> UsageReport {
        let requests = (0..<count).map { BackendJob.request($0, outputBytes: outputBytes) }
        return try await BackendJob.run([requests], transport: transport, sessionLimit: 1).usage
    }

    /// The client-side overhead one more request adds on a warm session: the makespan's growth
    /// from one to two requests, less the server's share.
    static func overheadPerRequest(_ transport: Transport, outputBytes: Int) async throws -> Double {
        func cycle(_ transport: Transport) async throws -> Double {
            let one = try await usage(transport, count: 1, outputBytes: outputBytes).modeledSeconds
            let two = try await usage(transport, count: 2, outputBytes: outputBytes).modeledSeconds
            return two - one
        }
        return try await cycle(transport) - cycle(bare)
    }

    @Test func roundTripOverheadIsFourFifthsLowerOnWebSocket() async throws {
        // Long enough outputs that the end, not the first token, bounds each request.
        let short = 3_000
        let long = 6_000
        let tokens = { (bytes: Int) in Double(TokenEstimator.outputTokens(path: "file1.txt", output: Array(repeating: 0, count: bytes))) }
        var roundTrip: [Transport.Kind: Double] = [:]
        var perToken: [Transport.Kind: Double] = [:]
        for transport in [Transport.http, .webSocket] {
            let a = try await Self.overheadPerRequest(transport, outputBytes: short)
            let b = try await Self.overheadPerRequest(transport, outputBytes: long)
            perToken[transport.kind] = (b - a) / (tokens(long) - tokens(short))
            roundTrip[transport.kind] = a - perToken[transport.kind]! * tokens(short)
        }
        let roundTripRatio = roundTrip[.webSocket]! / roundTrip[.http]!
        let perTokenRatio = perToken[.webSocket]! / perToken[.http]!
        #expect(abs(roundTripRatio - 0.20) < 0.005, "WebSocket/HTTP round trip \(roundTripRatio)")
        #expect(abs(perTokenRatio - 0.70) < 0.01, "WebSocket/HTTP per-token \(perTokenRatio)")
    }

    @Test func timeToFirstTokenOverheadIsHalvedOnWebSocket() async throws {
        // Two requests: the median is the second, which pays no handshake.
        let bare = try await Self.usage(Self.bare, count: 2, outputBytes: 300).ttftP50Seconds
        let http = try await Self.usage(.http, count: 2, outputBytes: 300).ttftP50Seconds - bare
        let webSocket = try await Self.usage(.webSocket, count: 2, outputBytes: 300).ttftP50Seconds - bare
        #expect(abs(webSocket / http - 0.50) < 0.01, "WebSocket/HTTP TTFT overhead \(webSocket / http)")
    }

    @Test func virtualAndPacedTimeGiveTheSameModeledTotals() async throws {
        let waves = [(0..<3).map { BackendJob.request($0, outputBytes: 200) }]
        let virtual = try await BackendJob.run(waves, sessionLimit: 2).usage
        let paced = try await BackendJob.run(waves, sessionLimit: 2, pace: .paced(speedup: 20)).usage
        #expect(paced.paced && !virtual.paced)
        var comparable = paced
        comparable.paced = false
        #expect(comparable == virtual)
        #expect(virtual.modeledSeconds > 0)
    }
}
