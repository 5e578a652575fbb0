import Foundation
import TestSupport
import Testing

/// `sparkd-hook`, what the installed pre-commit hook runs: the common case itself, everything
/// else handed to `sparkctl fixup --staged` with the same result.
@Suite("sparkd-hook")
struct SparkdHookTests {
    static var hookPath: String { BuiltBinary.path("sparkd-hook") }

    @Test func fixesTheCommitItself() async throws {
        let hooked = try await HookedRepository()
        try hooked.write("a.txt", "one  \ntwo")
        try await hooked.repo.git("add", "a.txt")
        let result = try await Command.run([Self.hookPath, "--repo", hooked.repo.path], environment: GitFixture.environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("sparkd: fixed a.txt"), "\(result.stdout)")
        #expect(try await hooked.staged("a.txt") == "one\ntwo\n")
        #expect(try hooked.read("a.txt") == "one\ntwo\n")
    }

    @Test func checkModeFailsWithoutWriting() async throws {
        let hooked = try await HookedRepository()
        try hooked.write("a.txt", "one  \n")
        try await hooked.repo.git("add", "a.txt")
        let result = try await Command.run([Self.hookPath, "--mode", "check", "--repo", hooked.repo.path], environment: GitFixture.environment)
        #expect(result.status == 1)
        #expect(result.stdout.contains("would fix a.txt"), "\(result.stdout)")
        #expect(try await hooked.staged("a.txt") == "one  \n")
    }

    /// Without $HOME (cron, some CI runners) the static hook leaves the commit to sparkctl: its
    /// libgit2 would look the home directory up through glibc's NSS modules.
    @Test func withoutHomeTheFixStillHappens() async throws {
        let hooked = try await HookedRepository()
        try hooked.write("a.txt", "one  \n")
        try await hooked.repo.git("add", "a.txt")
        var environment = GitFixture.environment
        environment.removeValue(forKey: "HOME")
        let result = try await Command.run(["/usr/bin/env", "-u", "HOME", Self.hookPath, "--repo", hooked.repo.path], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("sparkd: fixed a.txt"), "\(result.stdout)")
        #expect(try await hooked.staged("a.txt") == "one\n")
    }

    /// `--json` is sparkctl's: the same report, from `sparkctl fixup --staged --json`.
    @Test func handsOverArgumentsItDoesNotTake() async throws {
        let hooked = try await HookedRepository()
        try hooked.write("a.txt", "one  \n")
        try await hooked.repo.git("add", "a.txt")
        let result = try await Command.run([Self.hookPath, "--repo", hooked.repo.path, "--json"], environment: GitFixture.environment)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(json?["changed"] as? Int == 1, "\(result.stdout)")
        #expect(try await hooked.staged("a.txt") == "one\n")
    }

    /// A recipe with `swift` steps needs the swift-syntax rewriters, which only sparkctl links:
    /// the commit still gets the fix, through sparkctl.
    @Test func swiftRecipesRunThroughSparkctl() async throws {
        let hooked = try await HookedRepository()
        try hooked.write(
            ".sparkd.yml",
            """
            recipes:
              - { id: swift/if-let-shorthand, on: [pre-commit] }

            """)
        try hooked.write("A.swift", "func f(x: Int?) {\n    if let x = x { print(x) }\n}\n")
        try await hooked.repo.git("add", "-A")
        let commit = try await hooked.commit()
        #expect(commit.status == 0, "\(commit.stderr)")
        #expect(try await hooked.committed("A.swift") == "func f(x: Int?) {\n    if let x { print(x) }\n}\n")
    }

    /// A broken `.sparkd.yml` is reported by sparkctl (position and all), and the commit proceeds.
    @Test func brokenConfigurationIsReportedBySparkctl() async throws {
        let hooked = try await HookedRepository()
        try hooked.write(".sparkd.yml", "recipes: [ {id: \n")
        try await hooked.repo.git("add", "-A")
        let result = try await Command.run([Self.hookPath, "--repo", hooked.repo.path], environment: GitFixture.environment)
        #expect(result.status == 0)
        #expect(result.stderr.contains("sparkctl: warning:") && result.stderr.contains(".sparkd.yml"), "\(result.stderr)")
    }

    /// Without sparkd-hook beside it (a sparkctl copied on its own), `hook install` writes a hook
    /// that runs `sparkctl fixup --staged`, and commits are fixed all the same.
    @Test func aSparkctlAloneInstallsAHookThatRunsItself() async throws {
        let directory = try TemporaryDirectory("sparkd-lone-sparkctl")
        let lone = directory.path + "/sparkctl"
        try FileManager.default.copyItem(atPath: SparkctlBinary.path, toPath: lone)
        let hooked = try await HookedRepository(install: false)
        let install = try await Command.run([lone, "hook", "install", "--repo", hooked.repo.path], environment: GitFixture.environment)
        #expect(install.status == 0, "\(install.stderr)")
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: hooked.repo.path + "/.git/hooks/pre-commit")), as: UTF8.self)
        #expect(text.contains("\(lone)' 'fixup' '--staged' '--mode' 'fix'"), "\(text)")
        try hooked.write("a.txt", "one  \n")
        try await hooked.repo.git("add", "a.txt")
        let commit = try await hooked.commit(environment: ["SPARKD_RECIPES_DIR": Self.packageRecipes])
        #expect(commit.status == 0, "\(commit.stderr)")
        #expect(try await hooked.committed("a.txt") == "one\n")
    }

    /// The package's `recipes/`, found the way sparkctl finds it (walking up from the binary).
    static var packageRecipes: String {
        var directory = (SparkctlBinary.path as NSString).deletingLastPathComponent
        while directory != "/" {
            let candidate = directory + "/recipes"
            if FileManager.default.fileExists(atPath: candidate + "/fixup") { return candidate }
            directory = (directory as NSString).deletingLastPathComponent
        }
        return "recipes"
    }
}
