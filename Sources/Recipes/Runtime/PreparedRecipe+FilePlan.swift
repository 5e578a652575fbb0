extension PreparedRecipe {
    /// A plan for files outside any repository snapshot (`sparkctl fix` on given files or
    /// standard input): `repository_has` is taken as holding, there are no symbolic links
    /// or submodules to know of, and template steps write nothing (they write other files
    /// than the ones given; `sparkctl apply` runs them).
    package func filePlan() -> RecipePlan {
        RecipePlan(recipe: self, applies: true, generatedFiles: [], specialPaths: [:], inactive: [])
    }
}
