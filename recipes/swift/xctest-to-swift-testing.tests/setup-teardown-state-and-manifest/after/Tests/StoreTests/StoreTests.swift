import Foundation
import Testing
import Store

@Suite(.serialized) final class StoreTests {
	var store: Store!
	private var directory: URL!

	init() {
		directory = URL(fileURLWithPath: NSTemporaryDirectory())
		store = Store(directory: directory)
	}

	deinit {
		store.close()
	}

	@Test func savesItems() throws {
		try store.save("a")
		#expect(try store.count() == 1)
	}

	@Test func loadsAsync() async throws {
		let items = try await store.load()
		#expect(items == ["a"])
	}

}

extension StoreTests {
	@Test func emptyStoreHasNoItems() {
		#expect(store.items.count == 0)
	}
}
