import Foundation
import TestSupport
import Testing

/// The verification gate on the real binary: a recipe whose output no longer parses as Swift
/// (swift-syntax, registered at start-up) is refused and nothing is written.
@Suite("sparkctl apply: Swift files that parsed still parse")
struct ApplyVerificationTests {
    @Test func aRecipeThatBreaksSwiftSyntaxIsRefused() async throws {
        let dir = try TemporaryDirectory()
        let recipes = try RecipeDirectory(in: dir)
        // Deletes every closing brace: idempotent, but the result is not Swift.
        try recipes.write(
            "local/drop-braces",
            "id: local/drop-braces\nversion: 1.0.0\ntitle: Drop braces\nsteps:\n  - regex: { pattern: '\\}', replace: '' }\n")
        let repo = try await GitFixture.create(at: dir.path + "/repo")
        try await repo.commit(["Sources/App/main.swift": "func f() {\n    print(1)\n}\n", "notes.txt": "a } b\n"])
        let before = try await repo.git("for-each-ref", "--format=%(refname)")

        let result = try await SparkctlBinary.run(["apply", "--repo", repo.path, "--recipe", "local/drop-braces"] + recipes.arguments)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("Sources/App/main.swift"), "\(result.stderr)")
        #expect(result.stderr.contains("swift-syntax"), "\(result.stderr)")
        #expect(try await repo.git("for-each-ref", "--format=%(refname)") == before, "no branch is written")

        // A Swift file that did not parse before is not the recipe's fault: it goes through.
        try await repo.commit(["Sources/App/main.swift": "func f( {\n}\n"])
        let broken = try await SparkctlBinary.run(["apply", "--repo", repo.path, "--recipe", "local/drop-braces"] + recipes.arguments)
        #expect(broken.status == 0, "\(broken.stderr)")
        try await repo.git("fsck", "--full", "--strict")
    }
}
