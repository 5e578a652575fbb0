/// The built-in fixers a `fix` step can name.
package enum FixerName: String, CaseIterable, Sendable, Hashable, Comparable {
    case endOfFile = "end-of-file"
    case mixedLineEnding = "mixed-line-ending"
    case trailingWhitespace = "trailing-whitespace"

    package static func < (lhs: FixerName, rhs: FixerName) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The option keys the fixer accepts under a step's `with`.
    package var optionKeys: [String] {
        switch self {
        case .endOfFile: []
        case .mixedLineEnding: ["fix"]
        case .trailingWhitespace: ["chars", "markdown-linebreak-ext"]
        }
    }
}

/// A built-in fixer together with its options: what a `fix` step runs.
package enum FixerConfiguration: Sendable, Hashable {
    case endOfFile(EndOfFileFixer)
    case mixedLineEnding(MixedLineEndingFixer)
    case trailingWhitespace(TrailingWhitespaceFixer)

    package var name: FixerName {
        switch self {
        case .endOfFile: .endOfFile
        case .mixedLineEnding: .mixedLineEnding
        case .trailingWhitespace: .trailingWhitespace
        }
    }

    package var fixer: any Fixer {
        switch self {
        case .endOfFile(let fixer): fixer
        case .mixedLineEnding(let fixer): fixer
        case .trailingWhitespace(let fixer): fixer
        }
    }

    /// The fixer with its default options.
    package init(defaultFor name: FixerName) {
        switch name {
        case .endOfFile: self = .endOfFile(EndOfFileFixer())
        case .mixedLineEnding: self = .mixedLineEnding(MixedLineEndingFixer())
        case .trailingWhitespace: self = .trailingWhitespace(TrailingWhitespaceFixer())
        }
    }
}
