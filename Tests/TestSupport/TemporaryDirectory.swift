public import Foundation

/// A directory under the system temporary directory, removed when the value is released.
/// Tests make real repositories and files in it.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String
    public var url: URL { URL(fileURLWithPath: path) }

    public init(_ label: String = "sparkd-test") throws {
        var template = Array("\(NSTemporaryDirectory())/\(label)-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else {
            throw CommandError(command: ["mkdtemp"], status: errno, stdout: "", stderr: "mkdtemp failed")
        }
        path = URL(fileURLWithPath: String(cString: created)).resolvingSymlinksInPath().path
    }

    deinit {
        // Restore write permission first, so read-only fixtures can be removed.
        Self.makeWritable(path)
        try? FileManager.default.removeItem(atPath: path)
    }

    /// `chmod -R u+w`, without a child process: directories must be writable (and searchable)
    /// for their entries to be removed. Symbolic links are not followed.
    private static func makeWritable(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return }
        if info.st_mode & (S_IWUSR | S_IXUSR) != (S_IWUSR | S_IXUSR) { chmod(path, info.st_mode | S_IWUSR | S_IXUSR) }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            makeWritable((path as NSString).appendingPathComponent(name))
        }
    }

    /// Writes `bytes` at `relativePath`, creating parent directories.
    @discardableResult
    public func write(_ relativePath: String, _ bytes: [UInt8]) throws -> String {
        let full = (path as NSString).appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    public func write(_ relativePath: String, _ text: String) throws -> String {
        try write(relativePath, Array(text.utf8))
    }

    public func read(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url.appendingPathComponent(relativePath)))
    }

    public func subdirectory(_ name: String) throws -> String {
        let full = (path as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }
}
