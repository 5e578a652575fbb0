package import Recipes

/// Whether a recipe's per-file work may run on pieces of a file cut at line boundaries and give,
/// pieces joined, exactly what it gives on the whole file. Only such recipes have oversize files
/// split; the others skip them (`exceeds-context`).
///
/// Decided per step kind, conservatively:
/// - `fix trailing-whitespace`: line-local (each line is trimmed on its own);
/// - `fix end-of-file` (looks at the end), `fix mixed-line-ending` (counts the whole file),
///   `fix license-header` (looks at the start): not;
/// - `regex`: not — an ICU pattern can cross a newline (`\s`, `[^x]`, `(?s).`), anchor on the
///   input (`^`, `$`, `\A`) or match empty at the seam between two pieces, and telling these
///   apart would need a regex analysis we do not have;
/// - `rewrite`: not (holes balance over lines); `include`: not (its steps are not inspected);
///   any other kind (e.g. `swift`): not;
/// - `template`: neutral (it runs once per repository, not per file).
///
/// A recipe with `when` conditions is not line-local either: `contains` and `matches` read the
/// whole file.
package enum LineLocality {
    static let lineLocalFixers: Set<FixerName> = [.trailingWhitespace]

    package static func isLineLocal(_ recipe: Recipe) -> Bool {
        guard recipe.conditions.isEmpty else { return false }
        var perFile = 0
        for step in recipe.steps {
            if case .template = step { continue }
            perFile += 1
            guard case .fix(let fix) = step, lineLocalFixers.contains(fix.fixer) else { return false }
        }
        return perFile > 0
    }
}
