internal import CLibGit2
package import Foundation

/// Who made a commit, and when.
package struct Signature: Sendable, Hashable {
    package var name: String
    package var email: String
    /// nil: the moment the commit is written.
    package var date: Date?
    /// Minutes east of UTC.
    package var timeZoneOffsetMinutes: Int

    package init(name: String, email: String, date: Date? = nil, timeZoneOffsetMinutes: Int = 0) {
        self.name = name
        self.email = email
        self.date = date
        self.timeZoneOffsetMinutes = timeZoneOffsetMinutes
    }

    /// The identity sparkd commits as when nothing else is configured.
    package static let sparkd = Signature(name: "sparkd", email: "sparkd@localhost")

    /// Makes a libgit2 signature; the caller frees it with `git_signature_free`.
    func makeLibGit2() throws(GitError) -> UnsafeMutablePointer<git_signature> {
        var out: UnsafeMutablePointer<git_signature>?
        let seconds = git_time_t((date ?? Date()).timeIntervalSince1970.rounded(.down))
        try LibGit2.check(git_signature_new(&out, name, email, seconds, Int32(timeZoneOffsetMinutes))) { _, message in
            GitError(
                .invalidChange, "invalid commit identity '\(name) <\(email)>': \(message)",
                hint: "set user.name and user.email to plain text without angle brackets")
        }
        return out!
    }
}

extension Repository {
    /// `user.name` and `user.email` from the repository's configuration (with global and system
    /// configuration beneath it), or nil when either is unset.
    package func configuredIdentity() -> Signature? {
        var signature: UnsafeMutablePointer<git_signature>?
        guard git_signature_default(&signature, handle) == 0, let signature else { return nil }
        defer { git_signature_free(signature) }
        return Signature(name: String(cString: signature.pointee.name), email: String(cString: signature.pointee.email))
    }
}
