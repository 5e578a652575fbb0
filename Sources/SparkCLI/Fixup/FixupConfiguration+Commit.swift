internal import GitKit
internal import Recipes

extension FixupConfiguration {
    /// `.sparkd.yml` as committed in `commit` (for `fixup --commits`: the pushed tip decides,
    /// like the daemon reads a watched branch's tip); missing means the three default fixups.
    static func read(from repository: Repository, commit: ObjectID) throws -> PreCommitConfiguration {
        guard let entry = try repository.entry(at: fileName, in: commit), entry.mode == .regular || entry.mode == .executable else {
            return PreCommitConfiguration()
        }
        let bytes = try repository.contents(of: entry.id)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw RecipeError(.syntax, "\(fileName) is not valid UTF-8", file: fileName, hint: "save it as UTF-8")
        }
        return try PreCommitConfiguration.parse(text, file: "\(fileName) (at \(commit.short))")
    }
}
