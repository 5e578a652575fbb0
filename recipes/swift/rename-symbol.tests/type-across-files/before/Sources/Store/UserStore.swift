import Foundation

/// Keeps users. (UserStore is documented here and keeps this comment.)
final class UserStore {
    static let shared = UserStore()
    private var users: [Int: String] = [:]

    func name(of id: Int) -> String? { users[id] }
}

extension UserStore: CustomStringConvertible {
    var description: String { "UserStore(\(users.count))" }
}
