import Foundation

/// A served model's public architecture, in the JSON schema of `shared/wse/README.md` (the
/// schema `sparkctl wse estimate --arch FILE.json` reads):
///
/// ```json
/// {"name": "Llama 3.1 70B", "layers": 80, "params_b": 70.6, "active_params_b": 70.6,
///  "bytes_per_param": 2.0, "hidden": 8192,
///  "kv": {"kind": "gqa", "kv_heads": 8, "head_dim": 128, "attention_layers": 80, "bytes_per_value": 2}}
/// ```
///
/// `active_params_b` (MoE) defaults to `params_b`. Load files with ``load(path:)``, which turns
/// decoding errors into messages naming the file and the key.
package struct ModelArchitecture: Codable, Hashable, Sendable {
    package var name: String
    package var layers: Int
    /// Total parameters, billions.
    package var paramsB: Double
    /// Parameters used per token, billions (smaller than `paramsB` for mixture-of-experts).
    package var activeParamsB: Double
    package var bytesPerParam: Double
    package var hidden: Int
    package var kv: KVCache

    package init(
        name: String, layers: Int, paramsB: Double, activeParamsB: Double? = nil, bytesPerParam: Double,
        hidden: Int, kv: KVCache
    ) {
        self.name = name
        self.layers = layers
        self.paramsB = paramsB
        self.activeParamsB = activeParamsB ?? paramsB
        self.bytesPerParam = bytesPerParam
        self.hidden = hidden
        self.kv = kv
    }

    enum CodingKeys: String, CodingKey {
        case name, layers, hidden, kv
        case paramsB = "params_b"
        case activeParamsB = "active_params_b"
        case bytesPerParam = "bytes_per_param"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? "unnamed"
        layers = try container.decode(Int.self, forKey: .layers)
        paramsB = try container.decode(Double.self, forKey: .paramsB)
        activeParamsB = try container.decodeIfPresent(Double.self, forKey: .activeParamsB) ?? paramsB
        bytesPerParam = try container.decode(Double.self, forKey: .bytesPerParam)
        hidden = try container.decode(Int.self, forKey: .hidden)
        kv = try container.decode(KVCache.self, forKey: .kv)
        kv.resolveDefaults(layers: layers)
    }

    /// Bytes of all weights (what must sit in memory).
    package var weightBytes: Double { paramsB * 1e9 * bytesPerParam }
    /// Bytes of the weights one token uses.
    package var activeWeightBytes: Double { activeParamsB * 1e9 * bytesPerParam }
    /// Bytes of weights a decode step touches when `batch` sequences share it: dense models
    /// touch all weights; a mixture of experts touches each expert with probability
    /// `1 − (1 − active/total)^batch` (experts chosen independently per sequence).
    package func touchedWeightBytes(batch: Int) -> Double {
        guard batch > 1, activeParamsB < paramsB else { return activeWeightBytes }
        let fraction = activeParamsB / paramsB
        return max(activeWeightBytes, weightBytes * (1 - Foundation.pow(1 - fraction, Double(batch))))
    }

    /// Dense multiply-add work per token at `context` tokens of attention: 2 FLOPs per active
    /// parameter plus the attention scores and values (4 · context · hidden per attention layer).
    package func flopsPerToken(context: Int) -> Double {
        2 * activeParamsB * 1e9 + 4 * Double(context) * Double(hidden) * Double(kv.attentionLayers)
    }

    /// Checks ranges a JSON decoder cannot; `path` names the file in the error.
    package func validate(path: String? = nil) throws(WSEError) {
        func bad(_ key: String, _ what: String) -> WSEError {
            WSEError(.invalidValue, what, path: path, key: key, hint: "see the schema in shared/wse/README.md")
        }
        if layers <= 0 { throw bad("layers", "expected a positive layer count, found \(layers)") }
        if !(paramsB > 0) { throw bad("params_b", "expected a positive parameter count (billions), found \(paramsB)") }
        if !(activeParamsB > 0 && activeParamsB <= paramsB) {
            throw bad("active_params_b", "expected 0 < active_params_b ≤ params_b (\(paramsB)), found \(activeParamsB)")
        }
        if !(bytesPerParam > 0 && bytesPerParam <= 8) {
            throw bad("bytes_per_param", "expected bytes per parameter in (0, 8], found \(bytesPerParam)")
        }
        if hidden <= 0 { throw bad("hidden", "expected a positive hidden size, found \(hidden)") }
        try kv.validate(layers: layers, path: path)
    }
}
