/// The hardware a replica runs on. Published figures only (shared/wse/README.md and vendor data
/// sheets); what is assumed says so.
package struct HardwareProfile: Hashable, Sendable {
    package enum Kind: String, Sendable {
        /// A Cerebras wafer: weights and KV cache in on-wafer SRAM, layers split across wafers.
        case waferScale
        /// GPUs: weights and KV cache in HBM, decode bound by HBM bandwidth.
        case gpu
    }

    package var name: String
    package var kind: Kind
    /// Memory per device (wafer SRAM or GPU HBM), bytes.
    package var memoryBytes: Double
    /// Memory bandwidth per device, bytes/s.
    package var bandwidth: Double
    /// Dense FP16/BF16 compute per device, FLOP/s.
    package var denseFlops: Double
    /// Devices come in groups of this many (one wafer; an 8-GPU node).
    package var devicesPerGroup: Int
    /// Fraction of memory that may hold weights and KV cache (the rest: activations, runtime).
    package var usableMemoryFraction: Double
    /// Fraction of dense compute prefill achieves (assumed: no published prefill figures).
    package var prefillUtilization: Double

    /// Cerebras WSE-3 (CS-3): 44 GB SRAM, 21 PB/s, 125 PF FP16 sparse read as 62.5 PF dense.
    package static let wse3 = HardwareProfile(
        name: "wse-3", kind: .waferScale, memoryBytes: 44e9, bandwidth: 21e15, denseFlops: 62.5e15,
        devicesPerGroup: 1, usableMemoryFraction: 1.0, prefillUtilization: 0.3)

    /// NVIDIA H100 SXM: 80 GB HBM3 at 3.35 TB/s, 989 TF dense BF16, 8 per HGX node.
    package static let h100 = HardwareProfile(
        name: "h100", kind: .gpu, memoryBytes: 80e9, bandwidth: 3.35e12, denseFlops: 989e12,
        devicesPerGroup: 8, usableMemoryFraction: 0.9, prefillUtilization: 0.4)
}
