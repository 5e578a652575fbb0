import Foundation
import TestSupport
import Testing

/// `sparkctl wse estimate` on the real binary.
@Suite("sparkctl wse estimate", .tags(.medium))
struct WSEEstimateCLITests {
    private static let llama70 = """
        {"name": "Llama 3.1 70B", "layers": 80, "params_b": 70.6, "active_params_b": 70.6,
         "bytes_per_param": 2.0, "hidden": 8192,
         "kv": {"kind": "gqa", "kv_heads": 8, "head_dim": 128, "attention_layers": 80, "bytes_per_value": 2}}
        """

    @Test func jsonHasExactlyTheDocumentedKeys() async throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("llama.json", Self.llama70)
        let (result, object) = try await SparkctlBinary.json(["wse", "estimate", "--arch", file, "--context", "8192"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Set(object.keys) == ["decode_tokens_per_second", "prefill_tokens_per_second", "wafers", "ttft_seconds", "max_sessions"])
        #expect(object["wafers"] as? Int == 4)
        #expect((object["decode_tokens_per_second"] as? Double ?? 0) > 1000)
        let (_, longer) = try await SparkctlBinary.json(["wse", "estimate", "--arch", file, "--context", "32768"])
        #expect((longer["max_sessions"] as? Int ?? .max) < (object["max_sessions"] as? Int ?? 0))
    }

    @Test func humanOutputIsATable() async throws {
        let result = try await SparkctlBinary.run(["wse", "estimate", "--profile", "codex-spark"])
        #expect(result.status == 0)
        for key in ["decode_tokens_per_second", "prefill_tokens_per_second", "wafers", "ttft_seconds", "max_sessions"] {
            #expect(result.stdout.contains(key))
        }
        #expect(result.stdout.contains("131072 tokens"))
    }

    @Test func badFilesExit2NamingTheFileAndKey() async throws {
        let dir = try TemporaryDirectory()
        let missingKey = try dir.write("bad.json", #"{"layers": 80, "params_b": 1, "bytes_per_param": 2, "hidden": 8, "kv": {"kind": "gqa", "head_dim": 64}}"#)
        let result = try await SparkctlBinary.run(["wse", "estimate", "--arch", missingKey])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(missingKey): key 'kv.kv_heads'"), "\(result.stderr)")

        let notJSON = try dir.write("broken.json", "{\"layers\": ")
        let broken = try await SparkctlBinary.run(["wse", "estimate", "--arch", notJSON])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains(notJSON) && broken.stderr.contains("not valid JSON"))

        let missing = try await SparkctlBinary.run(["wse", "estimate", "--arch", dir.path + "/nope.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.json: no such file"))

        let (jsonResult, object) = try await SparkctlBinary.json(["wse", "estimate", "--arch", missingKey])
        #expect(jsonResult.status == 2)
        #expect((object["error"] as? [String: Any])?["code"] as? String == "missingKey")
    }

    @Test func calibrateReportsTheStoredFit() async throws {
        let result = try await SparkctlBinary.run(["wse", "calibrate"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("differs from the stored"), "\(result.stdout)")
        #expect(result.stdout.contains("| Llama 3.1 405B |"))
    }
}
