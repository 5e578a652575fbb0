import Foundation

/// One fixture case of a recipe, read from `recipes/<group>/<name>.tests/<case>/`:
///
/// - `before/` — the whole file tree the recipe runs on, as if it were the repository (symbolic
///   links stay links; a case without `before/` starts from an empty repository);
/// - `after/` — the whole tree expected afterwards; without it, nothing may change;
/// - `params.yml` — parameter values, as `--param` would give them (``FixtureParameters``).
///
/// Nothing else belongs in a case directory, so that a misspelt `afer/` is an error rather than a
/// case that silently expects no change.
package struct FixtureCase: Sendable, Hashable {
    package static let beforeName = "before"
    package static let afterName = "after"
    /// Every entry a case directory may hold.
    static let entryNames = [beforeName, afterName, FixtureParameters.fileName]

    /// The directory's name.
    package var name: String
    package var directory: String
    package var before: FileTree
    /// nil: the expected tree is `before`.
    package var after: FileTree?
    package var parameters: FixtureParameters

    package init(
        name: String, directory: String, before: FileTree, after: FileTree? = nil,
        parameters: FixtureParameters = FixtureParameters()
    ) {
        self.name = name
        self.directory = directory
        self.before = before
        self.after = after
        self.parameters = parameters
    }

    /// The tree the recipe must produce.
    package var expected: FileTree { after ?? before }

    /// Reads the case in `directory`.
    package static func load(directory: String) throws(RecipeError) -> FixtureCase {
        let manager = FileManager.default
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw RecipeError(
                .unreadable, "cannot list fixture case: \(error.localizedDescription)", file: directory,
                hint: "check that the directory exists and is readable")
        }
        for name in names where !entryNames.contains(name) {
            throw RecipeError(
                .unknownKey,
                "unexpected '\(name)' in a fixture case" + Suggestions.didYouMean(name, in: entryNames),
                file: directory + "/" + name, key: name,
                hint: "a case holds before/ (the tree the recipe runs on), after/ (the expected tree; "
                    + "absent: no change) and params.yml (parameter values), nothing else")
        }
        guard names.contains(beforeName) || names.contains(afterName) else {
            throw RecipeError(
                .missingKey, "fixture case has neither before/ nor after/", file: directory, key: beforeName,
                hint: "put the files the recipe runs on under before/ and the expected files under after/")
        }
        let before = names.contains(beforeName) ? try tree(directory + "/" + beforeName) : FileTree()
        let after = names.contains(afterName) ? try tree(directory + "/" + afterName) : nil
        var parameters = FixtureParameters()
        if names.contains(FixtureParameters.fileName) {
            let file = directory + "/" + FixtureParameters.fileName
            guard let data = manager.contents(atPath: file) else {
                throw RecipeError(.unreadable, "cannot read fixture parameters", file: file, hint: "check that the file is readable")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw RecipeError(.syntax, "fixture parameters are not UTF-8 text", file: file, hint: "save the file as UTF-8")
            }
            parameters = try FixtureParameters.parse(text, file: file)
        }
        return FixtureCase(
            name: (directory as NSString).lastPathComponent, directory: directory, before: before, after: after,
            parameters: parameters)
    }

    private static func tree(_ directory: String) throws(RecipeError) -> FileTree {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RecipeError(
                .wrongType, "'\((directory as NSString).lastPathComponent)' in a fixture case must be a directory",
                file: directory, hint: "make it a directory holding the case's file tree")
        }
        return try FileTree.read(directory: directory)
    }
}
