internal import Foundation

extension Repository {
    /// Opens the repository whose working tree or git directory is exactly `path`, without
    /// searching parent directories as ``open(at:)`` does. A watcher uses it so that a missing
    /// repository inside another repository's working tree is not mistaken for the outer one.
    ///
    /// - Throws: ``GitError/Code/notARepository`` when `path` does not exist or is not itself a
    ///   repository; the errors of ``open(at:)`` otherwise.
    package static func openExactly(at path: String) throws(GitError) -> Repository {
        let repository = try open(at: path)
        let wanted = canonical(path)
        let candidates = [repository.workingDirectory, repository.gitDirectory].compactMap { $0 }.map(canonical)
        guard candidates.contains(wanted) else {
            throw GitError(
                .notARepository, "'\(path)' is not a git repository (it lies inside '\(repository.workingDirectory ?? repository.gitDirectory)')",
                subject: path, hint: "run `git init` there, or configure the enclosing repository's path")
        }
        return repository
    }

    private static func canonical(_ path: String) -> String {
        var resolved = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard realpath(path, &resolved) != nil else { return path }
        let text = String(decoding: resolved.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.count > 1 && text.hasSuffix("/") ? String(text.dropLast()) : text
    }
}
