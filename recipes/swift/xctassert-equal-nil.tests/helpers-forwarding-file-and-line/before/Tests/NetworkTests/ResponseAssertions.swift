import XCTest
@testable import Network

/// Asserts that a response carries no error, reporting at the caller's line.
func assertSuccess(
    _ response: Response,
    file: StaticString = #filePath,
    line: UInt = #line
) {
    XCTAssertEqual(response.error, nil, "unexpected error", file: file, line: line)
    XCTAssertNotEqual(response.headers["Content-Type"], nil, file: file, line: line)
}

final class ClientTests: XCTestCase {
    func testDecodesUser() throws {
        let data = Data("{\"name\": \"Ada\"}".utf8)
        XCTAssertEqual(try JSONDecoder().decode(User.self, from: data).nickname, nil)
        XCTAssertNotEqual(try? JSONDecoder().decode([User].self, from: data), nil)
        XCTAssertEqual(Cache.shared.value(forKey: "user-\(42)"), nil)
    }
}
