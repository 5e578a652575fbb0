import XCTest
@testable import Network

class NetworkTests: XCTestCase {
    func testFetch() {
        let done = expectation(description: "fetched")
        Client().fetch { _ in done.fulfill() }
        wait(for: [done], timeout: 1)
    }
}

class ParsingPerformanceTests: XCTestCase {
    func testSpeed() {
        measure { _ = parse(big) }
    }
}

class HeaderTests: XCTestCase {
    func testHeader() {
        XCTAssertEqual(Header("a").name, "a")
    }
}
