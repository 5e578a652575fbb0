internal import ArgumentParser
internal import Foundation
internal import Recipes

/// `sparkctl fix`: a plain filter for editors and other hook managers. With FILEs it rewrites them
/// in place; with `--stdin-filename` it reads standard input and writes the result to standard
/// output. Exit 1 when anything changed (or a check-only setting found something), 0 when not —
/// pre-commit-hooks' convention, so it drops into a `.pre-commit-config.yaml` as a
/// `language: system` hook.
///
/// The recipes are prepared once and run their per-file steps only: `fix` sees files, not a
/// repository, so `repository_has` is taken as holding and template steps (which write other
/// files) do not run — `sparkctl apply` runs those.
struct FixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Run recipes over files in place, or over standard input (a filter for editors and hook managers).",
        discussion: """
            Runs the recipes' per-file steps (fix, regex, rewrite, include) on each FILE, or on standard \
            input named --stdin-filename (its name decides the language and the recipes' file \
            selection). Template steps and `repository_has` need a repository: use sparkctl apply. \
            Files a recipe must not touch (binary, not UTF-8 for text steps, too large, Git LFS \
            pointers, symbolic links) are left alone and named on standard error. Exit status: 1 when \
            anything changed or was found, 0 when not, 2 for bad input.
            """)

    @Option(name: .customLong("recipe"), help: "A recipe id (repeatable; run in order).")
    var recipes: [String] = []

    @OptionGroup var parameters: ParameterArguments

    @Option(name: .customLong("stdin-filename"), help: "Read standard input as if it were this file; write the result to standard output.")
    var stdinFilename: String?

    @Option(name: .customLong("recipes-dir"), help: "Also load recipes from this directory (repeatable).")
    var recipeDirectories: [String] = []

    @Argument(help: "Files to fix in place.")
    var files: [String] = []

    func validate() throws {
        if recipes.isEmpty { throw ValidationError("give at least one --recipe ID, e.g. --recipe fixup/trailing-whitespace") }
        if stdinFilename != nil && !files.isEmpty { throw ValidationError("give either FILEs or --stdin-filename, not both") }
        if stdinFilename?.isEmpty == true { throw ValidationError("--stdin-filename needs a file name, e.g. --stdin-filename main.go") }
    }

    func run() async throws {
        let plans: [RecipePlan]
        do {
            let invocation = try RecipeInvocation(
                ids: recipes, parameters: try parameters.assignments(), recipeDirectories: recipeDirectories)
            plans = try invocation.prepared().map { $0.filePlan() }
            if let templateOnly = plans.first(where: { !$0.recipe.hasFileSteps }) {
                let source = templateOnly.recipe.recipe.source
                throw RecipeError(
                    .invalidValue,
                    "recipe '\(templateOnly.recipe.recipe.id)' only writes files from templates, which sparkctl fix does not run",
                    file: source, key: templateOnly.recipe.recipe.id,
                    hint: "run it with sparkctl apply --recipe \(templateOnly.recipe.recipe.id), which writes its files on a review branch")
            }
        } catch {
            throw ErrorReport.exit(for: error, json: false)
        }
        if let stdinFilename {
            let input = Array(FileHandle.standardInput.readDataToEndOfFile())
            let result = FixFilter.run(plans, on: input, path: FixFilter.selectionPath(stdinFilename))
            FileHandle.standardOutput.write(Data(result.bytes))
            if let skipped = result.skipped { Self.standardError("\(stdinFilename): skipped (\(skipped))") }
            for finding in result.findings { Self.standardError("\(stdinFilename): \(finding)") }
            if result.changed || !result.findings.isEmpty { throw ExitCode(ExitStatus.failure) }
            return
        }
        var anything = false
        var failed = false
        for file in files {
            do {
                anything = try fixInPlace(file, plans: plans) || anything
            } catch {
                Self.standardError("sparkctl: error: \(file): \(error)")
                failed = true
            }
        }
        if anything || failed { throw ExitCode(ExitStatus.failure) }
    }

    /// Returns whether the file changed or a finding was reported.
    private func fixInPlace(_ file: String, plans: [RecipePlan]) throws -> Bool {
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        guard attributes[.type] as? FileAttributeType != .typeSymbolicLink else {
            Self.standardError("\(file): skipped (\(SkipReason.symlink))")
            return false
        }
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        let result = FixFilter.run(plans, on: original, path: FixFilter.selectionPath(file))
        if let skipped = result.skipped { Self.standardError("\(file): skipped (\(skipped))") }
        for finding in result.findings { print("\(file): \(finding)") }
        guard result.changed else { return !result.findings.isEmpty }
        // Rewrite the same file (same inode, mode and links), as pre-commit-hooks does.
        guard let handle = FileHandle(forWritingAtPath: file) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: file])
        }
        defer { try? handle.close() }
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(result.bytes))
        print("Fixing \(file)")
        return true
    }

    private static func standardError(_ line: String) {
        FileHandle.standardError.write(Data("\(line)\n".utf8))
    }
}
