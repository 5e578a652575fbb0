internal import Foundation
internal import Recipes

/// `sparkctl fix` on one file's bytes: every recipe's per-file steps in order, each on the
/// previous one's output.
enum FixFilter {
    struct Result {
        var bytes: [UInt8]
        var changed: Bool
        var findings: [Finding]
        /// Why the first recipe that would have worked on the file did not, if one did not.
        var skipped: SkipReason?
    }

    static func run(_ plans: [RecipePlan], on bytes: [UInt8], path: String) -> Result {
        let chain = plans.applyInOrder(path: path, contents: bytes)
        return Result(bytes: chain.bytes, changed: chain.bytes != bytes, findings: chain.findings, skipped: chain.skipped)
    }

    /// The path recipes select by (`files` globs are relative to the repository root): `FILE` as
    /// given, without a leading `./`, and relative to the current directory when it is under it —
    /// hook managers run from the repository root.
    static func selectionPath(_ file: String, currentDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        var path = file
        let root = currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"
        if path.hasPrefix("/"), path.hasPrefix(root) { path.removeFirst(root.count) }
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }
}
