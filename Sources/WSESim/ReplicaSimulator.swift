/// A discrete-event simulation, in modeled time, of one replica serving the requests of a pool
/// of sessions.
///
/// - **Sessions**: a session carries one request at a time; its next request is submitted when
///   the client has seen the previous one end (or at its `submitAt`, if later). On a WebSocket
///   transport the session's first request pays the handshake.
/// - **Admission** (backpressure): a request reaches the server after the transport's server
///   queue time and waits, first come first served, until its KV cache — prompt plus output
///   tokens — fits in the SRAM left after the weights. So concurrency never exceeds
///   `max_sessions` at the requests' context length. A request that could never fit is a
///   `contextOverflow` error before anything runs.
/// - **Prefill**: one prompt at a time at the model's prefill rate (a separate stage, so prefill
///   does not slow decoding — a simplification, documented).
/// - **Decode**: all prefilled requests decode together. A step yields one token per request
///   and lasts ``PerformanceModel/decodeStepSeconds(batch:kvBytes:)`` for the current batch and
///   its KV caches (a request's cache is counted at its mean length, prompt + output/2). Between
///   two events the batch does not change, so progress is computed for the whole span at once:
///   cost per event, never per token.
/// - **Observed times** add the ``Transport`` overheads.
///
/// Every time is computed; the clock is only told to advance, so ``VirtualClock`` and
/// ``PacedClock`` give identical reports.
package struct ReplicaSimulator: Sendable {
    package var model: PerformanceModel
    package var transport: Transport

    package init(model: PerformanceModel, transport: Transport = .webSocket) {
        self.model = model
        self.transport = transport
    }

    /// Runs `requests` in virtual time.
    package func run(_ requests: [SimulatedRequest]) async throws(WSEError) -> SimulationReport {
        var clock = VirtualClock()
        return try await run(requests, clock: &clock)
    }

    /// Runs `requests`, advancing `clock` through every event and handing observed events to
    /// `observe` in time order.
    package func run<Clock: SimulationClock>(
        _ requests: [SimulatedRequest], clock: inout Clock, observe: ((SimulationEvent) -> Void)? = nil
    ) async throws(WSEError) -> SimulationReport {
        try validate(requests)
        var state = State(requests: requests, model: model, transport: transport)
        var observations = EventHeap<SimulationEvent>()
        state.start(observations: &observations)
        while let time = state.nextEventTime() {
            while let (at, event) = observations.popIfNotAfter(time) {
                await clock.advance(to: at)
                observe?(event)
            }
            await clock.advance(to: time)
            state.step(to: time, observations: &observations)
        }
        while let (at, event) = observations.popIfNotAfter(.infinity) {
            await clock.advance(to: at)
            observe?(event)
        }
        return state.report()
    }

    private func validate(_ requests: [SimulatedRequest]) throws(WSEError) {
        for (index, request) in requests.enumerated() {
            if request.outputTokens < 1 || request.promptTokens < 0 {
                throw WSEError(
                    .invalidValue, "request \(index) has \(request.promptTokens) prompt and \(request.outputTokens) output tokens",
                    hint: "a request needs at least one output token and a non-negative prompt")
            }
            if request.context > model.contextWindow || model.maxSessions(context: request.context) < 1 {
                throw WSEError(
                    .contextOverflow,
                    "request \(index) needs \(request.context) tokens of context; the replica holds at most "
                        + "\(min(model.contextWindow, maxFittingContext())) (window \(model.contextWindow))",
                    hint: "split the request or use a profile with a longer context window")
            }
        }
    }

    private func maxFittingContext() -> Int {
        Int((model.kvCapacityBytes / model.architecture.kv.bytesPerToken).rounded(.down))
    }
}
