import XCTest
@testable import Network

/// Asserts that a response carries no error, reporting at the caller's line.
func assertSuccess(
    _ response: Response,
    file: StaticString = #filePath,
    line: UInt = #line
) {
    XCTAssertNil(response.error, "unexpected error", file: file, line: line)
    XCTAssertNotNil(response.headers["Content-Type"], file: file, line: line)
}

final class ClientTests: XCTestCase {
    func testDecodesUser() throws {
        let data = Data("{\"name\": \"Ada\"}".utf8)
        XCTAssertNil(try JSONDecoder().decode(User.self, from: data).nickname)
        XCTAssertNotNil(try? JSONDecoder().decode([User].self, from: data))
        XCTAssertNil(Cache.shared.value(forKey: "user-\(42)"))
    }
}
