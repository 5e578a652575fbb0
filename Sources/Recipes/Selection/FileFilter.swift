/// Which files a recipe's per-file steps look at, by path and size (`files:`).
///
/// ```yaml
/// files:
///   include: ["**/*.py"]     # default: every file
///   exclude: ["vendor/**"]
///   max_size: 1MB            # larger files are skipped and reported as too-large
/// ```
package struct FileFilter: Sendable, Hashable {
    /// Empty: every file.
    package var include: [Glob]
    package var exclude: [Glob]
    package var maxSize: Int

    package init(include: [Glob] = [], exclude: [Glob] = [], maxSize: Int = ByteSize.defaultLimit) {
        self.include = include
        self.exclude = exclude
        self.maxSize = maxSize
    }

    package static let all = FileFilter()

    /// Whether `path` is included and not excluded.
    package func selects(_ path: String) -> Bool {
        (include.isEmpty || include.contains { $0.matches(path) }) && !exclude.contains { $0.matches(path) }
    }
}
