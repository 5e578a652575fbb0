internal import Recipes
internal import SwiftSyntax

/// A rewriter written as passes that propose edits on a parsed file: the driver applies
/// them, parses the result again and repeats until a pass proposes nothing, so edits
/// nested inside each other (an assertion inside an assertion's closure) all land and
/// the result is idempotent.
protocol EditingPass {
    /// The edits for one pass over `source`, and what to report.
    func edits(in source: SourceText) -> (edits: [SourceEdit], findings: [Finding])
}

extension EditingPass {
    /// Runs passes to a fixed point. A file that does not parse is left alone with a
    /// finding; so is a result that would not parse (a bug in the rewriter, reported).
    func run(_ bytes: [UInt8], path: String, maximumPasses: Int = 8) -> SourceRewriteResult {
        var source = SourceText(bytes)
        if source.hasErrors {
            return SourceRewriteResult(
                output: nil, findings: [Finding("\(path) does not parse as Swift; left unchanged")])
        }
        var findings: [Finding] = []
        var changed = false
        for _ in 0..<maximumPasses {
            let (edits, passFindings) = edits(in: source)
            for finding in passFindings where !findings.contains(where: { $0.message == finding.message }) {
                findings.append(finding)
            }
            guard let output = source.applying(edits) else { break }
            let next = SourceText(output)
            if next.hasErrors {
                findings.append(Finding("rewriting \(path) would break its syntax; left unchanged (please report)"))
                return SourceRewriteResult(output: nil, findings: findings)
            }
            source = next
            changed = true
        }
        return SourceRewriteResult(output: changed ? source.bytes : nil, findings: findings)
    }
}
