import SparkEngine
import Testing

@Suite("Review-branch names")
struct ReviewBranchNameTests {
    @Test("recipe ids become slugs joined with '+', under the prefix")
    func slugs() {
        #expect(ReviewBranchName.forRecipes(["fixup/trailing-whitespace"]) == "spark/fixup-trailing-whitespace")
        #expect(ReviewBranchName.forRecipes(["fixup/end-of-file", "Team/Banner v2"], prefix: "bot/")
            == "bot/fixup-end-of-file+team-banner-v2")
    }

    @Test("a name past 100 characters keeps the first slug and a count, and a hash of the ids that tells lists apart")
    func longLists() {
        let first = ["fixup/end-of-file"] + (1...8).map { "team/a-fairly-long-recipe-name-\($0)" }
        let second = ["fixup/end-of-file"] + (1...8).map { "team/another-long-recipe-name-\($0)" }
        let name = ReviewBranchName.forRecipes(first)
        #expect(name.hasPrefix("spark/fixup-end-of-file+8-more-"))
        #expect(name.count == "spark/fixup-end-of-file+8-more-".count + 8)
        #expect(name.suffix(8).allSatisfy { "0123456789abcdef".contains($0) }, "\(name)")
        #expect(ReviewBranchName.forRecipes(first) == name, "stable")
        #expect(ReviewBranchName.forRecipes(second) != name, "another list of the same length and first recipe")
        let reordered = [first[0]] + first.dropFirst().reversed()
        #expect(ReviewBranchName.forRecipes(reordered) != name, "the same recipes in another order are another job")
    }
}
