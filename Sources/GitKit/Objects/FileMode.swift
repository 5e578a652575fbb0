internal import CLibGit2

/// The mode of a tree entry, as git stores it.
package enum FileMode: UInt32, Sendable, Codable, CustomStringConvertible {
    case regular = 0o100644
    case executable = 0o100755
    case symlink = 0o120000
    /// A submodule: the entry names a commit of another repository.
    case submodule = 0o160000
    case tree = 0o040000

    init?(_ mode: git_filemode_t) {
        switch mode {
        case GIT_FILEMODE_BLOB: self = .regular
        case GIT_FILEMODE_BLOB_EXECUTABLE: self = .executable
        case GIT_FILEMODE_LINK: self = .symlink
        case GIT_FILEMODE_COMMIT: self = .submodule
        case GIT_FILEMODE_TREE: self = .tree
        default: return nil
        }
    }

    var libgit2: git_filemode_t { git_filemode_t(rawValue) }

    /// Whether the entry holds file bytes a recipe may read (regular or executable file).
    package var isFile: Bool { self == .regular || self == .executable }

    package var description: String { String(rawValue, radix: 8) }
}
