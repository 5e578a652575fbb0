/// The free parameters of the wafer-scale decode model (see ``PerformanceModel``), fitted by
/// ``CalibrationFit`` to `shared/wse/calibration.json` and nothing else. The constants below are
/// the fit's output, pasted; `CalibrationFitTests` refits and fails if they drift.
package struct FittedParameters: Hashable, Sendable {
    /// Fixed time per decode step, seconds: sampling, the host loop, speculative-decoding
    /// bookkeeping — everything that does not scale with the model.
    package var stepSeconds: Double
    /// Time per layer, seconds: crossing the wafer's fabric and synchronising the layer's cores.
    package var layerSeconds: Double
    /// Time per wafer boundary, seconds: activations leaving one CS-3 for the next.
    package var hopSeconds: Double
    /// Fraction of a wafer's 21 PB/s that a decode step's memory sweep achieves. At batch 1
    /// only the cores of the current layer work, so this is far below 1.
    package var sweepEfficiency: Double

    package init(stepSeconds: Double, layerSeconds: Double, hopSeconds: Double, sweepEfficiency: Double) {
        self.stepSeconds = stepSeconds
        self.layerSeconds = layerSeconds
        self.hopSeconds = hopSeconds
        self.sweepEfficiency = sweepEfficiency
    }

    /// Output of `sparkctl wse calibrate` on shared/wse/calibration.json (cost 0.1333). The
    /// per-layer and per-hop latencies fit to their bound, 0: on these seven points a deeper or
    /// more-wafer model is not measurably slower once the memory sweep is counted (gpt-oss-120b,
    /// 36 layers, is slower than Qwen3 32B, 64 layers). They stay in the model's form so a richer
    /// calibration set can resolve them.
    package static let wse3 = FittedParameters(
        stepSeconds: 0.00041457451493239676, layerSeconds: 0.0, hopSeconds: 0.0, sweepEfficiency: 0.07359128314397252)
}
