import XCTest
@testable import Parser

final class ParserTests: XCTestCase {
    // Comments and blank lines around tests stay as they are.

    func testParsesEmptyInput() {
        let parser = Parser()
        XCTAssertEqual(parser.parse(""), [])   // trailing comment kept
        XCTAssertNotEqual(parser.parse("a"), [], "a non-empty input gives tokens")
        XCTAssertTrue(parser.isIdle)
        XCTAssert(parser.isIdle, "still idle")
        XCTAssertFalse(parser.isFailed)
        XCTAssertFalse(parser.count > 0)
        XCTAssertNil(parser.error)
        XCTAssertNotNil(parser.options, message)
    }

    func testURLParsing() {
        XCTAssertGreaterThan(score(), 1)
        XCTAssertGreaterThanOrEqual(score(), 1)
        XCTAssertLessThan(score() + 1, 10)
        XCTAssertLessThanOrEqual(score(), 10)
        XCTAssertIdentical(shared, shared)
        XCTAssertEqual(ratio, 0.5, accuracy: 0.001)
        XCTAssertNotEqual(ratio, 0.9, accuracy: 0.001)
    }

    func testScore() {
        // `score` is a helper name already, so the test keeps its name.
        XCTAssertEqual(score(), 3)
    }

    let message = "options are set"
    let ratio = 0.5
    let shared = Parser()
    func score() -> Int { 3 }
}
