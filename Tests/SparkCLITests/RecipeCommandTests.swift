import Foundation
import TestSupport
import Testing

@Suite("sparkctl recipe list|show|check")
struct RecipeCommandTests {
    @Test func listsTheCatalog() async throws {
        let (result, _) = try await SparkctlBinary.json(["recipe", "list"])
        #expect(result.status == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [[String: Any]] ?? []
        let ids = rows.compactMap { $0["id"] as? String }
        #expect(ids.contains("fixup/trailing-whitespace"))
        #expect(ids == ids.sorted())
        #expect(rows.allSatisfy { $0["kind"] is String && $0["title"] is String && $0["languages"] is [String] })

        let human = try await SparkctlBinary.run(["recipe", "list"])
        #expect(human.stdout.hasPrefix("ID "))
    }

    @Test func showsOneRecipe() async throws {
        let (result, json) = try await SparkctlBinary.json(["recipe", "show", "fixup/mixed-line-ending"])
        #expect(result.status == 0)
        #expect(json["id"] as? String == "fixup/mixed-line-ending")
        #expect((json["steps"] as? [String])?.count == 1)
        let unknown = try await SparkctlBinary.run(["recipe", "show", "fixup/mixed-line-endings"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("fixup/mixed-line-ending"), "suggests the nearest id")
    }

    @Test func checksFilesWithPositions() async throws {
        let dir = try TemporaryDirectory()
        let good = try dir.write(
            "recipes/team/tidy.yml",
            """
            id: team/tidy
            version: 1.0.0
            title: Tidy
            steps:
              - fix: end-of-file
            """)
        let typo = try dir.write("recipes/team/typo.yml", "id: team/typo\nversion: 1.0.0\ntitle: T\nsteps:\n  - fix: end-of-fil\n")
        let misplaced = try dir.write("recipes/team/elsewhere.yml", "id: team/other\nversion: 1.0.0\ntitle: T\nsteps:\n  - fix: end-of-file\n")

        let ok = try await SparkctlBinary.run(["recipe", "check", good])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("ok (team/tidy@1.0.0)"))

        let bad = try await SparkctlBinary.run(["recipe", "check", good, typo, misplaced])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("\(typo):5:"), "\(bad.stderr)")
        #expect(bad.stderr.contains("end-of-file"), "suggests the nearest fixer")
        #expect(bad.stderr.contains(misplaced))
    }
}
