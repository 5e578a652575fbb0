import Foundation

/// A `--recipes-dir` made in a temporary directory: recipe files written by id
/// (`local/upper` → `<path>/local/upper.yml`), as a repository's `.sparkd/recipes` would hold them.
public struct RecipeDirectory: Sendable {
    public let path: String

    public init(in directory: TemporaryDirectory, named name: String = "recipes") throws {
        path = try directory.subdirectory(name)
    }

    /// Writes the recipe `id` with `yaml` as its file's content; returns the file's path.
    @discardableResult
    public func write(_ id: String, _ yaml: String) throws -> String {
        let file = (path as NSString).appendingPathComponent(id + ".yml")
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// `["--recipes-dir", path]`, for sparkctl's arguments.
    public var arguments: [String] { ["--recipes-dir", path] }
}
