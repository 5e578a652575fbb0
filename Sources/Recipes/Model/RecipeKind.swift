/// What a recipe is for, which decides where it may run.
package enum RecipeKind: String, CaseIterable, Sendable, Hashable {
    /// Cheap, line-level and safe to run in a pre-commit hook.
    case fixup
    /// Rewrites code.
    case refactor
    /// Creates or updates files from templates.
    case boilerplate

    /// The kind of a recipe that does not declare one. `refactor`, not `fixup`, so a
    /// recipe never runs in commit hooks unless it says it is safe to.
    package static let `default` = RecipeKind.refactor
}
