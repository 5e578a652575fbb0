protocol Client {
    func loadUser(id: Int) async throws -> String
}

struct Profile {
    let client: any Client
    var loadUser = true   // a property that shares the name is renamed too

    func show(id: Int) async throws {
        let user = try await client.loadUser(id: id)
        configure(fetchUser: loadUser)   // the label stays
        print("fetchUser(id:) returned \(user)")
    }

    func configure(fetchUser flag: Bool) {}
}
