/// A repository's `.sparkd.yml` as written: versioned with the code it changes, like
/// `renovate.json` or `.pre-commit-config.yaml`.
///
/// ```yaml
/// version: 1
/// recipes:
///   - { id: fixup/end-of-file, on: [push, pre-commit] }
/// hook: { fail_on_error: true }
/// fixup_commits: { base: main }
/// ```
///
/// The daemon reads it from a watched branch's tip, the pre-commit hook from the index, and both
/// through this one parser, so a file one of them accepts the other does not refuse — except for
/// trigger names, which only the daemon can check (its schedules add names). Pure: the caller
/// reads the bytes.
package struct RepositoryFile: Sendable, Hashable {
    package static let path = ".sparkd.yml"
    package static let keys = ["version", "recipes", "hook", "fixup_commits"]
    /// The `version:` this sparkd reads (the key may be left out).
    package static let version = 1

    package var rules: [RecipeRuleEntry]
    /// `hook: { fail_on_error: true }`: an unexpected error of the hook fails the commit (by
    /// default it is reported and the commit proceeds).
    package var failOnError: Bool
    /// `fixup_commits:`, for the daemon (read from the pushed branch's tip).
    package var fixupCommits: FixupCommitsEntry?

    package init(rules: [RecipeRuleEntry] = [], failOnError: Bool = false, fixupCommits: FixupCommitsEntry? = nil) {
        self.rules = rules
        self.failOnError = failOnError
        self.fixupCommits = fixupCommits
    }

    /// Parses the file's text; `file` names it in errors (`file:line:column`). An empty file, or
    /// one of comments only, configures nothing.
    package static func parse(_ text: String, file: String) throws(RecipeError) -> RepositoryFile {
        guard let root = try YAMLReader.compose(text, file: file, document: path) else { return RepositoryFile() }
        let reader = YAMLReader(file: file, text: text)
        var parsed = RepositoryFile()
        for entry in try reader.entries(of: root, in: path, valid: keys, expected: "a mapping") {
            switch entry.key {
            case "version":
                let number = try reader.integer(entry.value, key: "version", in: path)
                guard number == version else {
                    throw reader.error(
                        .invalidValue, "\(path) version \(number) is not supported", at: entry.value, key: "version",
                        hint: "this sparkd reads version \(version)")
                }
            case "recipes":
                parsed.rules = try RecipeRuleEntry.list(entry.value, in: path, reader: reader)
            case "fixup_commits":
                parsed.fixupCommits = try FixupCommitsEntry.parse(entry.value, in: path, reader: reader)
            default:
                for option in try reader.entries(of: entry.value, in: "'hook'", valid: ["fail_on_error"], expected: "a mapping") {
                    // Spelled as a bool parameter is (true/false, yes/no, on/off, 1/0).
                    let value = try reader.string(option.value, key: option.key, in: "'hook'")
                    guard case .bool(let flag)? = ParameterType.bool.convert(value) else {
                        throw reader.error(
                            .invalidValue, "'fail_on_error' must be true or false, not '\(value)'", at: option.value,
                            key: "fail_on_error")
                    }
                    parsed.failOnError = flag
                }
            }
        }
        return parsed
    }
}
