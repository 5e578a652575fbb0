/// Makes every line end the same way.
///
/// Mirrors `mixed-line-ending` of pre-commit-hooks 6.0.0
/// (`pre_commit_hooks/mixed_line_ending.py`) byte for byte:
/// - only `\r\n`, `\n` and `\r` are line endings (`bytes.splitlines`);
/// - `auto` (the default) leaves a file with one kind of ending alone and
///   converts a mixed file to its most common ending; ties go to LF, then CRLF,
///   then CR;
/// - `lf`, `crlf` and `cr` convert any file that has an ending of another kind;
/// - `no` changes nothing and reports "mixed line endings" as a finding (`sparkctl fix`
///   prints `FILE: mixed line endings`, the line pre-commit-hooks prints);
/// - when a file is converted, a last line without an ending gets one too
///   (`_fix` appends the ending to every line from `splitlines(True)`).
package struct MixedLineEndingFixer: Fixer, Hashable {
    /// The `--fix` choice.
    package enum Mode: String, CaseIterable, Sendable, Hashable {
        case auto, lf, crlf, cr, no
    }

    package let mode: Mode

    package init(mode: Mode = .auto) { self.mode = mode }

    package func fix(_ bytes: [UInt8], path: String) -> FixResult {
        let counts = bytes.withUnsafeBufferPointer(LineEndingCounts.init)
        let target: LineEnding
        switch mode {
        case .no:
            return counts.isMixed ? FixResult(findings: [Finding(Messages.mixed)]) : .unchanged
        case .auto:
            guard counts.isMixed else { return .unchanged }
            target = counts.mostCommon
        case .lf, .crlf, .cr:
            target = mode == .lf ? .lf : mode == .crlf ? .crlf : .cr
            guard counts.total > counts[target] else { return .unchanged }
        }
        return FixResult(output: bytes.withUnsafeBufferPointer { Self.convert($0, to: target) })
    }

    /// Every line, including a last line without an ending, ends in `target`.
    private static func convert(_ p: UnsafeBufferPointer<UInt8>, to target: LineEnding) -> [UInt8] {
        let ending = target.bytes
        var output = [UInt8]()
        output.reserveCapacity(p.count + p.count / 8 + 2)
        var lineStart = 0
        var index = 0
        let count = p.count
        while index < count {
            let byte = p[index]
            if byte == 0x0A || byte == 0x0D {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: p[lineStart..<index]))
                output.append(contentsOf: ending)
                index &+= (byte == 0x0D && index &+ 1 < count && p[index &+ 1] == 0x0A) ? 2 : 1
                lineStart = index
            } else {
                index &+= 1
            }
        }
        if lineStart < count {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: p[lineStart..<count]))
            output.append(contentsOf: ending)
        }
        return output
    }

    enum Messages {
        static let mixed = "mixed line endings"
    }
}
