/// Which files keep Markdown hard line breaks (two trailing spaces) when trailing
/// whitespace is trimmed: the `--markdown-linebreak-ext` flag of pre-commit-hooks'
/// `trailing-whitespace`, with its normalisation and validation.
package struct MarkdownLinebreaks: Sendable, Hashable {
    /// Every file is treated as Markdown (an argument was exactly `*`).
    package var allFiles: Bool
    /// Normalised extensions: lower-cased, with exactly one leading dot (`".md"`).
    package var extensions: Set<String>

    /// The pre-commit-hooks default, when the flag is not given. No file is Markdown
    /// except — a quirk of Python, where `','.join([]).split(',')` is `['']` — names
    /// whose extension is a lone dot (`notes.`), which we mirror to stay byte-exact.
    package static let `default` = MarkdownLinebreaks(allFiles: false, extensions: ["."])

    package init(allFiles: Bool, extensions: Set<String>) {
        self.allFiles = allFiles
        self.extensions = extensions
    }

    /// Parses the flag's arguments as pre-commit-hooks 6.0.0 does: each argument may
    /// hold comma-separated extensions, a leading dot is optional, case is ignored,
    /// and an argument that is exactly `*` selects every file.
    ///
    /// Throws for an empty argument, and for an extension containing `.`, `/`, `\`
    /// or `:` after its leading dots (probably a file name eaten as the value).
    package init(arguments: [String]) throws(Problem) {
        if let index = arguments.firstIndex(of: "") { throw .emptyArgument(index: index) }
        allFiles = arguments.contains("*")
        // Python joins the arguments with "," and splits again: no arguments is one empty part.
        extensions = arguments.isEmpty ? ["."] : []
        for (index, argument) in arguments.enumerated() {
            for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
                let bare = part.lowercased().drop(while: { $0 == "." })
                if bare.contains(where: { "./\\:".contains($0) }) {
                    throw .probableFileName(extension: "." + bare, argumentIndex: index)
                }
                extensions.insert("." + bare)
            }
        }
    }

    /// Whether `path` is Markdown: `allFiles`, or its lower-cased extension (as
    /// `os.path.splitext(filename.lower())` computes it) is one of `extensions`.
    package func applies(toPath path: String) -> Bool {
        if allFiles { return true }
        if extensions.isEmpty { return false }
        return extensions.contains(PathExtension.of(path).lowercased())
    }

    /// Why a `markdown-linebreak-ext` value was rejected.
    package enum Problem: Error, Hashable, CustomStringConvertible {
        /// The argument at `index` is the empty string.
        case emptyArgument(index: Int)
        /// An extension such as `.x/y` that looks like a file name.
        case probableFileName(extension: String, argumentIndex: Int)

        package var description: String {
            switch self {
            case .emptyArgument: Messages.emptyArgument
            case .probableFileName(let ext, _): Messages.probableFileName(ext)
            }
        }

        package var argumentIndex: Int {
            switch self {
            case .emptyArgument(let index), .probableFileName(_, let index): index
            }
        }
    }

    enum Messages {
        static let emptyArgument = "markdown-linebreak-ext requires a non-empty argument"
        static func probableFileName(_ ext: String) -> String {
            "bad markdown-linebreak-ext extension '\(ext)' (has . / \\ :)"
        }
        static let probableFileNameHint = "list bare extensions such as 'md' or '.markdown', not file names"
    }
}
