import XCTest
@testable import Parser

final class ParserTests: XCTestCase {
    // XCTAssertEqual(parser.error, nil) is how this used to read.
    func testValidInputHasNoError() throws {
        let parser = Parser("a = 1")
        try parser.run()
        XCTAssertEqual(parser.error, nil)
        XCTAssertNotEqual(parser.result, nil)
        XCTAssertEqual(parser.warnings.first, nil, "no warnings expected")
    }

    func testLookup() {
        let table = SymbolTable(["a": 1])
        XCTAssertEqual(nil, table["missing"])
        XCTAssertNotEqual(table.lookup(name: "a", in: .global), nil)
        XCTAssertEqual(table["a"], 1)
        XCTAssertNotEqual(nil, table["a"], "XCTAssertNotEqual(x, nil) message text")
    }
}
