/// The built-in fixers a `fix` step can name.
package enum FixerName: String, CaseIterable, Sendable, Hashable, Comparable {
    case endOfFile = "end-of-file"
    case licenseHeader = "license-header"
    case mixedLineEnding = "mixed-line-ending"
    case trailingWhitespace = "trailing-whitespace"

    package static func < (lhs: FixerName, rhs: FixerName) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The option keys the fixer accepts under a step's `with`.
    package var optionKeys: [String] {
        switch self {
        case .endOfFile: []
        case .licenseHeader: ["text"]
        case .mixedLineEnding: ["fix"]
        case .trailingWhitespace: ["chars", "markdown-linebreak-ext"]
        }
    }

    /// Options that must be given.
    package var requiredOptionKeys: [String] {
        self == .licenseHeader ? ["text"] : []
    }

    /// Options that take a list (or a single string) rather than a string.
    package var listOptionKeys: [String] {
        self == .trailingWhitespace ? ["markdown-linebreak-ext"] : []
    }

    /// Whether the fixer reads text (and so skips files that are not UTF-8) rather than
    /// working on any bytes.
    package var requiresText: Bool { self == .licenseHeader }

    /// Whether the fixer depends on parameter values even without `{{…}}` in its
    /// options (license-header: the built-in `year`).
    package var usesParameters: Bool { self == .licenseHeader }
}

/// A built-in fixer together with its options: what a `fix` step runs.
package enum FixerConfiguration: Sendable, Hashable {
    case endOfFile(EndOfFileFixer)
    case licenseHeader(LicenseHeaderFixer)
    case mixedLineEnding(MixedLineEndingFixer)
    case trailingWhitespace(TrailingWhitespaceFixer)

    package var name: FixerName {
        switch self {
        case .endOfFile: .endOfFile
        case .licenseHeader: .licenseHeader
        case .mixedLineEnding: .mixedLineEnding
        case .trailingWhitespace: .trailingWhitespace
        }
    }

    package var fixer: any Fixer {
        switch self {
        case .endOfFile(let fixer): fixer
        case .licenseHeader(let fixer): fixer
        case .mixedLineEnding(let fixer): fixer
        case .trailingWhitespace(let fixer): fixer
        }
    }

    /// The fixer with its default options (license-header: an empty text, which
    /// changes nothing).
    package init(defaultFor name: FixerName) {
        switch name {
        case .endOfFile: self = .endOfFile(EndOfFileFixer())
        case .licenseHeader: self = .licenseHeader(LicenseHeaderFixer(text: "", year: 0))
        case .mixedLineEnding: self = .mixedLineEnding(MixedLineEndingFixer())
        case .trailingWhitespace: self = .trailingWhitespace(TrailingWhitespaceFixer())
        }
    }
}
