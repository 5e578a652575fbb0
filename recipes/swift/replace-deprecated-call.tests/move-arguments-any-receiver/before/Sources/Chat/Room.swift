struct Room {
	let client: ChatClient

	func greet(_ users: [User]) {
		for user in users {
			client.send("Hello, \(user.name)!", to: user)
		}
		client.session.send(users.map(\.name).joined(separator: ", "), to: .everyone)
	}
}
