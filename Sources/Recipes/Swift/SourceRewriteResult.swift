/// What a ``SourceRewriter`` did to one file.
package struct SourceRewriteResult: Sendable, Hashable {
    /// The new content, or nil when the file is unchanged.
    package var output: [UInt8]?
    /// What was left alone and why.
    package var findings: [Finding]

    package init(output: [UInt8]?, findings: [Finding] = []) {
        self.output = output
        self.findings = findings
    }

    /// Nothing changed, nothing to report.
    package static let unchanged = SourceRewriteResult(output: nil)
}
