package import Recipes

/// The review commit's message: a subject from the recipe titles, a body saying what changed
/// (files with line counts, per-recipe counts, skipped files and why, and the one-line
/// ``UsageReport/line``) and the trailers
/// `Spark-Recipe: <id>@<version>` (one per recipe), `Spark-Base: <sha>` and, for a daemon job,
/// `Spark-Job: <id>`.
package enum CommitMessage {
    package static let recipeTrailer = "Spark-Recipe"
    package static let baseTrailer = "Spark-Base"
    package static let jobTrailer = "Spark-Job"
    /// At most this many files are listed by name; the rest are counted.
    static let listedFiles = 50

    package static func make(recipes: [Recipe], report: ApplyReport, jobID: Int64? = nil) -> String {
        var lines = [subject(recipes), ""]
        lines.append("\(report.filesChanged) file\(report.filesChanged == 1 ? "" : "s") changed:")
        for file in report.files.prefix(listedFiles) {
            let what = file.binary ? "binary" : "+\(file.added) -\(file.removed)"
            lines.append("  \(file.path) (\(file.created ? "new, " : "")\(what))")
        }
        if report.files.count > listedFiles { lines.append("  … and \(report.files.count - listedFiles) more") }
        lines.append("")
        lines.append("By recipe:")
        for recipe in report.recipes {
            lines.append("  \(recipe.id)@\(recipe.version): \(recipe.filesChanged) file\(recipe.filesChanged == 1 ? "" : "s")")
            for step in recipe.steps where step.filesChanged > 0 && recipe.steps.count > 1 {
                lines.append("    \(step.name): \(step.filesChanged)")
            }
            if !recipe.parameters.isEmpty {
                let given = recipe.parameters.keys.sorted().map { "\($0)=\(recipe.parameters[$0]!)" }
                lines.append("    parameters: \(given.joined(separator: ", "))")
            }
        }
        if !report.skipped.isEmpty {
            lines.append("")
            lines.append("Skipped \(report.skipped.count) file\(report.skipped.count == 1 ? "" : "s"):")
            for file in report.skipped.prefix(listedFiles) { lines.append("  \(file.path): \(file.reason.rawValue)") }
            if report.skipped.count > listedFiles { lines.append("  … and \(report.skipped.count - listedFiles) more") }
        }
        if let usage = report.usage {
            lines.append("")
            lines.append(usage.line)
        }
        lines.append("")
        lines += trailers(recipes: recipes.map(\.reference), base: report.base, jobID: jobID)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The trailer lines sparkd's commits end with: one `Spark-Recipe: <id>@<version>` per recipe
    /// (`references`), `Spark-Base`, and `Spark-Job` for a daemon job.
    static func trailers(recipes references: [String], base: String, jobID: Int64?) -> [String] {
        references.map { "\(recipeTrailer): \($0)" } + ["\(baseTrailer): \(base)"] + (jobID.map { ["\(jobTrailer): \($0)"] } ?? [])
    }

    static func subject(_ recipes: [Recipe]) -> String {
        if recipes.count == 1 { return recipes[0].title }
        let listed = "Apply \(recipes.count) recipes: " + recipes.map(\.id).joined(separator: ", ")
        return listed.count <= 72 ? listed : "Apply \(recipes.count) recipes (\(recipes[0].id) and \(recipes.count - 1) more)"
    }
}
