internal import Foundation
package import GitKit
package import Recipes

/// The hook's `.sparkd.yml`: read from the index (the version being committed), since the hook
/// works on what is staged; missing or empty means the three default fixups.
package enum FixupConfiguration {
    package static let fileName = RepositoryFile.path

    package static func read(from repository: Repository, index: StagedIndex) throws -> PreCommitConfiguration {
        guard let entry = index.entry(at: fileName), entry.stage == 0, !entry.isIntentToAdd, entry.isFile else {
            return PreCommitConfiguration()
        }
        return try parse(try repository.contents(of: entry.id), file: "\(fileName) (staged)")
    }

    /// `.sparkd.yml` as committed in `commit` (for `fixup --commits`: the pushed tip decides,
    /// like the daemon reads a watched branch's tip); missing means the three default fixups.
    package static func read(from repository: Repository, commit: ObjectID) throws -> PreCommitConfiguration {
        guard let entry = try repository.entry(at: fileName, in: commit), entry.mode == .regular || entry.mode == .executable else {
            return PreCommitConfiguration()
        }
        return try parse(try repository.contents(of: entry.id), file: "\(fileName) (at \(commit.short))")
    }

    private static func parse(_ bytes: [UInt8], file: String) throws -> PreCommitConfiguration {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw RecipeError(.syntax, "\(fileName) is not valid UTF-8", file: fileName, hint: "save it as UTF-8")
        }
        return try PreCommitConfiguration.parse(text, file: file)
    }

    /// The configured recipes, prepared once; `.sparkd/recipes/` of the working tree adds the
    /// repository's own, as for the daemon.
    package static func plans(_ configuration: PreCommitConfiguration, repository: Repository) throws(RecipeError) -> [RecipePlan] {
        try plans(configuration, workingDirectory: repository.workingDirectory)
    }

    /// ``plans(_:repository:)`` for the working tree at `workingDirectory`, for any thread: it
    /// does not touch the repository.
    package static func plans(_ configuration: PreCommitConfiguration, workingDirectory: String?) throws(RecipeError) -> [RecipePlan] {
        var directories: [String] = []
        if let root = workingDirectory {
            let local = root + ".sparkd/recipes"
            if LocalFile.isDirectory(local) { directories.append(local) }
        }
        let assignments = configuration.rules.flatMap { rule in
            rule.parameters.sorted { $0.key < $1.key }.map { ParameterAssignment(recipeID: rule.id, name: $0.key, value: $0.value) }
        }
        let invocation = try RecipeInvocation(ids: configuration.recipeIDs, parameters: assignments, recipeDirectories: directories)
        return try invocation.prepared().map { $0.filePlan() }
    }
}
