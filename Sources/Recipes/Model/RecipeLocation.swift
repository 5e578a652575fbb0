/// A position in a YAML file sparkd reads (a recipe, a `.sparkd.yml`, the daemon's `sparkd.yml`):
/// 1-based line and column (columns count Unicode scalars).
package struct RecipeLocation: Sendable, Hashable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var column: Int

    package init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    package var description: String { "\(file):\(line):\(column)" }
}
