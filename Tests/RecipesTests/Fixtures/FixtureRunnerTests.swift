import Foundation
import Recipes
import TestSupport
import Testing

/// The fixture runner on cases in temporary directories: what passes, what fails and with which
/// message.
@Suite("Fixture runner", .tags(.medium))
struct FixtureRunnerTests {
    static let endOfFile = "steps:\n  - fix: end-of-file\n"

    @Test func outputEqualToAfterPasses() throws {
        let fixtures = try FixtureDirectory()
        try fixtures.recipe("eof", Self.endOfFile)
        try fixtures.write("eof", "adds", "before", ["a.txt": "a", "src/b.txt": "b\n"])
        try fixtures.write("eof", "adds", "after", ["a.txt": "a\n", "src/b.txt": "b\n"])
        let result = try fixtures.run("eof", "adds")
        #expect(result.status == .passed, "\(result.failures)")
        #expect(result.recipeID == "test/eof")
        #expect(result.caseName == "adds")
    }

    @Test func aDifferenceNamesTheFileAndTheFirstDifferingLine() throws {
        let fixtures = try FixtureDirectory()
        try fixtures.recipe("eof", Self.endOfFile)
        try fixtures.write("eof", "wrong", "before", ["a.txt": "one\ntwo", "gone.txt": "x\n"])
        try fixtures.write("eof", "wrong", "after", ["a.txt": "one\nTWO\n", "new.txt": "y\n"])
        let result = try fixtures.run("eof", "wrong")
        #expect(result.status == .failed)
        #expect(result.failures.map(\.kind) == [.expected, .expected, .expected])
        #expect(
            result.failures.map(\.message) == [
                #"a.txt: line 2 differs: expected "TWO\n", got "two\n""#,
                "gone.txt: the recipe created this file, but the expected tree does not have it",
                "new.txt: expected the file, but the recipe removed it or never created it",
            ])
    }

    @Test func withoutAfterNothingMayChange() throws {
        let fixtures = try FixtureDirectory()
        try fixtures.recipe("eof", Self.endOfFile)
        try fixtures.write("eof", "clean", "before", ["a.txt": "a\n", "image.bin": "\0\0raw"])
        try fixtures.write("eof", "dirty", "before", ["a.txt": "a\n\n\n"])
        #expect(try fixtures.run("eof", "clean").status == .passed)
        let dirty = try fixtures.run("eof", "dirty")
        #expect(dirty.failures.map(\.message) == [#"a.txt: line 2 is missing: expected "\n", got the end of the file"#])
    }

    @Test func aRecipeThatChangesItsOwnOutputIsNotIdempotent() throws {
        let fixtures = try FixtureDirectory()
        try fixtures.recipe("double", "steps:\n  - regex: { pattern: 'a', replace: 'aa' }\n")
        try fixtures.write("double", "grows", "before", ["x.txt": "a\n", "y.txt": "b\n"])
        try fixtures.write("double", "grows", "after", ["x.txt": "aa\n", "y.txt": "b\n"])
        let result = try fixtures.run("double", "grows")
        #expect(result.status == .failed)
        #expect(result.failures.map(\.kind) == [.idempotence], "the first run gives after/ exactly")
        let message = try #require(result.failures.first?.message)
        #expect(message.hasPrefix("not idempotent: "))
        #expect(message.contains(#"x.txt: line 1 differs: expected "aa\n", got "aaaa\n""#), "\(message)")
    }

    @Test func symbolicLinksStayLinksAndAreNotFollowed() throws {
        let fixtures = try FixtureDirectory()
        try fixtures.recipe("eof", Self.endOfFile)
        let directory = try fixtures.write("eof", "links", "before", ["a.txt": "a"])
        try fixtures.write("eof", "links", "after", ["a.txt": "a\n"])
        for part in ["before", "after"] {
            try FileManager.default.createSymbolicLink(atPath: "\(directory)/\(part)/link", withDestinationPath: "a.txt")
        }
        #expect(try fixtures.run("eof", "links").status == .passed)

        // A template may not write through a link: the recipe fails on that tree.
        try fixtures.recipe("through", "steps:\n  - template: { path: link, content: x, mode: overwrite }\n")
        let through = try fixtures.write("through", "refused", "before", ["a.txt": "a\n"])
        try FileManager.default.createSymbolicLink(atPath: "\(through)/before/link", withDestinationPath: "a.txt")
        let refused = try fixtures.run("through", "refused")
        #expect(refused.failures.map(\.kind) == [.recipe])
        #expect(refused.failures.first?.message.contains("symbolic link") == true)
    }

    @Test func generatedFilesUseTheFixedYearUnlessParamsSetsIt() throws {
        let fixtures = try FixtureDirectory()
        try fixtures.recipe(
            "notice",
            "parameters: { holder: { type: string, default: Nobody } }\n"
                + "steps:\n  - template: { path: NOTICE, content: \"{{year}} {{holder}}\\n\", mode: if-missing }\n")
        try fixtures.write("notice", "default", "before", ["a.txt": "a\n"])
        try fixtures.write("notice", "default", "after", ["a.txt": "a\n", "NOTICE": "\(FixtureRunner.defaultYear) Nobody\n"])
        let given = try fixtures.write("notice", "given", "before", ["a.txt": "a\n"])
        try fixtures.write("notice", "given", "after", ["a.txt": "a\n", "NOTICE": "1999 Acme\n"])
        try Data("year: 1999\nholder: Acme\n".utf8).write(to: URL(fileURLWithPath: given + "/params.yml"))
        #expect(try fixtures.run("notice", "default").status == .passed)
        #expect(try fixtures.run("notice", "given").status == .passed)
    }
}
