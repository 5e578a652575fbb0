import Testing
@testable import Parser

@Suite struct ParserTests {
    // Comments and blank lines around tests stay as they are.

    @Test func parsesEmptyInput() {
        let parser = Parser()
        #expect(parser.parse("") == [])   // trailing comment kept
        #expect(parser.parse("a") != [], "a non-empty input gives tokens")
        #expect(parser.isIdle)
        #expect(parser.isIdle, "still idle")
        #expect(!parser.isFailed)
        #expect(!(parser.count > 0))
        #expect(parser.error == nil)
        #expect(parser.options != nil, Comment(rawValue: message))
    }

    @Test func urlParsing() {
        #expect(score() > 1)
        #expect(score() >= 1)
        #expect((score() + 1) < 10)
        #expect(score() <= 10)
        #expect(shared === shared)
        #expect(abs(ratio - 0.5) <= 0.001)
        #expect(abs(ratio - 0.9) > 0.001)
    }

    @Test func testScore() {
        // `score` is a helper name already, so the test keeps its name.
        #expect(score() == 3)
    }

    let message = "options are set"
    let ratio = 0.5
    let shared = Parser()
    func score() -> Int { 3 }
}
