import Foundation

/// Keeps users. (UserStore is documented here and keeps this comment.)
final class AccountStore {
    static let shared = AccountStore()
    private var users: [Int: String] = [:]

    func name(of id: Int) -> String? { users[id] }
}

extension AccountStore: CustomStringConvertible {
    var description: String { "UserStore(\(users.count))" }
}
