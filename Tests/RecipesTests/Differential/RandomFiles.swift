import TestSupport
/// A file for the differential tests: a relative path and its bytes.
struct SampleFile: Sendable {
    let path: String
    let bytes: [UInt8]
}

/// Pseudo-random files that stress the fixers' edge cases: lone CRs, CRLFs,
/// vertical tabs, form feeds, invalid UTF-8 (0xff, a lone 0xc3), files without a
/// final newline, empty files and Markdown-looking names.
enum RandomFiles {
    static let alphabets: [[UInt8]] = [
        [0x61, 0x20, 0x0A],  // a, space, LF
        [0x61, 0x20, 0x09, 0x0D, 0x0A],  // + tab, CR
        [0x61, 0x20, 0x09, 0x0D, 0x0A, 0x0B, 0x0C, 0xFF, 0xC3],  // everything
        [0x20, 0x09, 0x0D, 0x0A, 0x0B, 0x0C],  // whitespace only
        [0x61, 0x0D, 0x0A],  // line endings
        [0x61, 0x20, 0x0A, 0xC3, 0xA9, 0xFF],  // bytes of "é" for --chars
    ]

    static let suffixes = ["", ".md", ".MD", ".Md", ".markdown", ".txt", ".swift", "."]

    /// Hand-picked files every run includes.
    static let fixed: [[UInt8]] = [
        [], [0x0A], [0x0D], [0x0D, 0x0A], [0x0A, 0x0A], [0x0D, 0x0D], [0x0A, 0x0D], [0x61], [0x61, 0x0D],
        [0x61, 0x20], [0x20], [0x20, 0x20, 0x0A], [0x61, 0x20, 0x20, 0x0A], [0x61, 0x20, 0x20, 0x20, 0x0D, 0x0A],
        [0x61, 0x20, 0x20], [0x61, 0x0B, 0x20, 0x20, 0x0A], [0x0C, 0x20, 0x20, 0x0A], [0xFF, 0x20, 0x20, 0x0D],
        [0x61, 0x0D, 0x0A, 0x62, 0x0A, 0x63], [0x61, 0x0D, 0x62, 0x0D, 0x0A, 0x63, 0x0A, 0x64],
        [0x61, 0x0A, 0x0A, 0x0D, 0x0A], [0x61, 0x0D, 0x0A, 0x0D], [0xC3, 0xA9, 0x20, 0x0A],
    ]

    /// `fixed` plus `count` random files, named `f0000…` with random suffixes; a
    /// few sit in directories whose own name looks like Markdown, or are dot files.
    static func generate(seed: UInt64, count: Int) -> [SampleFile] {
        var rng = SplitMix64(seed: seed)
        var contents = fixed
        for _ in 0..<count {
            let alphabet = alphabets.randomElement(using: &rng)!
            let length = Int.random(in: 0..<8, using: &rng) == 0
                ? Int.random(in: 0...3, using: &rng) : Int.random(in: 4...120, using: &rng)
            contents.append((0..<length).map { _ in alphabet.randomElement(using: &rng)! })
        }
        return contents.enumerated().map { index, bytes in
            let name = String(index).leftPadded(to: 4)
            let path: String
            switch Int.random(in: 0..<20, using: &rng) {
            case 0: path = "d\(name).md/f\(name)"
            case 1: path = "d\(name)/.md"
            default: path = "f\(name)" + suffixes.randomElement(using: &rng)!
            }
            return SampleFile(path: path, bytes: bytes)
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
