extension PreparedRecipe {
    /// A plan for files outside any repository snapshot (`sparkctl fix` on given files or
    /// standard input): `repository_has` is taken as holding, there are no symbolic links
    /// or submodules to know of, and template steps write nothing (they write other files
    /// than the ones given; `sparkctl apply` runs them).
    package func filePlan() -> RecipePlan {
        RecipePlan(recipe: self, applies: true, generatedFiles: [], specialPaths: [:], inactive: [])
    }
}

extension PreparedRecipe {
    /// Whether some step (an included recipe's too) runs on files; a recipe of template
    /// steps only has nothing to do per file, so the engine neither reads nor reports
    /// files for it (its selection would otherwise skip every non-UTF-8 file).
    package var hasFileSteps: Bool {
        steps.contains { step in
            switch step {
            case .template: false
            case .include(let included): included.hasFileSteps
            default: true
            }
        }
    }
}
