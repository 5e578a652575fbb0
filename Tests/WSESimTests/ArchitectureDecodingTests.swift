import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import WSESim

/// The architecture schema of shared/wse/README.md, and errors that name the file and the key.
@Suite("ModelArchitecture decoding", .tags(.small))
struct ArchitectureDecodingTests {
    private func decode(_ json: String) throws(WSEError) -> ModelArchitecture {
        try ModelArchitecture.decode(Data(json.utf8), path: "arch.json")
    }

    private func error(_ json: String) -> WSEError? {
        do {
            _ = try decode(json)
            return nil
        } catch { return error }
    }

    @Test func readmeExampleDecodesWithDerivedSizes() throws {
        let arch = try decode(
            """
            {"name": "Llama 3.1 70B", "layers": 80, "params_b": 70.6, "active_params_b": 70.6,
             "bytes_per_param": 2.0, "hidden": 8192,
             "kv": {"kind": "gqa", "kv_heads": 8, "head_dim": 128, "attention_layers": 80, "bytes_per_value": 2}}
            """)
        #expect(arch.layers == 80)
        #expect(arch.weightBytes == 70.6e9 * 2)
        // 2 (K and V) · 8 heads · 128 values · 2 bytes · 80 layers.
        #expect(arch.kv.bytesPerToken == 327_680)
    }

    @Test func mlaAndDefaults() throws {
        let arch = try decode(
            """
            {"layers": 61, "params_b": 671, "active_params_b": 37, "bytes_per_param": 1, "hidden": 7168,
             "kv": {"kind": "mla", "bytes_per_token_per_layer": 1152}}
            """)
        #expect(arch.kv.attentionLayers == 61, "attention_layers defaults to layers")
        #expect(arch.kv.bytesPerToken == 1152 * 61)
        let dense = try decode(
            """
            {"layers": 2, "params_b": 1, "bytes_per_param": 2, "hidden": 64, "kv": {"kind": "mha", "kv_heads": 4, "head_dim": 16}}
            """)
        #expect(dense.activeParamsB == dense.paramsB, "active_params_b defaults to params_b")
    }

    @Test func missingKeyNamesTheDottedPath() {
        let e = error(
            """
            {"layers": 80, "params_b": 1, "bytes_per_param": 2, "hidden": 8, "kv": {"kind": "gqa", "head_dim": 128}}
            """)
        #expect(e?.code == .missingKey)
        #expect(e?.key == "kv.kv_heads")
        #expect(e?.description.contains("arch.json: key 'kv.kv_heads'") == true, "\(String(describing: e))")
    }

    @Test func wrongTypeSaysWhatWasExpected() {
        let e = error(
            """
            {"layers": "80", "params_b": 1, "bytes_per_param": 2, "hidden": 8, "kv": {"kind": "gqa", "kv_heads": 8, "head_dim": 128}}
            """)
        #expect(e?.code == .wrongType)
        #expect(e?.key == "layers")
        #expect(e?.message.contains("integer") == true)
    }

    @Test func notJSON() {
        let e = error("{\"layers\": 80,")
        #expect(e?.code == .invalidJSON)
        #expect(e?.path == "arch.json")
    }

    @Test func unknownKVKindListsTheKnownOnes() {
        let e = error(
            """
            {"layers": 8, "params_b": 1, "bytes_per_param": 2, "hidden": 8, "kv": {"kind": "sliding"}}
            """)
        #expect(e?.key == "kv.kind")
        #expect(e?.message.contains("gqa, mha, mqa, mla") == true)
    }

    @Test(arguments: [
        ("active_params_b", "2"),
        ("bytes_per_param", "0"),
        ("layers", "0"),
        ("params_b", "-1"),
    ])
    func outOfRangeValues(_ key: String, _ value: String) {
        var fields = ["layers": "8", "params_b": "1", "bytes_per_param": "2", "hidden": "8"]
        fields[key] = value
        let body = fields.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
        let e = error("{" + body + #", "kv": {"kind": "gqa", "kv_heads": 8, "head_dim": 64, "attention_layers": 1}}"#)
        #expect(e?.code == .invalidValue)
        #expect(e?.key == key)
    }

    @Test func attentionLayersBeyondLayersIsRejected() {
        let e = error(
            """
            {"layers": 8, "params_b": 1, "bytes_per_param": 2, "hidden": 8, "kv": {"kind": "gqa", "kv_heads": 8, "head_dim": 64, "attention_layers": 9}}
            """)
        #expect(e?.key == "kv.attention_layers")
    }

    @Test func missingFile() {
        #expect(throws: WSEError.self) { try ModelArchitecture.load(path: "/nonexistent/arch.json") }
        do {
            _ = try ModelArchitecture.load(path: "/nonexistent/arch.json")
        } catch {
            #expect(error.code == .unreadable)
            #expect(error.description.contains("/nonexistent/arch.json: no such file"))
        }
    }

    @Test func compiledInCalibrationCopyDecodes() {
        let set = CalibrationSet.published()
        #expect(set.points.count == 7)
        #expect(set.points.allSatisfy { $0.observedTokensPerSecond > 0 })
    }
}
