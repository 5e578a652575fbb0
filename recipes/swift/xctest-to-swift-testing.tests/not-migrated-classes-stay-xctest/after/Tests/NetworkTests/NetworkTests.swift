import XCTest
import Testing
@testable import Network

// sparkd: not migrated: uses XCTestExpectation and wait(for:); rewrite with confirmation() by hand
class NetworkTests: XCTestCase {
    func testFetch() {
        let done = expectation(description: "fetched")
        Client().fetch { _ in done.fulfill() }
        wait(for: [done], timeout: 1)
    }
}

// sparkd: not migrated: uses measure {}; Swift Testing has no performance tests
class ParsingPerformanceTests: XCTestCase {
    func testSpeed() {
        measure { _ = parse(big) }
    }
}

@Suite struct HeaderTests {
    @Test func header() {
        #expect(Header("a").name == "a")
    }
}
