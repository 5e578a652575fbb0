import XCTest
import Store

class StoreTests: XCTestCase {
	var store: Store!
	private var directory: URL!

	override func setUp() {
		super.setUp()
		directory = URL(fileURLWithPath: NSTemporaryDirectory())
		store = Store(directory: directory)
	}

	override func tearDown() {
		store.close()
		super.tearDown()
	}

	func testSavesItems() throws {
		try store.save("a")
		XCTAssertEqual(try store.count(), 1)
	}

	func testLoadsAsync() async throws {
		let items = try await store.load()
		XCTAssertEqual(items, ["a"])
	}

	static var allTests = [
		("testSavesItems", testSavesItems),
	]
}

extension StoreTests {
	func testEmptyStoreHasNoItems() {
		XCTAssertEqual(store.items.count, 0)
	}
}
