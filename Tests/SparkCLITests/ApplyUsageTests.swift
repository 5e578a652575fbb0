import Foundation
import TestSupport
import Testing

/// `sparkctl apply` reports what the job cost on the simulated backend: the `usage` object in
/// `--json`, the human summary, and one `Usage:` line in the commit body. The real binary on real
/// repositories.
@Suite("sparkctl apply usage")
struct ApplyUsageTests {
    static func makeRepository(_ dir: TemporaryDirectory) async throws -> GitFixture {
        let repo = try await GitFixture.create(at: dir.path + "/repo")
        try await repo.git("config", "user.name", "Repo User")
        try await repo.git("config", "user.email", "repo@example.com")
        try await repo.commit(["a.txt": "one   \ntwo\n", "b.txt": "three\t\n", "c.txt": "clean\n"])
        return repo
    }

    static let recipe = ["--recipe", "fixup/trailing-whitespace"]

    @Test func jsonHasTheUsageAndTheCommitBodyHasItsLine() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await Self.makeRepository(dir)
        let (result, json) = try await SparkctlBinary.json(["apply", "--repo", repo.path] + Self.recipe)
        #expect(result.status == 0, "\(result.stderr)")
        let usage = try #require(json["usage"] as? [String: Any])
        #expect(usage["backend"] as? String == "wse-sim")
        #expect(usage["profile"] as? String == "codex-spark")
        #expect(usage["transport"] as? String == "websocket")
        #expect(usage["baseline_profile"] as? String == "gpu-h100")
        // Three small files: one request on one session, one handshake.
        #expect(usage["requests"] as? Int == 1)
        #expect(usage["sessions"] as? Int == 1)
        #expect(usage["handshakes"] as? Int == 1)
        #expect((usage["prompt_tokens"] as? Int ?? 0) > 0)
        #expect((usage["output_tokens"] as? Int ?? 0) > 0)
        let modeled = try #require(usage["modeled_seconds"] as? Double)
        let baseline = try #require(usage["baseline_modeled_seconds"] as? Double)
        #expect(modeled > 0 && baseline > modeled)
        #expect((usage["ttft_p50_seconds"] as? Double ?? 0) > 0)
        #expect((usage["ttft_p95_seconds"] as? Double ?? 0) >= (usage["ttft_p50_seconds"] as? Double ?? 0))
        #expect(usage["cpu_seconds"] as? Double != nil)
        #expect(usage["paced"] as? Bool == false)

        let body = try await repo.git("log", "-1", "--format=%b", "spark/fixup-trailing-whitespace")
        let lines = body.split(separator: "\n").filter { $0.hasPrefix("Usage:") }
        #expect(lines.count == 1)
        let line = String(lines.first ?? "")
        #expect(line.hasPrefix("Usage: 1 request, 1 session, "))
        #expect(line.contains("modeled on codex-spark ("))
        #expect(line.contains("on gpu-h100), "))
        #expect(line.hasSuffix(" s CPU"))
    }

    @Test func humanOutputShowsTheUsage() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await Self.makeRepository(dir)
        let result = try await SparkctlBinary.run(["apply", "--repo", repo.path, "--dry-run"] + Self.recipe)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\nUsage: 1 request, 1 session, "))
        #expect(result.stdout.contains("websocket transport, TTFT p50 "))
    }

    @Test func httpTransportAndAnotherProfile() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await Self.makeRepository(dir)
        let (result, json) = try await SparkctlBinary.json(
            ["apply", "--repo", repo.path, "--dry-run", "--transport", "http", "--profile", "llama-3.1-8b"] + Self.recipe)
        #expect(result.status == 0, "\(result.stderr)")
        let usage = try #require(json["usage"] as? [String: Any])
        #expect(usage["transport"] as? String == "http")
        #expect(usage["profile"] as? String == "llama-3.1-8b")
        #expect(usage["handshakes"] as? Int == 0, "per-request HTTP opens no persistent session")
    }

    @Test func unknownProfileOrTransportIsAUsageError() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await Self.makeRepository(dir)
        let (profile, json) = try await SparkctlBinary.json(["apply", "--repo", repo.path, "--profile", "nope"] + Self.recipe)
        #expect(profile.status == 2)
        let error = try #require(json["error"] as? [String: Any])
        #expect(error["code"] as? String == "unknownProfile")
        #expect((error["hint"] as? String ?? "").contains("codex-spark"))
        let transport = try await SparkctlBinary.run(["apply", "--repo", repo.path, "--transport", "carrier-pigeon"] + Self.recipe)
        #expect(transport.status == 2)
        #expect(transport.stderr.contains("--transport") && transport.stderr.contains("http, websocket"))
        #expect(try await repo.git("for-each-ref", "--format=%(refname)") == "refs/heads/main")
    }
}
