internal import ArgumentParser
internal import Foundation
internal import Recipes

/// `sparkctl fix`: a plain filter for editors and other hook managers. With FILEs it rewrites them
/// in place; with `--stdin-filename` it reads standard input and writes the result to standard
/// output. Exit 1 when anything changed (or a check-only setting found something), 0 when not —
/// pre-commit-hooks' convention, so it drops into a `.pre-commit-config.yaml` as a
/// `language: system` hook.
struct FixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Run recipes over files in place, or over standard input (a filter for editors and hook managers).")

    @Option(name: .customLong("recipe"), help: "A recipe id (repeatable; run in order).")
    var recipes: [String] = []

    @Option(name: .customLong("stdin-filename"), help: "Read standard input as if it were this file; write the result to standard output.")
    var stdinFilename: String?

    @Option(name: .customLong("recipes-dir"), help: "Also load recipes from this directory (repeatable).")
    var recipeDirectories: [String] = []

    @Argument(help: "Files to fix in place.")
    var files: [String] = []

    func validate() throws {
        if recipes.isEmpty { throw ValidationError("give at least one --recipe ID, e.g. --recipe fixup/trailing-whitespace") }
        if stdinFilename != nil && !files.isEmpty { throw ValidationError("give either FILEs or --stdin-filename, not both") }
    }

    func run() async throws {
        let selected: [Recipe]
        do {
            let catalog = try RecipeCatalog.standard(extraDirectories: recipeDirectories)
            selected = try recipes.map { id throws(RecipeError) in try catalog.recipe(id) }
        } catch {
            throw ErrorReport.exit(for: error, json: false)
        }
        if let stdinFilename {
            let input = Array(FileHandle.standardInput.readDataToEndOfFile())
            let result = Self.fix(input, path: stdinFilename, recipes: selected)
            FileHandle.standardOutput.write(Data(result.bytes))
            for message in result.messages { FileHandle.standardError.write(Data("\(message)\n".utf8)) }
            if result.changed || !result.messages.isEmpty { throw ExitCode(ExitStatus.failure) }
            return
        }
        var anything = false
        var failed = false
        for file in files {
            do {
                anything = try fixInPlace(file, recipes: selected) || anything
            } catch {
                FileHandle.standardError.write(Data("sparkctl: error: \(file): \(error)\n".utf8))
                failed = true
            }
        }
        if anything || failed { throw ExitCode(ExitStatus.failure) }
    }

    /// Returns whether the file changed or a finding was reported.
    private func fixInPlace(_ file: String, recipes: [Recipe]) throws -> Bool {
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        guard attributes[.type] as? FileAttributeType != .typeSymbolicLink else {
            FileHandle.standardError.write(Data("\(file): skipped (symlink)\n".utf8))
            return false
        }
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        if Content.isBinary(original) {
            FileHandle.standardError.write(Data("\(file): skipped (binary)\n".utf8))
            return false
        }
        let result = Self.fix(original, path: file, recipes: recipes)
        for message in result.messages { print(message) }
        guard result.changed else { return !result.messages.isEmpty }
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

    struct Result {
        var bytes: [UInt8]
        var changed: Bool
        var messages: [String]
    }

    static func fix(_ bytes: [UInt8], path: String, recipes: [Recipe]) -> Result {
        var current = bytes
        var messages: [String] = []
        for recipe in recipes {
            let outcome = recipe.apply(path: path, contents: current)
            messages += outcome.findings.map { finding in "\(path): \(finding)" }
            if outcome.changed { current = outcome.bytes }
        }
        return Result(bytes: current, changed: current != bytes, messages: messages)
    }
}
