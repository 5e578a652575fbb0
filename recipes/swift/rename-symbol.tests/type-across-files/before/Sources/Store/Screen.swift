struct Screen {
	let store: UserStore
	let factory: () -> UserStore = { UserStore.shared }

	func title(for id: Int) -> String {
		let kind = "\(type(of: store))"   // prints UserStore
		return (store.name(of: id) ?? kind) + String(describing: UserStore.self)
	}
}
