internal import Foundation
package import GitKit

/// Who review commits name, as git decides it: `GIT_AUTHOR_*` / `GIT_COMMITTER_*` from the
/// environment, then `user.name` / `user.email` from the repository's configuration, then
/// `sparkd <sparkd@localhost>`.
package enum CommitIdentity {
    package static func resolve(
        repository: Repository, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (author: Signature, committer: Signature) {
        let configured = repository.configuredIdentity() ?? .sparkd
        func pick(_ role: String) -> Signature {
            Signature(
                name: environment["GIT_\(role)_NAME"].flatMap { $0.isEmpty ? nil : $0 } ?? configured.name,
                email: environment["GIT_\(role)_EMAIL"].flatMap { $0.isEmpty ? nil : $0 } ?? configured.email)
        }
        return (pick("AUTHOR"), pick("COMMITTER"))
    }
}
