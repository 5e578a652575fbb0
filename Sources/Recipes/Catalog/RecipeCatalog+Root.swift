import Foundation

extension RecipeCatalog {
    /// The catalog directory a recipe file sits in (the nearest enclosing `recipes/`, which covers
    /// sparkd's `recipes/` and a repository's `.sparkd/recipes/`), so its id can be checked
    /// against its path; nil when it is in neither.
    package static func root(of file: String) -> String? {
        var directory = (LocalFile.standardized(file) as NSString).deletingLastPathComponent
        while directory != "/" && !directory.isEmpty {
            if (directory as NSString).lastPathComponent == "recipes" { return directory }
            directory = (directory as NSString).deletingLastPathComponent
        }
        return nil
    }
}
