import XCTest
@testable import Cart

final class CartTests: XCTestCase {
    func testNewCartIsEmpty() {
        let cart = Cart()
        XCTAssertTrue(cart.items.isEmpty)
        XCTAssertFalse(!cart.coupons.isEmpty)
        XCTAssertTrue(cart.items.count == 0, "a new cart has no items")
    }

    func testAddingAnItem() throws {
        var cart = Cart()
        cart.add(.apple)
        XCTAssert(!cart.items.isEmpty)
        let notEmpty = !cart.items.isEmpty
        XCTAssertTrue(notEmpty)
        let summary = cart.lines.filter({ $0.isEmpty })
        XCTAssertEqual(summary.count, 0)
    }
}
