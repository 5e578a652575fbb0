import Foundation

/// Loads and edits a user's profile.
///
/// Older code wrote `if let user = user {`; this comment keeps that spelling.
final class ProfileViewModel {
    var user: User?
    var avatar: Data?
    private var pending: [Edit]?
    private let log = "guard let user = user else { return }"

    func title() -> String {
        if let user = user {
            return user.displayName
        }
        return "Profile"
    }

    func refresh(completion: @escaping (Error?) -> Void) {
        api.fetchProfile { [weak self] result, error in
            guard let self = self else { return }
            guard let result = result else {
                completion(error)
                return
            }
            self.user = result.user
            if var avatar = result.avatar {
                avatar.removeAll()
            }
            completion(nil)
        }
    }

    func flush() {
        while var pending = pending {
            pending.removeFirst()
            self.pending = pending.isEmpty ? nil : pending
        }
        if var avatar = avatar {
            avatar.append(0)
            self.avatar = avatar
        } else if let user = user {
            print(user.id)
        }
    }

    func save(_ edits: [Edit]) {
        var edits = edits
        edits.sort()
        if let user = currentUser() {
            print(user)
        }
        if let user = user as? Admin {
            print(user.permissions)
        }
    }
}
