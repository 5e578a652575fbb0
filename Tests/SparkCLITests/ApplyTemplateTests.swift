import Foundation
import TestSupport
import Testing

/// `sparkctl apply` with template recipes and `--param`: files created on the review branch, the
/// parameters in their content and in the commit message, and bad parameters refused (exit 2).
@Suite("sparkctl apply: templates and --param")
struct ApplyTemplateTests {
    static let editorconfig = ["--recipe", "boilerplate/editorconfig"]

    static func repository(_ dir: TemporaryDirectory) async throws -> GitFixture {
        let repo = try await GitFixture.create(at: dir.path + "/repo")
        try await repo.commit(["main.go": "package main\n", "notes.txt": "trailing   \n"])
        return repo
    }

    @Test func createsTheTemplateFileOnTheReviewBranch() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await Self.repository(dir)
        let before = try CheckoutState(repo)
        let (result, json) = try await SparkctlBinary.json(["apply", "--repo", repo.path] + Self.editorconfig)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try CheckoutState(repo) == before, "the checkout is never touched")
        let branch = "spark/boilerplate-editorconfig"
        #expect(json["branch"] as? String == branch)
        #expect(try await repo.git("diff", "--name-status", "main..\(branch)") == "A\t.editorconfig")
        let created = String(decoding: try await repo.show(branch, ".editorconfig"), as: UTF8.self)
        #expect(created.contains("indent_size = 4"), "the default parameter: \(created)")
        let files = json["files"] as? [[String: Any]] ?? []
        #expect(files.count == 1)
        #expect(files.first?["created"] as? Bool == true)
        #expect(files.first?["recipes"] as? [String] == ["boilerplate/editorconfig"])
        let steps = (json["recipes"] as? [[String: Any]])?.first?["steps"] as? [[String: Any]] ?? []
        #expect(steps.map { "\($0["name"]!)=\($0["files_changed"]!)" } == ["template .editorconfig=1"])
        #expect((json["skipped"] as? [Any])?.isEmpty == true, "a template-only recipe reads and skips no file")
        try await repo.git("fsck", "--full", "--strict")

        // The file now exists on the new base: the if-missing template has nothing to do.
        try await repo.git("merge", "-q", "--ff-only", branch)
        let (again, rerun) = try await SparkctlBinary.json(["apply", "--repo", repo.path, "--branch", "other"] + Self.editorconfig)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(rerun["commit"] is NSNull)
    }

    @Test func paramChangesTheOutputAndIsRecordedInTheCommit() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await Self.repository(dir)
        let args = ["apply", "--repo", repo.path] + Self.editorconfig + ["--recipe", "fixup/trailing-whitespace"]
        let (result, json) = try await SparkctlBinary.json(args + ["--param", "indent_size=2", "--param", "indent_style=tab"])
        #expect(result.status == 0, "\(result.stderr)")
        let branch = "spark/boilerplate-editorconfig+fixup-trailing-whitespace"
        #expect(json["branch"] as? String == branch, "parameters do not change the branch name")
        let created = String(decoding: try await repo.show(branch, ".editorconfig"), as: UTF8.self)
        #expect(created.contains("indent_size = 2"))
        #expect(created.contains("indent_style = tab"))
        #expect(try await repo.show(branch, "notes.txt") == Array("trailing\n".utf8), "the other recipe ran too")
        let recipes = json["recipes"] as? [[String: Any]] ?? []
        #expect(recipes.first?["parameters"] as? [String: String] == ["indent_size": "2", "indent_style": "tab"])
        #expect(recipes.last?["parameters"] as? [String: String] == [:], "routed only to the recipe that declares them")
        let body = try await repo.git("log", "-1", "--format=%B", branch)
        #expect(body.contains("parameters: indent_size=2, indent_style=tab"))
        #expect(body.contains(".editorconfig (new, +"))
        #expect(body.contains("Spark-Recipe: boilerplate/editorconfig@1.0.0"))
    }

    @Test func badParametersAreUsageErrorsWithPositionAndHint() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await Self.repository(dir)
        let apply = ["apply", "--repo", repo.path] + Self.editorconfig

        let wrongType = try await SparkctlBinary.run(apply + ["--param", "indent_size=wide"])
        #expect(wrongType.status == 2)
        #expect(wrongType.stderr.contains("boilerplate/editorconfig.yml:"), "points at the declaration: \(wrongType.stderr)")
        #expect(wrongType.stderr.contains("parameter 'indent_size' of recipe 'boilerplate/editorconfig' must be an int"))
        #expect(wrongType.stderr.contains("hint: e.g. --param indent_size=42"))

        let malformed = try await SparkctlBinary.run(apply + ["--param", "indent_size"])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("--param 'indent_size' is not NAME=VALUE"))

        let misspelt = try await SparkctlBinary.run(apply + ["--param", "indent_sise=2"])
        #expect(misspelt.status == 2)
        #expect(misspelt.stderr.contains("has no parameter 'indent_sise'; did you mean 'indent_size'?"), "\(misspelt.stderr)")

        let (undeclared, json) = try await SparkctlBinary.json(
            apply + ["--recipe", "fixup/end-of-file", "--param", "holder=Acme"])
        #expect(undeclared.status == 2)
        #expect(
            undeclared.stderr.contains(
                "no recipe of this job declares parameter 'holder' (recipes: boilerplate/editorconfig, fixup/end-of-file)"))
        #expect((json["error"] as? [String: Any])?["code"] as? String == "unknownParameter")

        let scopedElsewhere = try await SparkctlBinary.run(apply + ["--param", "license/header:holder=Acme"])
        #expect(scopedElsewhere.status == 2)
        #expect(scopedElsewhere.stderr.contains("'license/header' is not one of this job's recipes"))

        #expect(try await repo.git("for-each-ref", "--format=%(refname)") == "refs/heads/main", "nothing written")
    }

    @Test func scopedParameterGoesToOneRecipe() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await Self.repository(dir)
        let recipes = try RecipeDirectory(in: dir)
        for id in ["local/a", "local/b"] {
            try recipes.write(
                id,
                """
                id: \(id)
                version: 1.0.0
                title: Mark \(id)
                parameters: { mark: { type: string, default: "x" } }
                steps:
                  - template: { path: "\(id.dropFirst(6)).txt", content: "{{mark}}\\n", mode: overwrite }
                """)
        }
        let (result, _) = try await SparkctlBinary.json(
            [
                "apply", "--repo", repo.path, "--recipe", "local/a", "--recipe", "local/b", "--param", "mark=both",
                "--param", "local/b:mark=only-b", "--branch", "marks",
            ] + recipes.arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try await repo.show("marks", "a.txt") == Array("both\n".utf8))
        #expect(try await repo.show("marks", "b.txt") == Array("only-b\n".utf8), "the later, scoped assignment wins")
    }
}
