/// The repository snapshot as recipes see it: file paths and their bytes.
///
/// The engine adapts a git snapshot to it; fixture tests use ``InMemoryWorkspace``.
package protocol RecipeWorkspace {
    /// Every file's repository-relative path, sorted (byte order): regular files,
    /// symbolic links and submodules, never directories.
    var paths: [String] { get }
    /// The bytes of the file at `path`, or nil if there is none.
    func contents(of path: String) -> [UInt8]?
    /// Whether `path` is a symbolic link (recipes neither read nor write through one).
    func isSymlink(_ path: String) -> Bool
    /// Whether `path` is a submodule (a gitlink); false unless implemented.
    func isSubmodule(_ path: String) -> Bool
}

extension RecipeWorkspace {
    package func isSubmodule(_ path: String) -> Bool { false }
}

/// A workspace held in memory: for fixtures, tests and `sparkctl fix`.
package struct InMemoryWorkspace: RecipeWorkspace, Sendable, Hashable {
    package var files: [String: [UInt8]]
    package var symlinks: Set<String>
    package var submodules: Set<String>

    package init(files: [String: [UInt8]] = [:], symlinks: Set<String> = [], submodules: Set<String> = []) {
        self.files = files
        self.symlinks = symlinks
        self.submodules = submodules
    }

    package var paths: [String] {
        Set(files.keys).union(symlinks).union(submodules).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    package func contents(of path: String) -> [UInt8]? { files[path] }
    package func isSymlink(_ path: String) -> Bool { symlinks.contains(path) }
    package func isSubmodule(_ path: String) -> Bool { submodules.contains(path) }
}
