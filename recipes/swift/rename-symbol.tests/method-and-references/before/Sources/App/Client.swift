protocol Client {
    func fetchUser(id: Int) async throws -> String
}

struct Profile {
    let client: any Client
    var fetchUser = true   // a property that shares the name is renamed too

    func show(id: Int) async throws {
        let user = try await client.fetchUser(id: id)
        configure(fetchUser: fetchUser)   // the label stays
        print("fetchUser(id:) returned \(user)")
    }

    func configure(fetchUser flag: Bool) {}
}
