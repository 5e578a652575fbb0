import Recipes
import Testing

@testable import SwiftRecipes

/// The XCTest migration's choices that fixtures show less directly.
@Suite("XCTest migration")
struct XCTestMigrationTests {
    static func migrate(_ text: String) throws -> (String, [String]) {
        let rewriter = try XCTestMigrationRewriter(options: [:])
        let result = rewriter.rewrite(Array(text.utf8), path: "T.swift")
        return (result.output.map { String(decoding: $0, as: UTF8.self) } ?? text, result.findings.map(\.message))
    }

    @Test(
        arguments: [
            ("testParsesURLs", "parsesURLs"), ("testURLParsing", "urlParsing"), ("test_empty", "empty"),
            ("testURL", "url"), ("testinternal", nil), ("testDefault", nil), ("testTaken", nil), ("test", nil),
        ] as [(String, String?)])
    func testNames(_ name: String, _ expected: String?) {
        #expect(TestMethodName.migrated(name, taken: ["taken"]) == expected)
    }

    @Test func operandsKeepTheirMeaning() throws {
        let (output, _) = try Self.migrate(
            "import XCTest\nclass T: XCTestCase {\n  func testA() {\n    XCTAssertEqual(a ?? b, c)\n    XCTAssertFalse(x || y)\n  }\n}\n")
        #expect(output.contains("#expect((a ?? b) == c)"))
        #expect(output.contains("#expect(!(x || y))"))
    }

    @Test func secondRunChangesNothing() throws {
        let (once, _) = try Self.migrate(
            "import XCTest\nclass T: XCTestCase {\n  func testA() throws {\n    XCTAssertThrowsError(try f()) { e in XCTAssertNil(e as? E) }\n  }\n}\n")
        let (twice, _) = try Self.migrate(once)
        #expect(once == twice)
        #expect(once.contains("if let e = #expect(throws: (any Error).self, performing: { try f() }) { #expect((e as? E) == nil) }"))
    }

    @Test func blockedClassIsReportedAndKeepsXCTest() throws {
        let (output, findings) = try Self.migrate(
            "import XCTest\nclass T: XCTestCase {\n  func testA() { measure { } }\n}\n")
        #expect(output.hasPrefix("import XCTest\n"))
        #expect(output.contains("// sparkd: not migrated: uses measure {}"))
        #expect(findings == ["T stays XCTest: uses measure {}; Swift Testing has no performance tests"])
    }
}
