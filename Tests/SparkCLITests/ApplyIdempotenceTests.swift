import Foundation
import TestSupport
import Testing

/// `sparkctl apply` refuses to commit a recipe's result that changes again when the recipe runs on
/// it, and names the recipe and the file.
@Suite("sparkctl apply: idempotence gate")
struct ApplyIdempotenceTests {
    @Test func aRecipeThatChangesItsOwnOutputIsNotCommitted() async throws {
        let dir = try TemporaryDirectory()
        let recipes = try RecipeDirectory(in: dir)
        try recipes.write(
            "local/grow",
            """
            id: local/grow
            version: 1.0.0
            title: Grow
            steps:
              - regex: { pattern: "a+", replace: "$0a" }
            """)
        let repo = try await GitFixture.create(at: dir.path + "/repo")
        try await repo.commit(["clean.txt": "nothing\n", "src/grows.txt": "a\n"])
        let objectsBefore = try await repo.git("count-objects", "-v")
        let (result, json) = try await SparkctlBinary.json(["apply", "--repo", repo.path, "--recipe", "local/grow"] + recipes.arguments)
        #expect(result.status == 1)
        #expect(result.stderr.contains("recipe 'local/grow' is not idempotent on 'src/grows.txt'"), "\(result.stderr)")
        #expect((json["error"] as? [String: Any])?["code"] as? String == "notIdempotent")
        #expect(try await repo.git("for-each-ref", "--format=%(refname)") == "refs/heads/main")
        #expect(try await repo.git("count-objects", "-v") == objectsBefore)
    }
}
