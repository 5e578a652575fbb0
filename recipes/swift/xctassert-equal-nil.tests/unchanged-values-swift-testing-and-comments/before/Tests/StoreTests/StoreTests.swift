import Testing
import XCTest
@testable import Store

/* Prefer XCTAssertNil(x) to XCTAssertEqual(x, nil): see the style guide. */
struct StoreTests {
    @Test func emptyStoreHasNoFirstItem() {
        let store = Store()
        #expect(store.first == nil)
        #expect(store.count == 0, "XCTAssertEqual(store.first, nil)")
    }
}

final class LegacyStoreTests: XCTestCase {
    func testValues() {
        let store = Store(items: [1, 2])
        XCTAssertNil(store.error)
        XCTAssertNotNil(store.first)
        XCTAssertEqual(store.first, 1)
        XCTAssertEqual(store.last, Optional(2))
        XCTAssertNotEqual(store.count, 0)
        XCTAssertEqual(store.name, "nil")
    }
}
