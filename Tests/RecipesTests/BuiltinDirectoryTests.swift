import Foundation
import Recipes
import TestSupport
import Testing

@Suite("Built-in recipe directory", .tags(.medium))
struct BuiltinDirectoryTests {
    /// A fake executable file at `relative`, with `recipes/fixup/` made at `recipes`.
    static func layout(_ directory: TemporaryDirectory, executable relative: String, recipes: String?) throws -> String {
        if let recipes { _ = try directory.subdirectory(recipes + "/fixup") }
        return try directory.write(relative, "#!/bin/sh\n")
    }

    @Test func environmentVariableWins() throws {
        let found = RecipeCatalog.builtinDirectory(
            environment: ["SPARKD_RECIPES_DIR": "/opt/custom/recipes"], executablePath: "/nonexistent")
        #expect(found == "/opt/custom/recipes")
    }

    @Test func developmentLayoutWalksUpFromTheBuildDirectory() throws {
        let directory = try TemporaryDirectory()
        let executable = try Self.layout(
            directory, executable: "pkg/.build/x86_64-unknown-linux-gnu/debug/sparkctl", recipes: "pkg/recipes")
        #expect(
            RecipeCatalog.builtinDirectory(environment: [:], executablePath: executable)
                == directory.path + "/pkg/recipes")
    }

    @Test func symbolicLinksToTheExecutableAreResolved() throws {
        let directory = try TemporaryDirectory()
        let executable = try Self.layout(directory, executable: "pkg/.build-x/release/sparkctl", recipes: "pkg/recipes")
        let link = try directory.subdirectory("bin") + "/sparkctl"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: executable)
        #expect(RecipeCatalog.builtinDirectory(environment: [:], executablePath: link) == directory.path + "/pkg/recipes")
    }

    @Test func installedPrefixUsesShare() throws {
        let directory = try TemporaryDirectory()
        let executable = try Self.layout(directory, executable: "prefix/bin/sparkctl", recipes: nil)
        _ = try directory.subdirectory("prefix/share/sparkd/recipes")
        #expect(
            RecipeCatalog.builtinDirectory(environment: [:], executablePath: executable)
                == directory.path + "/prefix/share/sparkd/recipes")
    }

    @Test func aRecipesDirectoryWithoutFixupIsNotTheCatalog() throws {
        let directory = try TemporaryDirectory()
        let executable = try Self.layout(directory, executable: "app/bin/tool", recipes: nil)
        _ = try directory.subdirectory("app/recipes")
        let found = RecipeCatalog.builtinDirectory(environment: [:], executablePath: executable)
        #expect(found != directory.path + "/app/recipes")
    }

    @Test func theRunningTestBinaryFindsThePackageRecipes() throws {
        let found = try #require(RecipeCatalog.builtinDirectory(environment: [:]))
        #expect(FileManager.default.fileExists(atPath: found + "/fixup/end-of-file.yml"))
    }
}
