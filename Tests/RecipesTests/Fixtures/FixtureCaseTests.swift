import Foundation
import Recipes
import TestSupport
import Testing

/// Fixture cases that cannot run: each is an `.error` result that says where and how to fix it.
@Suite("Fixture case errors", .tags(.medium))
struct FixtureCaseTests {
    func params(_ text: String) throws -> (FixtureDirectory, String) {
        let fixtures = try FixtureDirectory()
        try fixtures.recipe("notice", "parameters: { holder: { type: string, default: Nobody } }\nsteps:\n  - fix: end-of-file\n")
        let directory = try fixtures.write("notice", "c", "before", ["a.txt": "a\n"])
        try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/params.yml"))
        return (fixtures, directory + "/params.yml")
    }

    @Test func anUndeclaredParameterIsReportedWhereItIsWritten() throws {
        let (fixtures, file) = try params("year: 2024\nholdr: Acme\n")
        let error = try #require(try fixtures.run("notice", "c").error)
        #expect(error.code == .unknownParameter)
        #expect(error.location == "\(file):2:1")
        #expect(error.message.contains("did you mean 'holder'?"), "\(error.message)")
    }

    @Test func aValueOfTheWrongTypeIsReportedWhereItIsWritten() throws {
        let (fixtures, file) = try params("holder: Acme\nyear: soon\n")
        let error = try #require(try fixtures.run("notice", "c").error)
        #expect(error.code == .invalidParameter)
        #expect(error.location == "\(file):2:1")
    }

    @Test func malformedYAMLHasAPosition() throws {
        let (fixtures, file) = try params("holder: [Acme\n")
        let error = try #require(try fixtures.run("notice", "c").error)
        #expect(error.code == .syntax)
        #expect(error.location?.hasPrefix("\(file):") == true, "\(error)")
        #expect(error.line != nil && error.column != nil)
    }

    @Test func aNestedValueIsRefused() throws {
        let (fixtures, file) = try params("holder: { name: Acme }\n")
        let error = try #require(try fixtures.run("notice", "c").error)
        #expect(error.code == .wrongType)
        #expect(error.location == "\(file):1:9")
    }

    @Test func aMisspeltEntryIsNotReadAsNoChange() throws {
        let fixtures = try FixtureDirectory()
        try fixtures.recipe("eof", FixtureRunnerTests.endOfFile)
        let directory = try fixtures.write("eof", "typo", "before", ["a.txt": "a"])
        try fixtures.write("eof", "typo", "afer", ["a.txt": "a\n"])
        let error = try #require(try fixtures.run("eof", "typo").error)
        #expect(error.code == .unknownKey)
        #expect(error.file == directory + "/afer")
        #expect(error.message.contains("did you mean 'after'?"))
    }

    @Test func aCaseNeedsBeforeOrAfter() throws {
        let fixtures = try FixtureDirectory()
        try fixtures.recipe("eof", FixtureRunnerTests.endOfFile)
        try fixtures.directory.write("recipes/test/eof.tests/empty/params.yml", "")
        let error = try #require(try fixtures.run("eof", "empty").error)
        #expect(error.code == .missingKey)
        #expect(error.message.contains("neither before/ nor after/"))
    }
}
