import XCTest
@testable import Geometry

func assertClose(_ a: Point, _ b: Point, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.x, b.x, accuracy: 0.01, file: file, line: line)
    XCTAssertEqual(a.y, b.y, accuracy: 0.01, "y differs", file: file, line: line)
}

func assertOrigin(_ p: Point, file: StaticString = #file, line: UInt = #line) {
    assertClose(p, .zero, file: file, line: line)
    if p.isNaN { XCTFail("not a number", file: file, line: line) }
}
