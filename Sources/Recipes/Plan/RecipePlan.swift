/// A prepared recipe bound to one repository snapshot: whether it runs at all
/// (`repository_has`), the files its templates write, and per-file selection and
/// application.
///
/// The engine asks ``selection(path:size:)`` before reading a blob, then
/// ``apply(path:contents:)`` for every `.selected` file, and writes `generatedFiles`
/// (which come from the snapshot as it was, before any per-file step).
package struct RecipePlan: Sendable {
    package let recipe: PreparedRecipe
    /// Whether every `repository_has` condition of the recipe holds. When false, the
    /// recipe selects no file and generates none.
    package let applies: Bool
    /// What the recipe's (and its includes') template steps write, in step order; a
    /// path written twice appears once, with the later content.
    package let generatedFiles: [GeneratedFile]
    /// Symbolic links and submodules of the workspace.
    let specialPaths: [String: SkipReason]
    /// Included recipes whose `repository_has` fails: their steps do not run.
    let inactive: Set<String>

    /// Whether the recipe works on `path` (of `size` bytes), from what is known
    /// without its content. `.selected` is provisional (the content may still rule the
    /// file out, see ``apply(path:contents:)``); `.notSelected` and `.skipped` are final.
    package func selection(path: String, size: Int) -> FileSelection {
        guard applies, recipe.hasFileSteps else { return .notSelected }
        if let reason = specialPaths[path] {
            return recipe.selectsPath(path, firstLine: nil) == false ? .notSelected : .skipped(reason)
        }
        return recipe.preselection(path: path, size: size)
    }

    /// Runs the per-file steps (included recipes' too) on `contents`. A file the recipe
    /// does not select comes back unchanged with `selection == .notSelected`; a file it
    /// must not touch, with `.skipped(reason)`.
    package func apply(path: String, contents: [UInt8]) -> RecipeOutcome {
        guard applies, recipe.hasFileSteps else { return .untouched(path: path, contents: contents, .notSelected) }
        if let reason = specialPaths[path] {
            let selection: FileSelection = recipe.selectsPath(path, firstLine: nil) == false ? .notSelected : .skipped(reason)
            return .untouched(path: path, contents: contents, selection)
        }
        let selection = recipe.selection(path: path, contents: contents)
        guard selection == .selected else { return .untouched(path: path, contents: contents, selection) }
        return recipe.runSteps(path: path, contents: contents, inactive: inactive)
    }
}

extension PreparedRecipe {
    /// Evaluates the repository-level parts of the recipe on `workspace`: its
    /// `repository_has` conditions (and those of included recipes) and its template
    /// steps. Throws `pathOutsideRepository` for a template path that goes through a
    /// symbolic link, is one, or names a directory of the workspace.
    package func plan(for workspace: some RecipeWorkspace) throws(RecipeError) -> RecipePlan {
        let paths = workspace.paths
        var specialPaths: [String: SkipReason] = [:]
        for path in paths {
            if workspace.isSymlink(path) {
                specialPaths[path] = .symlink
            } else if workspace.isSubmodule(path) {
                specialPaths[path] = .submodule
            }
        }
        var inactive: Set<String> = []
        for included in includedRecipes where !included.repositoryConditionsHold(in: paths) {
            inactive.insert(included.recipe.id)
        }
        let applies = !inactive.contains(recipe.id)
        var generated: [GeneratedFile] = []
        if applies {
            let files = Set(paths)
            try collectTemplates(
                into: &generated, workspace: workspace, files: files, specialPaths: specialPaths, inactive: inactive)
        }
        return RecipePlan(
            recipe: self, applies: applies, generatedFiles: generated, specialPaths: specialPaths, inactive: inactive)
    }

    private func collectTemplates(
        into generated: inout [GeneratedFile], workspace: some RecipeWorkspace, files: Set<String>,
        specialPaths: [String: SkipReason], inactive: Set<String>
    ) throws(RecipeError) {
        for (index, step) in steps.enumerated() {
            switch step {
            case .include(let included) where !inactive.contains(included.recipe.id):
                try included.collectTemplates(
                    into: &generated, workspace: workspace, files: files, specialPaths: specialPaths, inactive: inactive)
            case .template(let template):
                try Self.checkWritable(template, files: files, specialPaths: specialPaths)
                let earlier = generated.firstIndex { $0.path == template.path }
                let existing = earlier.map { generated[$0].bytes } ?? workspace.contents(of: template.path)
                if existing != nil, template.mode == .ifMissing { continue }
                if existing == template.bytes { continue }
                let file = GeneratedFile(
                    path: template.path, bytes: template.bytes,
                    action: files.contains(template.path) ? .overwrite : .create, recipeID: recipe.id,
                    stepName: recipe.steps[index].displayName)
                if let earlier { generated[earlier] = file } else { generated.append(file) }
            default:
                continue
            }
        }
    }

    /// Refuses a template path through a symbolic link, at one, at a submodule, under
    /// a file, or at a directory.
    private static func checkWritable(
        _ template: PreparedTemplate, files: Set<String>, specialPaths: [String: SkipReason]
    ) throws(RecipeError) {
        let path = template.path
        let segments = path.split(separator: "/")
        var prefix = ""
        for (index, segment) in segments.enumerated() {
            prefix += (index == 0 ? "" : "/") + segment
            let isLast = index == segments.count - 1
            if let reason = specialPaths[prefix] {
                let what = reason == .symlink ? "symbolic link" : "submodule"
                throw RecipeError(
                    .pathOutsideRepository,
                    isLast
                        ? "template path '\(path)' is a \(what) in the repository; refusing to write through it"
                        : "template path '\(path)' goes through the \(what) '\(prefix)'; refusing to write outside the repository",
                    location: template.location, key: "path", hint: "choose a path that is not under a symbolic link")
            }
            if !isLast, files.contains(prefix) {
                throw RecipeError(
                    .pathOutsideRepository, "template path '\(path)' is under '\(prefix)', which is a file",
                    location: template.location, key: "path")
            }
        }
        let directoryPrefix = path + "/"
        if files.contains(where: { $0.hasPrefix(directoryPrefix) }) {
            throw RecipeError(
                .pathOutsideRepository, "template path '\(path)' is a directory in the repository",
                location: template.location, key: "path")
        }
    }
}
