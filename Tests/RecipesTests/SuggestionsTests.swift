import Recipes
import TestSupport
import Testing

@Suite("Suggestions", .tags(.small))
struct SuggestionsTests {
    @Test(arguments: [
        ("titel", "title"), ("Title", "title"), ("stpes", "steps"), ("langauges", "languages"),
        ("descripton", "description"),
    ])
    func nearMisses(_ typo: String, _ expected: String) {
        let keys = ["id", "version", "title", "description", "kind", "languages", "steps"]
        #expect(Suggestions.nearest(to: typo, in: keys) == [expected])
    }

    @Test func farWordsHaveNoSuggestion() {
        #expect(Suggestions.nearest(to: "xy", in: ["id"]).isEmpty)
        #expect(Suggestions.nearest(to: "sideways", in: ["auto", "lf", "crlf", "cr", "no"]).isEmpty)
    }
}
