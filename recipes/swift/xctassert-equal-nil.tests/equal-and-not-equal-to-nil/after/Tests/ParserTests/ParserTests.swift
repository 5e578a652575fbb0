import XCTest
@testable import Parser

final class ParserTests: XCTestCase {
    // XCTAssertEqual(parser.error, nil) is how this used to read.
    func testValidInputHasNoError() throws {
        let parser = Parser("a = 1")
        try parser.run()
        XCTAssertNil(parser.error)
        XCTAssertNotNil(parser.result)
        XCTAssertNil(parser.warnings.first, "no warnings expected")
    }

    func testLookup() {
        let table = SymbolTable(["a": 1])
        XCTAssertNil(table["missing"])
        XCTAssertNotNil(table.lookup(name: "a", in: .global))
        XCTAssertEqual(table["a"], 1)
        XCTAssertNotNil(table["a"], "XCTAssertNotEqual(x, nil) message text")
    }
}
