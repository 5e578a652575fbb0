import Foundation
import TestSupport
import Testing

/// `sparkctl recipe test`: the real binary on the shipped catalog and on temporary recipes.
@Suite("sparkctl recipe test")
struct RecipeTestCommandTests {
    /// A catalog directory with `team/tidy` (end-of-file): one passing case, one whose after/ is
    /// wrong, and `team/grow`, which is not idempotent.
    func catalog() throws -> (TemporaryDirectory, String) {
        let dir = try TemporaryDirectory()
        try dir.write("recipes/team/tidy.yml", "id: team/tidy\nversion: 1.0.0\ntitle: T\nsteps:\n  - fix: end-of-file\n")
        try dir.write("recipes/team/tidy.tests/good/before/a.txt", "a")
        try dir.write("recipes/team/tidy.tests/good/after/a.txt", "a\n")
        try dir.write("recipes/team/tidy.tests/wrong/before/a.txt", "a")
        try dir.write("recipes/team/tidy.tests/wrong/after/a.txt", "b\n")
        try dir.write(
            "recipes/team/grow.yml",
            "id: team/grow\nversion: 1.0.0\ntitle: T\nsteps:\n  - regex: { pattern: 'a', replace: 'aa' }\n")
        try dir.write("recipes/team/grow.tests/once/before/x.txt", "a\n")
        try dir.write("recipes/team/grow.tests/once/after/x.txt", "aa\n")
        return (dir, dir.path + "/recipes")
    }

    @Test func theShippedCatalogPasses() async throws {
        let result = try await SparkctlBinary.run(["recipe", "test"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let last = try #require(lines.last)
        let passed = Int(last.split(separator: " ").first ?? "") ?? 0
        #expect(last == "\(passed) passed, 0 failed")
        #expect(passed >= 60)
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("PASS ") }, "\(lines.filter { !$0.hasPrefix("PASS ") })")
        #expect(lines.contains("PASS go/interface-to-any map-values-and-variadics"))
    }

    @Test func failuresAreNamedWithTheirReasonsAndExitOne() async throws {
        let (dir, recipes) = try catalog()
        defer { withExtendedLifetime(dir) {} }
        let result = try await SparkctlBinary.run(["recipe", "test", "--recipes-dir", recipes, "team/tidy", "team/grow"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            result.stdout == """
                PASS team/tidy good
                FAIL team/tidy wrong
                    a.txt: line 1 differs: expected "b\\n", got "a\\n"
                FAIL team/grow once
                    not idempotent: run again on its own output, the recipe changes x.txt: line 1 differs: expected "aa\\n", got "aaaa\\n"
                1 passed, 2 failed

                """)

        // The same by path: a case directory and a recipe file.
        let byPath = try await SparkctlBinary.run([
            "recipe", "test", "--recipes-dir", recipes, recipes + "/team/tidy.tests/good", recipes + "/team/grow.yml",
        ])
        #expect(byPath.status == 1)
        #expect(byPath.stdout.hasSuffix("\n1 passed, 1 failed\n"), "\(byPath.stdout)")
    }

    @Test func allRecipesIncludesExtraDirectoriesAndListsRecipesWithoutCases() async throws {
        let (dir, recipes) = try catalog()
        defer { withExtendedLifetime(dir) {} }
        try dir.write("recipes/team/bare.yml", "id: team/bare\nversion: 1.0.0\ntitle: T\nsteps:\n  - fix: end-of-file\n")
        let result = try await SparkctlBinary.run(["recipe", "test", "--recipes-dir", recipes])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\nNONE team/bare (no fixture cases)\n"))
        let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasSuffix(" passed, 2 failed"), "\(last)")
    }

    @Test func aRecipeThatDoesNotLoadFailsTheWholeCatalogRun() async throws {
        let (dir, recipes) = try catalog()
        defer { withExtendedLifetime(dir) {} }
        try dir.write("recipes/team/broken.yml", "id: team/broken\nversion: 1.0.0\ntitel: T\nsteps:\n  - fix: end-of-file\n")
        let result = try await SparkctlBinary.run(["recipe", "test", "--recipes-dir", recipes])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("ERROR team/broken (recipe does not load)"), "\(result.stdout)")
        #expect(result.stdout.contains("broken.yml:3:1: unknown key 'titel'"), "\(result.stdout)")
        let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasSuffix(" passed, 3 failed"), "\(last)")
        // Named recipes that load are still tested on their own.
        let named = try await SparkctlBinary.run(["recipe", "test", "--recipes-dir", recipes, "team/tidy"])
        #expect(named.stdout.hasSuffix("1 passed, 1 failed\n"), "\(named.stdout)")
    }

    @Test func json() async throws {
        let (dir, recipes) = try catalog()
        defer { withExtendedLifetime(dir) {} }
        let (result, json) = try await SparkctlBinary.json(["recipe", "test", "--recipes-dir", recipes, "team/tidy"])
        #expect(result.status == 1)
        #expect(json["passed"] as? Int == 1)
        #expect(json["failed"] as? Int == 1)
        #expect(json["summary"] as? String == "1 passed, 1 failed")
        let cases = json["cases"] as? [[String: Any]] ?? []
        #expect(cases.map { $0["status"] as? String } == ["pass", "fail"])
        let failures = cases.last?["failures"] as? [[String: Any]] ?? []
        #expect(failures.first?["kind"] as? String == "expected")
    }

    @Test func badInputExitsTwo() async throws {
        let (dir, recipes) = try catalog()
        defer { withExtendedLifetime(dir) {} }
        let unknown = try await SparkctlBinary.run(["recipe", "test", "--recipes-dir", recipes, "team/tydi"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'team/tidy'?"), "\(unknown.stderr)")

        let bare = try dir.write("recipes/team/bare.yml", "id: team/bare\nversion: 1.0.0\ntitle: T\nsteps:\n  - fix: end-of-file\n")
        let noCases = try await SparkctlBinary.run(["recipe", "test", bare])
        #expect(noCases.status == 2)
        #expect(noCases.stderr.contains("has no fixture cases"))

        let params = try dir.write("recipes/team/tidy.tests/good/params.yml", "\nholder: Acme\n")
        let badParams = try await SparkctlBinary.run(["recipe", "test", "--recipes-dir", recipes, "team/tidy"])
        #expect(badParams.status == 2, "a case that cannot run is bad input, even when another fails")
        #expect(badParams.stdout.contains("ERROR team/tidy good\n    \(params):2:1: recipe 'team/tidy' has no parameter 'holder'"), "\(badParams.stdout)")
        let (_, report) = try await SparkctlBinary.json(["recipe", "test", "--recipes-dir", recipes, "team/tidy"])
        let error = (report["cases"] as? [[String: Any]])?.compactMap { $0["error"] as? [String: Any] }.first ?? [:]
        #expect(Set(error.keys) == ["code", "message", "subject", "hint"], "the parts of sparkctl's --json errors: \(error)")
        #expect(error["subject"] as? String == "\(params):2:1")
        #expect((error["message"] as? String)?.contains("has no parameter 'holder'") == true, "\(error)")
        #expect(badParams.stdout.hasSuffix("0 passed, 2 failed\n"))
    }
}
