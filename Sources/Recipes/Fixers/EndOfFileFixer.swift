/// Makes a file end in exactly one line ending.
///
/// Mirrors `end-of-file-fixer` of pre-commit-hooks 6.0.0
/// (`pre_commit_hooks/end_of_file_fixer.py`, `fix_file`) byte for byte:
/// - an empty file stays empty;
/// - a file whose last byte is neither `\n` nor `\r` gets `\n` appended;
/// - a file made only of `\n` and `\r` bytes becomes empty;
/// - otherwise the run of `\n`/`\r` bytes at the end is cut after its first
///   line ending, tried in the order `\n`, `\r\n`, `\r` (so `"a\r\n\r\n"` →
///   `"a\r\n"`, `"a\r\r"` → `"a\r"`, `"a\n\r"` → `"a\n"`).
package struct EndOfFileFixer: Fixer, Hashable {
    package init() {}

    package func fix(_ bytes: [UInt8], path: String) -> FixResult {
        guard let last = bytes.last else { return .unchanged }
        guard Self.isBreak(last) else { return FixResult(output: bytes + [0x0A]) }
        // The start of the trailing run of line-break bytes.
        var position = bytes.count - 1
        while position > 0, Self.isBreak(bytes[position - 1]) { position -= 1 }
        if position == 0 { return FixResult(output: []) }
        let remaining = bytes.count - position
        let first = bytes[position]
        let keep: Int
        if first == 0x0A {
            keep = 1
        } else if remaining >= 2, bytes[position + 1] == 0x0A {
            keep = 2  // "\r\n"
        } else {
            keep = 1  // "\r"
        }
        if remaining == keep { return .unchanged }
        return FixResult(output: Array(bytes[..<(position + keep)]))
    }

    @inline(__always)
    private static func isBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
}
