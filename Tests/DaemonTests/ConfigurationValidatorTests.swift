import Daemon
import Foundation
import GitKit
import Recipes
import TestSupport
import Testing

/// The configuration against real repositories made with git, and the built-in recipe catalog.
@Suite struct ConfigurationValidatorTests {
    let directory: TemporaryDirectory
    let app: GitFixture
    let catalog: RecipeCatalog

    init() async throws {
        directory = try TemporaryDirectory("daemon-config")
        app = try await GitFixture.create(at: directory.path + "/app")
        try await app.commit(["README.md": "app\n"])
        let builtin = try #require(RecipeCatalog.builtinDirectory())
        catalog = try RecipeCatalog.tolerant(directories: [builtin])
    }

    func configuration(_ repositories: String) throws -> DaemonConfiguration {
        try ConfigurationLoader.parse("state_dir: \(directory.path)/state\nrepositories:\n" + repositories, file: "sparkd.yml")
    }

    @Test("a good repository resolves to its branches and rules")
    func resolves() throws {
        let config = try configuration("  - { path: \(app.path), recipes: [{ id: fixup/end-of-file, on: [push] }] }\n")
        let resolved = ConfigurationValidator.resolve(config, catalog: catalog)
        #expect(resolved.problems.isEmpty, "\(resolved.problems)")
        #expect(resolved.branches.map(\.branch) == ["main"])
        #expect(resolved.branches.first?.rules.map(\.id) == ["fixup/end-of-file"])
    }

    @Test("a missing repository or branch disables that repository only; the others are served")
    func badRepository() throws {
        let config = try configuration(
            """
              - { path: \(directory.path)/missing, recipes: [{ id: fixup/end-of-file, on: [push] }] }
              - { path: \(app.path), branches: [main, develop] }
              - { path: \(app.path)/../app, recipes: [{ id: fixup/end-of-file, on: [push] }] }

            """)
        let resolved = ConfigurationValidator.resolve(config, catalog: catalog)
        #expect(resolved.fatalProblems.isEmpty)
        let missing = try #require(resolved.problems.first { $0.repository == "\(directory.path)/missing" })
        #expect(missing.code == .repositoryUnavailable)
        #expect(missing.location == "sparkd.yml:3:7")
        let branch = try #require(resolved.problems.first { $0.code == .unknownBranch })
        #expect(branch.message.contains("'develop'"))
        #expect(resolved.branches.map(\.repository) == ["\(app.path)/../app"])
    }

    @Test("an unknown recipe id is reported where it is written, with the nearest id")
    func unknownRecipe() throws {
        let config = try configuration("  - path: \(app.path)\n    recipes:\n      - { id: fixup/end-of-flie, on: [push] }\n")
        let problem = try #require(ConfigurationValidator.resolve(config, catalog: catalog).problems.first)
        #expect(problem.code == .unknownRecipe)
        #expect(problem.location == "sparkd.yml:5:15")
        #expect(problem.message == "unknown recipe 'fixup/end-of-flie'; did you mean 'fixup/end-of-file'?")
    }

    @Test("an unknown recipe in fixup_commits is reported the same way, naming fixup_commits")
    func unknownFixupRecipe() async throws {
        try await app.git("branch", "feature")
        let config = try configuration(
            "  - path: \(app.path)\n    branches: [main, feature]\n    fixup_commits: { base: main, recipes: [fixup/end-of-flie] }\n")
        let problem = try #require(ConfigurationValidator.resolve(config, catalog: catalog).problems.first)
        #expect(problem.code == .unknownRecipe)
        #expect(problem.message == "unknown recipe 'fixup/end-of-flie' in fixup_commits; did you mean 'fixup/end-of-file'?")
    }

    @Test(".sparkd.yml is read from the branch's tip commit, not the working tree, and adds recipes and triggers")
    func repositoryFile() async throws {
        try await app.commit([
            ".sparkd.yml": "version: 1\nrecipes:\n  - { id: fixup/end-of-file, on: [nightly] }\n  - { id: team/banner, on: [manual] }\n",
            ".sparkd/recipes/team/banner.yml": "not read here\n",
        ])
        // An uncommitted edit in the working tree is ignored.
        try app.write([".sparkd.yml": "recipes: [{ id: fixup/nonexistent, on: [push] }]\n"])
        let config = try configuration("  - path: \(app.path)\n    recipes: [{ id: fixup/end-of-file, on: [push] }]\n")
        let resolved = ConfigurationValidator.resolve(config, catalog: catalog)
        #expect(resolved.problems.isEmpty, "\(resolved.problems)")
        let rules = try #require(resolved.branches.first?.rules)
        #expect(rules.map(\.id) == ["fixup/end-of-file", "team/banner"])
        #expect(rules[0].on == ["push", "nightly"])
    }

    @Test("an error in .sparkd.yml names repository@branch:.sparkd.yml:line:column")
    func repositoryFileError() async throws {
        try await app.commit([".sparkd.yml": "recipes:\n  - { id: fixup/end-of-file, on: [pushh] }\n"])
        let config = try configuration("  - path: \(app.path)\n")
        let problem = try #require(ConfigurationValidator.resolve(config, catalog: catalog).problems.first)
        #expect(problem.code == .unknownTrigger)
        #expect(problem.repository == app.path)
        #expect(problem.location == "\(app.path)@main:.sparkd.yml:2:35")
        #expect(problem.message.contains("did you mean 'push'?"))
    }

