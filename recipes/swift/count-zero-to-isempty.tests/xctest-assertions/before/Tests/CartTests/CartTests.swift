import XCTest
@testable import Cart

final class CartTests: XCTestCase {
    func testNewCartIsEmpty() {
        let cart = Cart()
        XCTAssertTrue(cart.items.count == 0)
        XCTAssertFalse(cart.coupons.count != 0)
        XCTAssertTrue(cart.items.count == 0, "a new cart has no items")
    }

    func testAddingAnItem() throws {
        var cart = Cart()
        cart.add(.apple)
        XCTAssert(cart.items.count > 0)
        let notEmpty = cart.items.count > 0
        XCTAssertTrue(notEmpty)
        let summary = cart.lines.filter({ $0.count == 0 })
        XCTAssertEqual(summary.count, 0)
    }
}
