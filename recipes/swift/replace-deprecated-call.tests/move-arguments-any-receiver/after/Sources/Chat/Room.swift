struct Room {
	let client: ChatClient

	func greet(_ users: [User]) {
		for user in users {
			client.deliver(to: user, message: "Hello, \(user.name)!")
		}
		client.session.deliver(to: .everyone, message: users.map(\.name).joined(separator: ", "))
	}
}
