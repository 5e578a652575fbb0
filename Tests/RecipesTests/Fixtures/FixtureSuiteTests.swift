import Foundation
import Recipes
import TestSupport
import Testing

/// What the arguments of `sparkctl recipe test` name.
@Suite("Fixture suites", .tags(.medium))
struct FixtureSuiteTests {
    func fixtures() throws -> FixtureDirectory {
        let fixtures = try FixtureDirectory()
        try fixtures.recipe("eof", FixtureRunnerTests.endOfFile)
        try fixtures.write("eof", "b-case", "before", ["a.txt": "a\n"])
        try fixtures.write("eof", "a-case", "before", ["a.txt": "a\n"])
        try fixtures.directory.write("recipes/test/eof.tests/README.md", "notes, not a case\n")
        try fixtures.recipe("bare", FixtureRunnerTests.endOfFile)
        return fixtures
    }

    @Test func everyRecipeWithItsCasesInNameOrder() throws {
        let fixtures = try fixtures()
        let suites = try FixtureSuite.all(in: try fixtures.catalog())
        #expect(suites.map(\.recipe.id) == ["test/bare", "test/eof"])
        #expect(suites[0].caseDirectories.isEmpty)
        #expect(suites[1].caseDirectories == ["a-case", "b-case"].map { fixtures.caseDirectory("eof", $0) })
    }

    @Test func idFileTestsDirectoryAndCaseDirectory() throws {
        let fixtures = try fixtures()
        let catalog = try fixtures.catalog()
        let all = ["a-case", "b-case"].map { fixtures.caseDirectory("eof", $0) }
        #expect(try FixtureSuite.resolve("test/eof", in: catalog).caseDirectories == all)
        #expect(try FixtureSuite.resolve(fixtures.root + "/test/eof.yml", in: catalog).caseDirectories == all)
        #expect(try FixtureSuite.resolve(fixtures.root + "/test/eof.tests/", in: catalog).caseDirectories == all)
        let one = try FixtureSuite.resolve(fixtures.caseDirectory("eof", "b-case"), in: catalog)
        #expect(one.recipe.id == "test/eof")
        #expect(one.caseDirectories == [fixtures.caseDirectory("eof", "b-case")])
    }

    @Test func badArgumentsSayWhatIsWrong() throws {
        let fixtures = try fixtures()
        let catalog = try fixtures.catalog()
        let unknown = #expect(throws: RecipeError.self) { try FixtureSuite.resolve("test/eov", in: catalog) }
        #expect(unknown?.code == .unknownRecipe)
        #expect(unknown?.message.contains("'test/eof'") == true)
        let bare = #expect(throws: RecipeError.self) { try FixtureSuite.resolve("test/bare", in: catalog) }
        #expect(bare?.code == .missingKey)
        #expect(bare?.hint?.contains("test/bare.tests/<case>/before/") == true)
        let missing = #expect(throws: RecipeError.self) { try FixtureSuite.resolve(fixtures.root + "/nope.yml", in: catalog) }
        #expect(missing?.code == .unreadable)
        let notTests = #expect(throws: RecipeError.self) { try FixtureSuite.resolve(fixtures.root, in: catalog) }
        #expect(notTests?.code == .invalidValue)
    }
}
