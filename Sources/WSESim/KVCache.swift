/// The key/value cache a model keeps per token of context.
///
/// - `gqa` (also `mha`, `mqa`): keys and values of `kv_heads` heads of `head_dim` values each, in
///   each of `attention_layers` layers: `2 · kv_heads · head_dim · bytes_per_value` per layer.
/// - `mla` (multi-head latent attention, DeepSeek): a compressed latent of
///   `bytes_per_token_per_layer` bytes per layer.
///
/// `attention_layers` counts the layers that keep a full-context cache (sliding-window layers
/// keep a few hundred tokens and are left out); it defaults to the model's `layers`.
package struct KVCache: Codable, Hashable, Sendable {
    package enum Kind: String, Codable, Sendable, CaseIterable {
        case gqa, mha, mqa, mla
    }

    package var kind: Kind
    package var kvHeads: Int?
    package var headDim: Int?
    package var attentionLayers: Int
    package var bytesPerValue: Double?
    package var bytesPerTokenPerLayer: Double?

    package init(
        kind: Kind, kvHeads: Int? = nil, headDim: Int? = nil, attentionLayers: Int, bytesPerValue: Double? = nil,
        bytesPerTokenPerLayer: Double? = nil
    ) {
        self.kind = kind
        self.kvHeads = kvHeads
        self.headDim = headDim
        self.attentionLayers = attentionLayers
        self.bytesPerValue = bytesPerValue
        self.bytesPerTokenPerLayer = bytesPerTokenPerLayer
    }

    enum CodingKeys: String, CodingKey {
        case kind
        case kvHeads = "kv_heads"
        case headDim = "head_dim"
        case attentionLayers = "attention_layers"
        case bytesPerValue = "bytes_per_value"
        case bytesPerTokenPerLayer = "bytes_per_token_per_layer"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let raw = try container.decode(String.self, forKey: .kind)
        guard let kind = Kind(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container,
                debugDescription: "unknown kind '\(raw)'; expected one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.kind = kind
        kvHeads = try container.decodeIfPresent(Int.self, forKey: .kvHeads)
        headDim = try container.decodeIfPresent(Int.self, forKey: .headDim)
        attentionLayers = try container.decodeIfPresent(Int.self, forKey: .attentionLayers) ?? -1
        bytesPerValue = try container.decodeIfPresent(Double.self, forKey: .bytesPerValue)
        bytesPerTokenPerLayer = try container.decodeIfPresent(Double.self, forKey: .bytesPerTokenPerLayer)
        if kind == .mla {
            if bytesPerTokenPerLayer == nil { _ = try container.decode(Double.self, forKey: .bytesPerTokenPerLayer) }
        } else {
            if kvHeads == nil { _ = try container.decode(Int.self, forKey: .kvHeads) }
            if headDim == nil { _ = try container.decode(Int.self, forKey: .headDim) }
        }
    }

    /// Cache bytes per token of context, over all attention layers.
    package var bytesPerToken: Double {
        switch kind {
        case .mla:
            return (bytesPerTokenPerLayer ?? 0) * Double(attentionLayers)
        case .gqa, .mha, .mqa:
            return 2 * Double(kvHeads ?? 0) * Double(headDim ?? 0) * (bytesPerValue ?? 2) * Double(attentionLayers)
        }
    }

    /// Cache bytes for one session holding `context` tokens.
    package func bytes(context: Int) -> Double { bytesPerToken * Double(context) }

    mutating func resolveDefaults(layers: Int) {
        if attentionLayers < 0 { attentionLayers = layers }
    }

    func validate(layers: Int, path: String?) throws(WSEError) {
        func bad(_ key: String, _ what: String) -> WSEError {
            WSEError(.invalidValue, what, path: path, key: "kv." + key, hint: "see the schema in shared/wse/README.md")
        }
        if attentionLayers <= 0 || attentionLayers > layers {
            throw bad("attention_layers", "expected 1…\(layers) (the model's layers), found \(attentionLayers)")
        }
        switch kind {
        case .mla:
            if !((bytesPerTokenPerLayer ?? 0) > 0) { throw bad("bytes_per_token_per_layer", "expected a positive byte count") }
        case .gqa, .mha, .mqa:
            if (kvHeads ?? 0) <= 0 { throw bad("kv_heads", "expected a positive head count, found \(kvHeads ?? 0)") }
            if (headDim ?? 0) <= 0 { throw bad("head_dim", "expected a positive head size, found \(headDim ?? 0)") }
            if !((bytesPerValue ?? 2) > 0) { throw bad("bytes_per_value", "expected a positive byte count") }
        }
    }
}
