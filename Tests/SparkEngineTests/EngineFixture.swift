import Foundation
import GitKit
import Recipes
import TestSupport
import WSESim

@testable import SparkEngine

/// Recipes from YAML, small-window profiles and `ApplyRunner` runs on real temporary repositories.
enum EngineFixture {
    static func recipe(_ yaml: String) throws -> Recipe {
        try RecipeLoader.parse(yaml, file: "test.yml")
    }

    /// A recipe with one step (`step` is the YAML of the step mapping, indented for the list).
    static func recipe(id: String, step: String, extra: String = "") throws -> Recipe {
        try recipe(
            """
            id: \(id)
            version: 1.0.0
            title: \(id)
            languages: ["*"]
            \(extra)
            steps:
            \(step)
            """)
    }

    static let trailingWhitespace = """
          - fix: trailing-whitespace
        """
    static let endOfFile = """
          - fix: end-of-file
        """

    /// codex-spark's model with a `window`-token context: small enough to make tests split files.
    static func profile(window: Int) -> Profile {
        Profile(
            name: "codex-spark-\(window)", summary: "test profile",
            model: PerformanceModel(architecture: Profile.codexSparkArchitecture, contextWindow: window))
    }

    static let identity = (
        author: Signature(name: "Engine Test", email: "engine@example.com"),
        committer: Signature(name: "Engine Test", email: "engine@example.com")
    )

    /// A repository with `files` committed on `main`.
    static func repository(_ dir: TemporaryDirectory, _ files: [String: [UInt8]]) async throws -> GitFixture {
        let repo = try await GitFixture.create(at: dir.path + "/repo")
        try repo.write(files)
        try await repo.git("add", "-A")
        try await repo.git("commit", "-q", "-m", "base")
        return repo
    }

    static func apply(
        _ repo: GitFixture, _ recipes: [Recipe], backend: BackendConfiguration = BackendConfiguration(),
        validators: [any SourceValidator] = [], branch: String = "spark/test"
    ) async throws -> ApplyReport {
        try await ApplyRunner().run(
            ApplyRequest(
                repositoryPath: repo.path, recipes: recipes, branch: branch, identity: identity, backend: backend,
                validators: validators))
    }

    /// Lines with trailing blanks, `count` of them, about `width` bytes each.
    static func linesWithTrailingBlanks(_ count: Int, width: Int = 60) -> String {
        (0..<count).map { index in
            String(repeating: "x", count: width - 12) + " line \(index % 1000)" + (index % 2 == 0 ? "   " : "")
        }.joined(separator: "\n") + "\n"
    }
}
