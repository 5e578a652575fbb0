import Foundation
import Recipes
import TestSupport
import Testing

@Suite("LocalFile: the recipe loader's file access without FileManager")
struct LocalFileTests {
    /// The loader used `URL.standardizedFileURL.path` for these; the text form must agree with it.
    @Test(arguments: [
        "/r/./a/b.yml", "/r//a///b.yml", "/r/a/../b.yml", "/../../x", "/", "/a/b/", "relative/./x.yml", "../up/x.yml",
        "./x", "a/../../b", "/r/.hidden/../x",
    ])
    func standardizedAgreesWithURL(_ path: String) {
        #expect(LocalFile.standardized(path) == URL(fileURLWithPath: path).standardizedFileURL.path)
    }

    @Test func typesAndReads() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("recipes/a.yml", "id: a\n")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/link.yml", withDestinationPath: file)
        #expect(LocalFile.isRegularFile(file))
        #expect(LocalFile.isRegularFile(directory.path + "/link.yml"))
        #expect(!LocalFile.isDirectory(file))
        #expect(LocalFile.isDirectory(directory.path + "/recipes"))
        #expect(!LocalFile.isRegularFile(directory.path + "/recipes"))
        #expect(!LocalFile.isDirectory(directory.path + "/missing"))
        #expect(try LocalFile.read(file).get() == Array("id: a\n".utf8))

        // Larger than one read chunk, and empty.
        let big = String(repeating: "0123456789abcdef", count: 5_000)
        #expect(try LocalFile.read(try directory.write("big.txt", big)).get() == Array(big.utf8))
        #expect(try LocalFile.read(try directory.write("empty.txt", "")).get() == [])
    }

    @Test func failuresSayWhy() throws {
        let directory = try TemporaryDirectory()
        guard case .failure(let missing) = LocalFile.read(directory.path + "/missing.yml") else {
            Issue.record("a missing file was read")
            return
        }
        #expect(missing.description == "No such file or directory")
        guard case .failure(let isDirectory) = LocalFile.read(directory.path) else {
            Issue.record("a directory was read as a file")
            return
        }
        #expect(isDirectory.description == "Is a directory")
    }

    @Test func unreadableRecipeNamesTheSystemError() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path + "/nope.yml"
        do {
            _ = try RecipeLoader.load(file: missing)
            Issue.record("a missing recipe file loaded")
        } catch {
            #expect(error.message == "cannot read recipe file: No such file or directory")
        }
    }
}
