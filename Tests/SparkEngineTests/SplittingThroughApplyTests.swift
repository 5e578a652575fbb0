import Foundation
import GitKit
import TestSupport
import Testing

@testable import SparkEngine

/// Oversize files on a small-window profile, end to end: a line-local recipe has them split into
/// several requests and joined back to exactly the whole-file result; a recipe that is not
/// line-local skips them with `exceeds-context`.
@Suite("Splitting through apply")
struct SplittingThroughApplyTests {
    static let window = 2_048

    @Test func aLineLocalRecipeSplitsAnOversizeFileAndGetsTheWholeFileResult() async throws {
        let dir = try TemporaryDirectory()
        let big = EngineFixture.linesWithTrailingBlanks(400)
        let repo = try await EngineFixture.repository(dir, ["big.txt": Array(big.utf8), "small.txt": Array("s  \n".utf8)])
        let recipe = try EngineFixture.recipe(id: "t/tw", step: EngineFixture.trailingWhitespace)
        let backend = BackendConfiguration(profile: EngineFixture.profile(window: Self.window))
        let report = try await EngineFixture.apply(repo, [recipe], backend: backend)

        #expect(report.filesChanged == 2)
        #expect(report.skipped.isEmpty)
        let expected = big.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }.joined(separator: "\n")
        #expect(try await repo.show("spark/test", "big.txt") == Array(expected.utf8))
        let usage = try #require(report.usage)
        #expect(usage.requests >= 5, "24 KB of input on a 2K-token window needs several requests")
        #expect(usage.promptTokens / usage.requests < Self.window)
    }

    @Test func aRecipeThatIsNotLineLocalSkipsTheOversizeFile() async throws {
        let dir = try TemporaryDirectory()
        let big = EngineFixture.linesWithTrailingBlanks(400) + "\n\n"
        let repo = try await EngineFixture.repository(dir, ["big.txt": Array(big.utf8), "small.txt": Array("s\n\n".utf8)])
        let recipe = try EngineFixture.recipe(id: "t/eof", step: EngineFixture.endOfFile)
        let backend = BackendConfiguration(profile: EngineFixture.profile(window: Self.window))
        let report = try await EngineFixture.apply(repo, [recipe], backend: backend)

        #expect(report.files.map(\.path) == ["small.txt"])
        #expect(report.skipped == [.init(path: "big.txt", reason: .exceedsContext, recipes: ["t/eof"])])
        let body = try await repo.git("log", "-1", "--format=%b", "spark/test")
        #expect(body.contains("big.txt: exceeds-context"))
    }
}
