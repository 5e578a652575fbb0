internal import Foundation

/// Type checks and whole reads of local files with `stat` and stdio, for the recipe loader.
///
/// Written by hand because Foundation's `FileManager` and `Data(contentsOf:)` set up a good deal
/// on their first use in a process: 8 % of `sparkd-hook`'s CPU time went to them while it loaded
/// three small recipe files (perf record, 2026-12-06), and a pre-commit hook's budget is 5 ms.
package enum LocalFile {
    /// Whether `path` is a directory (symbolic links followed).
    package static func isDirectory(_ path: String) -> Bool {
        type(of: path) == S_IFDIR
    }

    /// Whether `path` is a regular file (symbolic links followed).
    package static func isRegularFile(_ path: String) -> Bool {
        type(of: path) == S_IFREG
    }

    private static func type(of path: String) -> mode_t? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT
    }

    /// `path` made absolute (against the current directory) with `.`, `..` and repeated slashes
    /// resolved by its text, as `URL.standardizedFileURL.path` gives it: symbolic links are not
    /// followed, and `..` at the root stays at the root.
    package static func standardized(_ path: String) -> String {
        var absolute = path
        if !path.hasPrefix("/"), let cwd = getcwd(nil, 0) {
            absolute = String(cString: cwd) + "/" + path
            free(cwd)
        }
        var segments: [Substring] = []
        for segment in absolute.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return "/" + segments.joined(separator: "/")
    }

    /// The bytes of the file at `path`; on failure, what the system said (`strerror`).
    package static func read(_ path: String) -> Result<[UInt8], ReadError> {
        guard let stream = fopen(path, "re") else { return .failure(ReadError(errno: errno)) }
        defer { fclose(stream) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, stream) }
            bytes.append(contentsOf: chunk[..<count])
            guard count == chunk.count else { break }
        }
        return ferror(stream) != 0 ? .failure(ReadError(errno: errno)) : .success(bytes)
    }

    /// Why a read failed, in the system's words.
    package struct ReadError: Error, CustomStringConvertible {
        package let errno: Int32
        package var description: String { String(cString: strerror(errno)) }
    }
}
