import XCTest

final class T: XCTestCase {
  #if swift(>=5.6)
    func testKeys() {
      XCTAssertEqual(String(decoding: try JSONEncoder().encode(xs), as: UTF8.self), "x")
    }
  #endif
}
