import Foundation
import TestSupport
import Testing

/// One broken recipe file in a recipe directory does not stop commands that do not use it; naming
/// it fails with its own error and position; `recipe list` lists the rest and warns.
@Suite("sparkctl: a broken recipe file")
struct BrokenRecipeFileTests {
    static func brokenDirectory(_ dir: TemporaryDirectory) throws -> RecipeDirectory {
        let recipes = try RecipeDirectory(in: dir)
        try recipes.write("local/broken", "id: local/broken\nversion: 1.0.0\ntitle: Broken\nstepz: []\n")
        try recipes.write(
            "local/upper",
            """
            id: local/upper
            version: 1.0.0
            title: Upper-case TODO
            steps:
              - regex: { pattern: "todo", replace: "TODO" }
            """)
        return recipes
    }

    @Test func applyAndFixOfAnotherRecipeStillWork() async throws {
        let dir = try TemporaryDirectory()
        let recipes = try Self.brokenDirectory(dir)
        let repo = try await GitFixture.create(at: dir.path + "/repo")
        try await repo.commit(["a.txt": "todo \n"])

        for id in ["local/upper", "fixup/trailing-whitespace"] {
            let (result, json) = try await SparkctlBinary.json(["apply", "--repo", repo.path, "--recipe", id] + recipes.arguments)
            #expect(result.status == 0, "\(id): \(result.stderr)")
            #expect(json["files_changed"] as? Int == 1)
            #expect(!result.stderr.contains("broken"), "an unrelated broken file is not even read: \(result.stderr)")
        }
        let fixed = try await Command.run(
            [SparkctlBinary.path, "fix", "--recipe", "local/upper", "--stdin-filename", "a.txt"] + recipes.arguments,
            stdin: Array("todo\n".utf8))
        #expect(fixed.status == 1, "\(fixed.stderr)")
        #expect(fixed.stdout == "TODO\n")
    }

    @Test func namingTheBrokenRecipeReportsItsError() async throws {
        let dir = try TemporaryDirectory()
        let recipes = try Self.brokenDirectory(dir)
        let repo = try await GitFixture.create(at: dir.path + "/repo")
        try await repo.commit(["a.txt": "todo\n"])
        let result = try await SparkctlBinary.run(
            ["apply", "--repo", repo.path, "--recipe", "local/upper", "--recipe", "local/broken"] + recipes.arguments)
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("\(recipes.path)/local/broken.yml:4:1: unknown key 'stepz' in recipe; did you mean 'steps'?"),
            "\(result.stderr)")
        #expect(try await repo.git("for-each-ref", "--format=%(refname)") == "refs/heads/main")
    }

    @Test func recipeListWarnsAndListsTheRest() async throws {
        let dir = try TemporaryDirectory()
        let recipes = try Self.brokenDirectory(dir)
        let (result, _) = try await SparkctlBinary.json(["recipe", "list"] + recipes.arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [[String: Any]] ?? []
        let ids = rows.compactMap { $0["id"] as? String }
        #expect(ids.contains("local/upper"))
        #expect(ids.contains("fixup/end-of-file"))
        #expect(!ids.contains("local/broken"))
        #expect(result.stderr.contains("warning: skipping a recipe that does not load: \(recipes.path)/local/broken.yml:4:1"))
    }
}
