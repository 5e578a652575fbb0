extension FileTree {
    /// The tree as a repository snapshot: regular files with their bytes, symbolic links as
    /// links (which recipes skip and never write through).
    package var workspace: InMemoryWorkspace {
        var workspace = InMemoryWorkspace()
        for (path, entry) in entries {
            switch entry {
            case .file(let bytes): workspace.files[path] = bytes
            case .symlink: workspace.symlinks.insert(path)
            }
        }
        return workspace
    }

    /// The tree after `recipe` ran on it as the engine runs it on a snapshot: the per-file steps
    /// on every file the recipe selects (skipped and unselected files stay as they are), then the
    /// files its template steps generate (decided from the tree as it was). Throws what planning
    /// throws (a template path through a symbolic link, …).
    package func applying(_ recipe: PreparedRecipe) throws(RecipeError) -> FileTree {
        let plan = try recipe.plan(for: workspace)
        var result = self
        for path in paths {
            guard case .file(let bytes)? = self[path], plan.selection(path: path, size: bytes.count).isSelected else {
                continue
            }
            let outcome = plan.apply(path: path, contents: bytes)
            if outcome.changed { result[path] = .file(outcome.bytes) }
        }
        for file in plan.generatedFiles { result[file.path] = .file(file.bytes) }
        return result
    }
}
