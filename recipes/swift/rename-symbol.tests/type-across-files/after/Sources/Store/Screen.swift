struct Screen {
	let store: AccountStore
	let factory: () -> AccountStore = { AccountStore.shared }

	func title(for id: Int) -> String {
		let kind = "\(type(of: store))"   // prints UserStore
		return (store.name(of: id) ?? kind) + String(describing: AccountStore.self)
	}
}
