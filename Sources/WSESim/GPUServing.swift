/// How a GPU service is assumed to serve a model. None of this is published for GPT-5.3-Codex;
/// the values are typical of memory-bound LLM serving and are *assumed*, not fitted (the
/// calibration set has no GPU points). The result is compared with the published 65–70 tokens/s
/// of GPU-served GPT-5.3-Codex only as a sanity check.
package struct GPUServing: Hashable, Sendable {
    /// Sequences decoded together per step. A GPU service batches to earn its cost; each user
    /// sees one token per step.
    package var batch: Int
    /// Fraction of HBM bandwidth a decode step achieves.
    package var bandwidthEfficiency: Double
    /// Per-layer fixed time: kernel launches and two tensor-parallel all-reduces over NVLink.
    package var layerSeconds: Double

    package static let typical = GPUServing(batch: 16, bandwidthEfficiency: 0.6, layerSeconds: 20e-6)
}