    @Test("rules that would write one review branch with different work are refused, naming both; one rule again with other triggers is fine")
    func reviewBranchClashes() async throws {
        let fine = try configuration(
            """
              - path: \(app.path)
                recipes:
                  - { id: fixup/end-of-file, on: [push] }
                  - { id: fixup/end-of-file, on: [nightly] }
                  - { id: fixup/end-of-file, on: [manual], shard: directory }

            """)
        #expect(
            ConfigurationValidator.resolve(fine, catalog: catalog).problems.isEmpty,
            "other triggers are the same rule; a sharded rule writes spark/fixup-end-of-file-<dir>")

        let otherParameters = try configuration(
            """
              - path: \(app.path)
                recipes:
                  - { id: fixup/end-of-file, on: [push] }
                  - { id: fixup/end-of-file, on: [nightly], with: { x: y } }

            """)
        let twice = try #require(ConfigurationValidator.resolve(otherParameters, catalog: catalog).problems.first)
        #expect(twice.location == "sparkd.yml:6:15")
        #expect(
            twice.message == "recipe 'fixup/end-of-file' is listed twice for 'main' with different parameters (first at "
                + "sparkd.yml:5:15); both would write review branch 'spark/fixup-end-of-file'")

        try await app.commit([
            ".sparkd/recipes/team/a-b.yml": "not read here\n", ".sparkd/recipes/team-a/b.yml": "not read here\n",
            ".sparkd.yml": "recipes:\n  - { id: team-a/b, on: [pre-commit] }\n",
        ])
        let slugs = try configuration("  - path: \(app.path)\n    recipes: [{ id: team/a-b, on: [push] }]\n")
        #expect(
            ConfigurationValidator.resolve(slugs, catalog: catalog).problems.isEmpty,
            "a rule only for the hook writes no review branch")

        try await app.commit([".sparkd.yml": "recipes:\n  - { id: team-a/b, on: [manual] }\n"])
        let resolved = ConfigurationValidator.resolve(slugs, catalog: catalog)
        #expect(resolved.problems.count == 1, "\(resolved.problems)")
        let clash = try #require(resolved.problems.first)
        #expect(clash.repository == app.path)
        #expect(clash.location == "\(app.path)@main:.sparkd.yml:2:11")
        #expect(
            clash.message == "recipes 'team/a-b' (at sparkd.yml:4:21) and 'team-a/b' would both write review branch "
                + "'spark/team-a-b' of 'main'")
        #expect(resolved.branches.isEmpty, "the repository is not served until it is fixed")

        // The file's own duplicates are refused before they merge into the daemon's rules.
        try await app.commit([
            ".sparkd.yml": "recipes:\n  - { id: fixup/end-of-file, on: [nightly] }\n"
                + "  - { id: fixup/end-of-file, on: [manual], with: { x: y } }\n"
        ])
        let plain = try configuration("  - path: \(app.path)\n")
        let fileTwice = try #require(ConfigurationValidator.resolve(plain, catalog: catalog).problems.first)
        #expect(fileTwice.location == "\(app.path)@main:.sparkd.yml:3:11")
        #expect(fileTwice.message.hasPrefix("recipe 'fixup/end-of-file' is listed twice for 'main' with different parameters"))
    }

    @Test("fixup_commits in a pushed branch's .sparkd.yml asks for fixup! commits on that branch; the daemon's own setting wins")
    func fixupCommitsFromTheRepository() async throws {
        try await app.git("switch", "-q", "-c", "feature")
        try await app.commit([".sparkd.yml": "fixup_commits: { base: main, recipes: [fixup/end-of-file] }\n"], message: "ask for fixups")
        try await app.git("switch", "-q", "main")
        let config = try configuration("  - { path: \(app.path), branches: [main, feature] }\n")
        var resolved = ConfigurationValidator.resolve(config, catalog: catalog)
        #expect(resolved.problems.isEmpty, "\(resolved.problems)")
        let feature = try #require(resolved.branches.first { $0.branch == "feature" })
        #expect(feature.fixupCommits?.base == "main")
        #expect(feature.fixupCommits?.recipes == ["fixup/end-of-file"])
        #expect(feature.fixupCommits?.location.description.hasPrefix("\(app.path)@feature:.sparkd.yml:1:") == true)
        #expect(resolved.branches.first { $0.branch == "main" }?.fixupCommits == nil, "main has no .sparkd.yml, and is the base")

        let own = try configuration("  - { path: \(app.path), branches: [main, feature], fixup_commits: { base: main } }\n")
        resolved = ConfigurationValidator.resolve(own, catalog: catalog)
        #expect(resolved.branches.first { $0.branch == "feature" }?.fixupCommits?.recipes == PreCommitConfiguration.defaultRecipes)

        try await app.git("switch", "-q", "feature")
        try await app.commit([".sparkd.yml": "fixup_commits: { base: main, recipes: [fixup/end-of-flie] }\n"], message: "typo")
        try await app.git("switch", "-q", "main")
        let problem = try #require(ConfigurationValidator.resolve(config, catalog: catalog).problems.first)
        #expect(problem.code == .unknownRecipe)
        #expect(problem.message == "unknown recipe 'fixup/end-of-flie' in fixup_commits; did you mean 'fixup/end-of-file'?")
        #expect(problem.location?.hasPrefix("\(app.path)@feature:.sparkd.yml:1:") == true)
    }
}
