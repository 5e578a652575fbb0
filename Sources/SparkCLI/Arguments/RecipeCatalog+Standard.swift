internal import Foundation
internal import Recipes

extension RecipeCatalog {
    /// The built-in recipes (see ``RecipeCatalog/builtinDirectory(environment:executablePath:)``)
    /// followed by `extraDirectories`, later ones overriding earlier ones. A recipe file that does
    /// not load does not stop the command: it is reported on standard error as a warning (with its
    /// position), and naming its id fails with its error.
    static func standard(extraDirectories: [String]) throws(RecipeError) -> RecipeCatalog {
        let catalog = try RecipeCatalog.tolerant(directories: try standardDirectories(extraDirectories))
        for problem in catalog.problems {
            FileHandle.standardError.write(Data("sparkctl: warning: skipping a recipe that does not load: \(problem)\n".utf8))
        }
        return catalog
    }
}
