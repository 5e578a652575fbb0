import SparkEngine
import TestSupport
import Testing

@Suite("Review-branch names")
struct ReviewBranchNameTests {
    @Test("recipe ids become slugs joined with '+', under the prefix")
    func slugs() {
        #expect(ReviewBranchName.forRecipes(["fixup/trailing-whitespace"]) == "spark/fixup-trailing-whitespace")
        #expect(
            ReviewBranchName.forRecipes(["fixup/end-of-file", "Team/Banner v2"], prefix: "bot/")
                == "bot/fixup-end-of-file+team-banner-v2")
    }

    @Test("a name past 100 characters keeps the first slug and a count, and a hash of the ids that tells lists apart")
    func longLists() async {
        let first = ["fixup/end-of-file"] + (1...8).map { "team/a-fairly-long-recipe-name-\($0)" }
        let second = ["fixup/end-of-file"] + (1...8).map { "team/another-long-recipe-name-\($0)" }
        let name = ReviewBranchName.forRecipes(first)
        #expect(name.hasPrefix("spark/fixup-end-of-file+8-more-"))
        #expect(name.count == "spark/fixup-end-of-file+8-more-".count + 8)
        #expect(name.suffix(8).allSatisfy { "0123456789abcdef".contains($0) }, "\(name)")
        let digest = await await Self.digest(first)
        #expect(name == "spark/fixup-end-of-file+8-more-\(digest)", "stable: the SHA-1 of the ids, one per line")
        #expect(ReviewBranchName.forRecipes(second) != name, "another list of the same length and first recipe")
        let reordered = [first[0]] + first.dropFirst().reversed()
        #expect(ReviewBranchName.forRecipes(reordered) != name, "the same recipes in another order are another job")
        let long = "team/" + String(repeating: "a-very-long-name-", count: 8)
        let longDigest = await await Self.digest([long])
        #expect(ReviewBranchName.forRecipes([long]) == "spark/" + String(ReviewBranchName.slug(long).prefix(80)) + "-\(longDigest)")
    }

    /// The first 8 hex digits of `sha1sum` of the ids joined by newlines, from the command line.
    static func digest(_ ids: [String]) async -> String {
        let result = try? await Command.run(["sha1sum"], stdin: Array(ids.joined(separator: "\n").utf8))
        return String(result?.stdout.prefix(8) ?? "")
    }
}
