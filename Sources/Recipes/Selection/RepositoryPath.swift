/// Checks for paths that recipes write (template steps): relative, `/`-separated,
/// inside the repository.
package enum RepositoryPath {
    /// What is wrong with `path` as a file to write in a repository, or nil if nothing.
    package static func problem(_ path: String) -> String? {
        if path.isEmpty { return "the path is empty" }
        if path.hasPrefix("/") { return "'\(path)' is absolute; template paths are relative to the repository root" }
        if path.utf8.contains(0) { return "the path contains a NUL byte" }
        if path.hasSuffix("/") { return "'\(path)' names a directory; a template writes a file" }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch segment {
            case "..": return "'\(path)' leaves the repository ('..')"
            case ".", "": return "'\(path)' is not a normalized path (empty or '.' segment)"
            case ".git": return "'\(path)' is inside '.git'"
            default: continue
            }
        }
        return nil
    }
}
