internal import Foundation
internal import GitKit
internal import Recipes

/// The hook's `.sparkd.yml`: read from the index (the version being committed), since the hook
/// works on what is staged; missing or empty means the three default fixups.
enum FixupConfiguration {
    static let fileName = ".sparkd.yml"

    static func read(from repository: Repository, index: StagedIndex) throws -> PreCommitConfiguration {
        guard let entry = index.entry(at: fileName), entry.stage == 0, !entry.isIntentToAdd, entry.isFile else {
            return PreCommitConfiguration()
        }
        let bytes = try repository.contents(of: entry.id)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw RecipeError(.syntax, "\(fileName) is not valid UTF-8", file: fileName, hint: "save it as UTF-8")
        }
        return try PreCommitConfiguration.parse(text, file: "\(fileName) (staged)")
    }
}
