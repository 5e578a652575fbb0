import Foundation

/// Decode and prefill rates, replica size and KV-cache capacity of one model on one kind of
/// hardware. All times in seconds, sizes in bytes.
///
/// **Replica size.** A replica holds all weights and at least one session's KV cache at the
/// context window: `devices = ⌈(weights + kv(window)) / usable memory per device⌉`, rounded up
/// to whole groups (8-GPU nodes). On a wafer the model is split at layer boundaries and the
/// wafers are pipelined ("70B on as few as four").
///
/// **Decode step on a wafer** (one token for each of `batch` sequences):
/// `t = t_step + L·t_layer + (wafers − 1)·t_hop + (touched weights + KV read) / (21 PB/s · η)`
/// - `t_step`: fixed per step (sampling, host loop, speculative-decoding bookkeeping);
/// - `L·t_layer`: each token crosses every layer's cores in turn;
/// - `(wafers − 1)·t_hop`: each wafer boundary adds a hop;
/// - the sweep: every weight byte the step uses (all active experts of the batch, see
///   ``ModelArchitecture/touchedWeightBytes(batch:)``) and every KV byte of its sequences is read
///   once from SRAM. The wafers are passed in turn, so the bandwidth is one wafer's 21 PB/s,
///   scaled by the efficiency `η` (at batch 1 only one layer's cores work at a time).
/// `t_step`, `t_layer`, `t_hop` and `η` are ``FittedParameters``.
///
/// **Decode step on GPUs** (memory-bandwidth bound, tensor-parallel over the replica):
/// `t = L·t_layer,gpu + (touched weights + batch · KV read) / (GPUs · HBM bandwidth · η_gpu)` with
/// the assumed ``GPUServing`` (batch 16, η 0.6, 20 µs per layer); a user sees one token per step.
///
/// **Prefill** is compute bound and pipelined over the devices:
/// `rate = devices · dense FLOP/s · utilisation / FLOPs per token` where a token costs two FLOPs
/// per active parameter plus attention over half the prompt on average.
///
/// **TTFT** of a prompt: the transport's time-to-first-token overhead, the server queue, the
/// prefill and one decode step.
///
/// **Sessions**: `max_sessions(N) = ⌊(usable memory − weights) / kv(N)⌋`.
package struct PerformanceModel: Hashable, Sendable {
    package var architecture: ModelArchitecture
    package var hardware: HardwareProfile
    /// The longest context a session may hold; the replica is sized so one session at it fits.
    package var contextWindow: Int
    package var parameters: FittedParameters
    package var gpuServing: GPUServing

    package init(
        architecture: ModelArchitecture, hardware: HardwareProfile = .wse3, contextWindow: Int,
        parameters: FittedParameters = .wse3, gpuServing: GPUServing = .typical
    ) {
        self.architecture = architecture
        self.hardware = hardware
        self.contextWindow = contextWindow
        self.parameters = parameters
        self.gpuServing = gpuServing
    }

    /// Wafers or GPUs in one replica.
    package var devices: Int {
        let perDevice = hardware.memoryBytes * hardware.usableMemoryFraction
        let needed = architecture.weightBytes + architecture.kv.bytes(context: contextWindow)
        let group = max(1, hardware.devicesPerGroup)
        let groups = Int((needed / (perDevice * Double(group))).rounded(.up))
        return max(1, groups) * group
    }

    /// Wafers per replica (0 on GPUs).
    package var wafers: Int { hardware.kind == .waferScale ? devices : 0 }

    /// Memory left for KV caches after the weights, bytes.
    package var kvCapacityBytes: Double {
        Double(devices) * hardware.memoryBytes * hardware.usableMemoryFraction - architecture.weightBytes
    }

    /// How many sessions' KV caches at `context` tokens fit beside the weights.
    package func maxSessions(context: Int) -> Int {
        let perSession = architecture.kv.bytes(context: max(1, context))
        return max(0, Int((kvCapacityBytes / perSession).rounded(.down)))
    }

    /// One decode step for `batch` sequences whose KV caches total `kvBytes`.
    package func decodeStepSeconds(batch: Int, kvBytes: Double) -> Double {
        let touched = architecture.touchedWeightBytes(batch: max(1, batch))
        switch hardware.kind {
        case .waferScale:
            return parameters.stepSeconds + Double(architecture.layers) * parameters.layerSeconds
                + Double(devices - 1) * parameters.hopSeconds
                + (touched + kvBytes) / (hardware.bandwidth * parameters.sweepEfficiency)
        case .gpu:
            return Double(architecture.layers) * gpuServing.layerSeconds
                + (touched + kvBytes) / (Double(devices) * hardware.bandwidth * gpuServing.bandwidthEfficiency)
        }
    }

    /// Output tokens per second one user sees at `context` tokens: batch 1 on a wafer (as the
    /// calibration points were measured), the serving batch on GPUs.
    package func decodeTokensPerSecond(context: Int) -> Double {
        let batch = hardware.kind == .gpu ? gpuServing.batch : 1
        let kv = Double(batch) * architecture.kv.bytes(context: context)
        return 1 / decodeStepSeconds(batch: batch, kvBytes: kv)
    }

    /// Prompt tokens per second for a prompt of `prompt` tokens.
    package func prefillTokensPerSecond(prompt: Int) -> Double {
        let flops = Double(devices) * hardware.denseFlops * hardware.prefillUtilization
        return flops / architecture.flopsPerToken(context: max(1, prompt) / 2)
    }

    /// Time to prefill `prompt` tokens.
    package func prefillSeconds(prompt: Int) -> Double {
        Double(prompt) / prefillTokensPerSecond(prompt: prompt)
    }

    /// Time to first token of a `prompt`-token request on an open session of `transport`.
    package func ttftSeconds(prompt: Int, transport: Transport = .webSocket) -> Double {
        transport.firstTokenSeconds + transport.serverQueueSeconds + prefillSeconds(prompt: prompt)
            + decodeStepSeconds(batch: 1, kvBytes: architecture.kv.bytes(context: prompt))
    }

    /// The figures `sparkctl wse estimate` prints, at `context` tokens (default: the window) for
    /// a prompt of `prompt` tokens (default: the context).
    package func estimate(context: Int? = nil, prompt: Int? = nil, transport: Transport = .webSocket) -> Estimate {
        let context = context ?? contextWindow
        let prompt = prompt ?? context
        return Estimate(
            decodeTokensPerSecond: decodeTokensPerSecond(context: context),
            prefillTokensPerSecond: prefillTokensPerSecond(prompt: prompt),
            wafers: wafers,
            ttftSeconds: ttftSeconds(prompt: prompt, transport: transport),
            maxSessions: maxSessions(context: context),
            devices: devices, hardware: hardware.name, context: context, prompt: prompt)
    }
}
