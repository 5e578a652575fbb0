/// Which files a recipe works on: `languages`, `files`, `when` and the content rules
/// behind ``SkipReason``.
extension PreparedRecipe {
    /// The answer from what is known without reading the file: `.selected` may still
    /// turn into `.notSelected` or `.skipped` once the content is seen (a language known
    /// only from a `#!` line, `when: contains`, binary content, …), but `.notSelected`
    /// and `.skipped` are final.
    func preselection(path: String, size: Int) -> FileSelection {
        guard selectsPath(path, firstLine: nil) != false else { return .notSelected }
        return size > recipe.files.maxSize ? .skipped(.tooLarge) : .selected
    }

    /// The full answer for a file with `contents`.
    func selection(path: String, contents: [UInt8]) -> FileSelection {
        // The first line only when the path alone does not decide (a file without an extension).
        let byPath = selectsPath(path, firstLine: nil) ?? selectsPath(path, firstLine: Array(contents.prefix(256).prefix { $0 != 0x0A }))
        guard byPath == true else { return .notSelected }
        if contents.count > recipe.files.maxSize { return .skipped(.tooLarge) }
        if Content.isBinary(contents) { return .skipped(.binary) }
        if contents.starts(with: SkipReason.lfsPointerPrefix) { return .skipped(.lfsPointer) }
        var text: String?? = .none
        func decoded() -> String? {
            if case .some(let value) = text { return value }
            let value = String(validating: contents, as: UTF8.self)
            text = .some(value)
            return value
        }
        for condition in recipe.conditions {
            switch condition {
            case .contains(let needle):
                if !Self.contains(contents, Array(needle.utf8)) { return .notSelected }
            case .matches(let pattern):
                guard let text = decoded() else { return .skipped(.nonUTF8) }
                if !pattern.hasMatch(in: text) { return .notSelected }
            case .path, .repositoryHas:
                continue
            }
        }
        if !worksOnBytes, decoded() == nil { return .skipped(.nonUTF8) }
        return .selected
    }

    /// Whether `languages`, `files` and `when: path` select `path`; nil when that
    /// depends on a `#!` line not given.
    func selectsPath(_ path: String, firstLine: [UInt8]?) -> Bool? {
        guard recipe.files.selects(path) else { return false }
        for case .path(let glob) in recipe.conditions where !glob.matches(path) { return false }
        guard let languages else { return true }
        if let language = SourceLanguage.detect(path: path) { return languages.contains(language) }
        guard let firstLine else { return Self.mayHaveShebang(path) ? nil : false }
        guard let language = SourceLanguage.detect(path: path, firstLine: firstLine) else { return false }
        return languages.contains(language)
    }

    /// Only files without an extension are recognised by their `#!` line.
    private static func mayHaveShebang(_ path: String) -> Bool {
        let name = path.split(separator: "/").last ?? Substring(path)
        return !name.dropFirst().contains(".")
    }

    /// Whether every `repository_has` condition holds in `workspace`.
    func repositoryConditionsHold(in paths: [String]) -> Bool {
        for case .repositoryHas(let glob) in recipe.conditions where !paths.contains(where: glob.matches) {
            return false
        }
        return true
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
