extension ReplicaSimulator {
    /// The mutable state of one run: a value, driven by ``ReplicaSimulator/run(_:clock:observe:)``.
    struct State {
        struct Active {
            var request: Int
            var remaining: Double
            var total: Int
            var kvBytes: Double
            var firstTokenServer: Double?
        }

        let requests: [SimulatedRequest]
        let model: PerformanceModel
        let transport: Transport
        let capacity: Double
        let kvPerToken: Double

        var now = 0.0
        /// Requests of each session in order, and which one is next.
        var sessionQueues: [Int: [Int]] = [:]
        var sessionNext: [Int: Int] = [:]
        var arrivals = EventHeap<Int>()
        var waiting: [Int] = []
        var waitingHead = 0
        var prefillDone: [(time: Double, request: Int)] = []
        var prefillHead = 0
        var prefillFreeAt = 0.0
        var decoding: [Active] = []
        var decodingKV = 0.0
        var reservedKV = 0.0
        var admittedCount = 0
        var timings: [SimulationReport.RequestTiming]
        var sessionsOpened = 0
        var peakConcurrency = 0
        var peakKV = 0.0

        init(requests: [SimulatedRequest], model: PerformanceModel, transport: Transport) {
            self.requests = requests
            self.model = model
            self.transport = transport
            capacity = model.kvCapacityBytes
            kvPerToken = model.architecture.kv.bytesPerToken
            timings = requests.map {
                .init(
                    session: $0.session, submitted: 0, admitted: 0, firstToken: 0, done: 0,
                    promptTokens: $0.promptTokens, outputTokens: $0.outputTokens)
            }
            for (index, request) in requests.enumerated() { sessionQueues[request.session, default: []].append(index) }
        }

        mutating func start(observations: inout EventHeap<SimulationEvent>) {
            for session in sessionQueues.keys.sorted() {
                sessionNext[session] = 0
                submitNext(of: session, after: 0, observations: &observations)
            }
        }

        /// Submits the session's next request once the client may: after `after` and its own
        /// `submitAt`; the first request of a WebSocket session pays the handshake first.
        private mutating func submitNext(of session: Int, after: Double, observations: inout EventHeap<SimulationEvent>) {
            guard let queue = sessionQueues[session], let position = sessionNext[session], position < queue.count else { return }
            sessionNext[session] = position + 1
            let index = queue[position]
            let submitted = max(after, requests[index].submitAt)
            timings[index].submitted = submitted
            var arrival = submitted + transport.serverQueueSeconds
            if position == 0, transport.handshakeSeconds > 0 {
                sessionsOpened += 1
                observations.push(at: submitted, .sessionOpened(session: session, at: submitted))
                arrival += transport.handshakeSeconds
            }
            arrivals.push(at: arrival, index)
        }

        var stepSeconds: Double { model.decodeStepSeconds(batch: decoding.count, kvBytes: decodingKV) }

        /// The time of the next server event, or nil when every request is done.
        func nextEventTime() -> Double? {
            var next = Double.infinity
            if let arrival = arrivals.peekTime { next = arrival }
            if prefillHead < prefillDone.count { next = min(next, prefillDone[prefillHead].time) }
            if !decoding.isEmpty {
                let step = stepSeconds
                for active in decoding {
                    next = min(next, now + active.remaining * step)
                    if active.firstTokenServer == nil {
                        next = min(next, now + (active.remaining - Double(active.total - 1)) * step)
                    }
                }
            }
            return next.isFinite ? max(next, now) : nil
        }

        mutating func step(to time: Double, observations: inout EventHeap<SimulationEvent>) {
            // Decode progress over [now, time]: the batch is constant in between.
            let step = decoding.isEmpty ? 0 : stepSeconds
            if !decoding.isEmpty, time > now {
                let progress = (time - now) / step
                for i in decoding.indices { decoding[i].remaining -= progress }
            }
            now = time
            // First tokens and completions; a tolerance (in tokens and in time) absorbs the
            // rounding of the span arithmetic, so an event never repeats without progress.
            let timeTolerance = max(now.ulp * 16, 1e-12)
            var i = 0
            while i < decoding.count {
                let tolerance = 1e-9 * Double(decoding[i].total)
                let toFirst = decoding[i].remaining - Double(decoding[i].total - 1)
                if decoding[i].firstTokenServer == nil, toFirst <= tolerance || toFirst * step <= timeTolerance {
                    decoding[i].firstTokenServer = now
                }
                if decoding[i].remaining <= tolerance || decoding[i].remaining * step <= timeTolerance {
                    finish(decoding[i], observations: &observations)
                    decodingKV -= decoding[i].kvBytes
                    decoding.swapAt(i, decoding.count - 1)
                    decoding.removeLast()
                } else {
                    i += 1
                }
            }
            if decoding.isEmpty { decodingKV = 0 }
            // Prompts prefilled by now join the decode batch.
            while prefillHead < prefillDone.count, prefillDone[prefillHead].time <= now {
                let index = prefillDone[prefillHead].request
                prefillHead += 1
                let request = requests[index]
                let kv = kvPerToken * (Double(request.promptTokens) + Double(request.outputTokens) / 2)
                decoding.append(Active(request: index, remaining: Double(request.outputTokens), total: request.outputTokens, kvBytes: kv))
                decodingKV += kv
            }
            // Arrivals queue up; admit first come first served while the KV cache fits.
            while let (_, index) = arrivals.popIfNotAfter(now) { waiting.append(index) }
            while waitingHead < waiting.count {
                let index = waiting[waitingHead]
                let need = kvPerToken * Double(requests[index].context)
                guard reservedKV + need <= capacity * (1 + 1e-12) else { break }
                waitingHead += 1
                reservedKV += need
                admittedCount += 1
                peakConcurrency = max(peakConcurrency, admittedCount)
                peakKV = max(peakKV, reservedKV)
                timings[index].admitted = now
                let start = max(now, prefillFreeAt)
                prefillFreeAt = start + model.prefillSeconds(prompt: requests[index].promptTokens)
                prefillDone.append((prefillFreeAt, index))
            }
            if waitingHead > 4096, waitingHead * 2 > waiting.count {
                waiting.removeFirst(waitingHead)
                waitingHead = 0
            }
            if prefillHead > 4096, prefillHead * 2 > prefillDone.count {
                prefillDone.removeFirst(prefillHead)
                prefillHead = 0
            }
        }

        private mutating func finish(_ active: Active, observations: inout EventHeap<SimulationEvent>) {
            let index = active.request
            let request = requests[index]
            reservedKV -= kvPerToken * Double(request.context)
            if reservedKV < 0 { reservedKV = 0 }
            admittedCount -= 1
            let first = (active.firstTokenServer ?? now) + transport.firstTokenSeconds
            let done = max(
                now + transport.roundTripSeconds + Double(request.outputTokens) * transport.perTokenSeconds, first)
            timings[index].firstToken = first
            timings[index].done = done
            observations.push(at: first, .firstToken(request: index, at: first))
            observations.push(at: done, .done(request: index, at: done))
            submitNext(of: request.session, after: done, observations: &observations)
        }

        func report() -> SimulationReport {
            SimulationReport(requests: timings, sessionsOpened: sessionsOpened, peakConcurrency: peakConcurrency, peakKVBytes: peakKV)
        }
    }
}
