/// A named model on named hardware at a context window: what `--profile NAME` selects and what
/// the engine's `wse-sim` backend will run requests on.
package struct Profile: Hashable, Sendable {
    package var name: String
    package var summary: String
    package var model: PerformanceModel

    package init(name: String, summary: String, model: PerformanceModel) {
        self.name = name
        self.summary = summary
        self.model = model
    }

    /// Codex-Spark's architecture is not public. Assumed: the shape of gpt-oss-120b, OpenAI's
    /// only published architecture of its class (a 117B mixture of experts, 5.1B active, MXFP4
    /// weights, 128K context) — a "smaller model" in the 1000+ tokens/s class.
    package static let codexSparkArchitecture = ModelArchitecture(
        name: "codex-spark (assumed: gpt-oss-120b shape)", layers: 36, paramsB: 117, activeParamsB: 5.1,
        bytesPerParam: 0.54, hidden: 2880,
        kv: KVCache(kind: .gqa, kvHeads: 8, headDim: 64, attentionLayers: 18, bytesPerValue: 2))

    /// GPT-5.3-Codex's architecture is not public either. Assumed: the shape of DeepSeek-V3, a
    /// published frontier-class coding mixture of experts (671B, 37B active, FP8, latent KV of
    /// 576 BF16 values per layer).
    package static let codexArchitecture = ModelArchitecture(
        name: "codex (assumed: DeepSeek-V3 shape)", layers: 61, paramsB: 671, activeParamsB: 37, bytesPerParam: 1,
        hidden: 7168, kv: KVCache(kind: .mla, attentionLayers: 61, bytesPerTokenPerLayer: 1152))

    /// 128K tokens.
    package static let sparkContextWindow = 131_072

    package static let codexSpark = Profile(
        name: "codex-spark", summary: "Codex-Spark class model on WSE-3, 128K context",
        model: PerformanceModel(architecture: codexSparkArchitecture, contextWindow: sparkContextWindow))

    package static let gpuH100 = Profile(
        name: "gpu-h100", summary: "GPU-served Codex class model on H100 nodes (baseline), 128K context",
        model: PerformanceModel(architecture: codexArchitecture, hardware: .h100, contextWindow: sparkContextWindow))

    /// `codex-spark`, `gpu-h100` and one profile per calibration architecture (named by slug,
    /// e.g. `llama-3.1-70b`; later duplicates of a slug are dropped).
    package static let all: [Profile] = {
        var profiles = [codexSpark, gpuH100]
        for point in CalibrationSet.published().points {
            let slug = slug(point.arch.name)
            guard !profiles.contains(where: { $0.name == slug }) else { continue }
            profiles.append(
                Profile(
                    name: slug, summary: "\(point.arch.name) on WSE-3 (calibration point), 8K context",
                    model: PerformanceModel(architecture: point.arch, contextWindow: CalibrationSet.context)))
        }
        return profiles
    }()

    /// The profile called `name`, or an error listing the names there are.
    package static func named(_ name: String) throws(WSEError) -> Profile {
        if let profile = all.first(where: { $0.name == name.lowercased() }) { return profile }
        throw WSEError(
            .unknownProfile, "no profile named '\(name)'", key: "--profile",
            hint: "use one of: \(all.map(\.name).joined(separator: ", "))")
    }

    static func slug(_ name: String) -> String {
        var out = ""
        for character in name.lowercased() {
            if character.isLetter || character.isNumber || character == "." {
                out.append(character)
            } else if !out.hasSuffix("-") {
                out.append("-")
            }
        }
        return String(out.drop(while: { $0 == "-" }).reversed().drop(while: { $0 == "-" }).reversed())
    }
}
