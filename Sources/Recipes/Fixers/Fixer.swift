/// A built-in, byte-exact file fixer (the program behind a `fix` step).
///
/// Fixers work on raw bytes, never on `String`s, so any content — invalid UTF-8,
/// lone CRs, NULs — passes through untouched except where the fixer's rule applies.
/// They must be cheap: a pre-commit hook runs them over thousands of files.
package protocol Fixer: Sendable {
    /// Returns the fixed bytes (or `nil` in `output` when nothing changed) and any findings.
    /// `path` is the file's repository-relative path; some fixers look at its extension.
    func fix(_ bytes: [UInt8], path: String) -> FixResult
}

/// What a fixer did to one file.
package struct FixResult: Sendable, Equatable {
    /// The new content, or `nil` when the content is unchanged.
    package var output: [UInt8]?
    /// Problems found that the fixer did not (or could not) fix.
    package var findings: [Finding]

    package init(output: [UInt8]? = nil, findings: [Finding] = []) {
        self.output = output
        self.findings = findings
    }

    /// Nothing to change, nothing to report.
    package static let unchanged = FixResult()

    package var changed: Bool { output != nil }

    /// The content after the fix: `output`, or `input` when unchanged.
    package func bytes(from input: [UInt8]) -> [UInt8] { output ?? input }
}

/// A problem a step reports about a file, e.g. "mixed line endings".
package struct Finding: Sendable, Hashable, CustomStringConvertible {
    package var message: String
    /// 1-based line the finding is about, when it is about one line.
    package var line: Int?

    package init(_ message: String, line: Int? = nil) {
        self.message = message
        self.line = line
    }

    package var description: String {
        if let line { return "line \(line): \(message)" }
        return message
    }
}
