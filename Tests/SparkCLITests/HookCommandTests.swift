import Foundation
import TestSupport
import Testing

/// `sparkctl hook install|uninstall`: where the hook goes, and never clobbering a foreign one.
@Suite("sparkctl hook")
struct HookCommandTests {
    @Test func installsIntoTheHooksDirectoryAndUninstalls() async throws {
        let hooked = try await HookedRepository(install: false)
        let repo = hooked.repo
        let hook = repo.path + "/.git/hooks/pre-commit"
        let install = try await SparkctlBinary.run(["hook", "install", "--repo", repo.path])
        #expect(install.status == 0, "\(install.stderr)")
        // --mode fix: a link to sparkd-hook beside sparkctl, which git runs without a shell.
        let target = try FileManager.default.destinationOfSymbolicLink(atPath: hook)
        #expect(target == BuiltBinary.path("sparkd-hook"), "\(target)")
        #expect(FileManager.default.isExecutableFile(atPath: hook))

        let again = try await SparkctlBinary.run(["hook", "install", "--repo", repo.path, "--mode", "check"])
        #expect(again.status == 0, "our own hook is updated")
        #expect(again.stdout.contains("updated"), "\(again.stdout)")
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: hook)), as: UTF8.self)
        #expect(text.hasPrefix("#!/bin/sh\n# sparkd pre-commit hook\n"))
        #expect(text.contains("/sparkd-hook' '--mode' 'check'"), "sparkd-hook by its absolute path: \(text)")
        #expect(try await SparkctlBinary.run(["hook", "install", "--repo", repo.path]).stdout.contains("updated"), "the script back to the link")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: hook)) != nil)

        let uninstall = try await SparkctlBinary.run(["hook", "uninstall", "--repo", repo.path])
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        #expect(!FileManager.default.fileExists(atPath: hook))
        let nothing = try await SparkctlBinary.run(["hook", "uninstall", "--repo", repo.path])
        #expect(nothing.status == 0)
        #expect(nothing.stdout.contains("not installed"))
    }

    @Test func refusesAForeignHookUnlessForcedOrChained() async throws {
        let hooked = try await HookedRepository(install: false)
        let repo = hooked.repo
        let hooks = repo.path + "/.git/hooks"
        let foreign = "#!/bin/sh\necho foreign-ran > \"$(git rev-parse --git-dir)/foreign-ran\"\n"
        try Data(foreign.utf8).write(to: URL(fileURLWithPath: hooks + "/pre-commit"))
        try await Command.check(["chmod", "755", hooks + "/pre-commit"])

        let refused = try await SparkctlBinary.run(["hook", "install", "--repo", repo.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--force") && refused.stderr.contains("--chain"))
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: hooks + "/pre-commit")), as: UTF8.self) == foreign)
        let notOurs = try await SparkctlBinary.run(["hook", "uninstall", "--repo", repo.path])
        #expect(notOurs.status == 1, "uninstall leaves a foreign hook alone")
        #expect(FileManager.default.fileExists(atPath: hooks + "/pre-commit"))
        // Under --json each refusal has its own code, the hook as subject, and a hint.
        for (arguments, code) in [(["install"], "hook_exists"), (["uninstall"], "foreign_hook")] {
            let run = try await SparkctlBinary.run(["hook"] + arguments + ["--repo", repo.path, "--json"])
            #expect(run.status == 1)
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            let error = try #require(object?["error"] as? [String: Any], "\(run.stdout)")
            #expect(error["code"] as? String == code)
            #expect(error["subject"] as? String == hooks + "/pre-commit")
            #expect(error["hint"] is String)
            #expect(error["exit_status"] as? Int == 1)
        }

        let chained = try await SparkctlBinary.run(["hook", "install", "--repo", repo.path, "--chain"])
        #expect(chained.status == 0, "\(chained.stderr)")
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: hooks + "/pre-commit.sparkd-chained")), as: UTF8.self) == foreign)
        try hooked.write("a.txt", "chained   \n")
        try await repo.git("add", "a.txt")
        let commit = try await hooked.commit()
        #expect(commit.status == 0, "\(commit.stderr)")
        #expect(FileManager.default.fileExists(atPath: repo.path + "/.git/foreign-ran"), "the chained hook ran")
        #expect(try await hooked.committed("a.txt") == "chained\n", "then sparkd's fixups")

        let uninstall = try await SparkctlBinary.run(["hook", "uninstall", "--repo", repo.path])
        #expect(uninstall.status == 0)
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: hooks + "/pre-commit")), as: UTF8.self) == foreign, "restored")
        #expect(!FileManager.default.fileExists(atPath: hooks + "/pre-commit.sparkd-chained"))

        let forced = try await SparkctlBinary.run(["hook", "install", "--repo", repo.path, "--force"])
        #expect(forced.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: hooks + "/pre-commit") == BuiltBinary.path("sparkd-hook"))
    }

    /// A symbolic link is sparkd's only when it leads to a `sparkd-hook`.
    @Test func aForeignLinkIsAForeignHook() async throws {
        let hooked = try await HookedRepository(install: false)
        let hook = hooked.repo.path + "/.git/hooks/pre-commit"
        try FileManager.default.createSymbolicLink(atPath: hook, withDestinationPath: "/bin/true")
        #expect(try await SparkctlBinary.run(["hook", "install", "--repo", hooked.repo.path]).status == 1)
        #expect(try await SparkctlBinary.run(["hook", "uninstall", "--repo", hooked.repo.path]).status == 1)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: hook) == "/bin/true", "left alone")
    }

    @Test func respectsCoreHooksPathRelativeToTheWorkTree() async throws {
        let hooked = try await HookedRepository(install: false)
        let repo = hooked.repo
        try await repo.git("config", "core.hooksPath", "githooks")
        let sub = repo.path + "/sub"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        let install = try await SparkctlBinary.run(["hook", "install", "--repo", sub])
        #expect(install.status == 0, "\(install.stderr)")
        #expect(FileManager.default.isExecutableFile(atPath: repo.path + "/githooks/pre-commit"))
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.git/hooks/pre-commit"))
        try hooked.write("a.txt", "x \n")
        try await repo.git("add", "a.txt")
        #expect(try await hooked.commit().status == 0)
        #expect(try await hooked.committed("a.txt") == "x\n", "git ran the hook from core.hooksPath")
    }

    @Test func linkedWorktreesShareTheCommonHooksDirectory() async throws {
        let hooked = try await HookedRepository(install: false)
        let repo = hooked.repo
        let linked = hooked.directory.path + "/linked"
        try await repo.git("worktree", "add", "-q", "-b", "side", linked)
        let install = try await SparkctlBinary.run(["hook", "install", "--repo", linked])
        #expect(install.status == 0, "\(install.stderr)")
        #expect(FileManager.default.isExecutableFile(atPath: repo.path + "/.git/hooks/pre-commit"))
        let worktree = GitFixture(path: linked)
        try worktree.write(["b.txt": "in a worktree  \n"])
        try await worktree.git("add", "b.txt")
        try await worktree.git("commit", "-q", "-m", "b")
        #expect(String(decoding: try await worktree.show("HEAD", "b.txt"), as: UTF8.self) == "in a worktree\n")
    }

    @Test func usageErrorsExitTwo() async throws {
        let dir = try TemporaryDirectory()
        #expect(try await SparkctlBinary.run(["hook", "install", "--repo", dir.path]).status == 2, "not a repository")
        #expect(try await SparkctlBinary.run(["hook", "install", "--force", "--chain"]).status == 2)
        #expect(try await SparkctlBinary.run(["fixup", "--repo", dir.path]).status == 2, "--staged is required")
        #expect(try await SparkctlBinary.run(["fixup", "--staged", "--mode", "nope"]).status == 2)
    }
}
