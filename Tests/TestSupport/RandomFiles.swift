import Foundation

/// A file for the differential tests: a relative path and its bytes.
public struct SampleFile: Sendable {
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// Pseudo-random files that stress the fixers' edge cases: lone CRs, CRLFs,
/// vertical tabs, form feeds, invalid UTF-8 (0xff, a lone 0xc3), files without a
/// final newline, empty files and Markdown-looking names. Shared by the differential tests of the
/// fixers (in process) and of `sparkctl fix` (the built binary), which compare both with
/// pre-commit-hooks.
public enum RandomFiles {
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
    public static let fixed: [[UInt8]] = [
        [], [0x0A], [0x0D], [0x0D, 0x0A], [0x0A, 0x0A], [0x0D, 0x0D], [0x0A, 0x0D], [0x61], [0x61, 0x0D],
        [0x61, 0x20], [0x20], [0x20, 0x20, 0x0A], [0x61, 0x20, 0x20, 0x0A], [0x61, 0x20, 0x20, 0x20, 0x0D, 0x0A],
        [0x61, 0x20, 0x20], [0x61, 0x0B, 0x20, 0x20, 0x0A], [0x0C, 0x20, 0x20, 0x0A], [0xFF, 0x20, 0x20, 0x0D],
        [0x61, 0x0D, 0x0A, 0x62, 0x0A, 0x63], [0x61, 0x0D, 0x62, 0x0D, 0x0A, 0x63, 0x0A, 0x64],
        [0x61, 0x0A, 0x0A, 0x0D, 0x0A], [0x61, 0x0D, 0x0A, 0x0D], [0xC3, 0xA9, 0x20, 0x0A],
        // Tabs and spaces in both orders, for --chars with one of them; a tab before a hard break.
        [0x61, 0x09, 0x20, 0x0A], [0x61, 0x20, 0x09, 0x0A], [0x61, 0x09, 0x20, 0x20, 0x0A], [0x61, 0x20, 0x20, 0x09, 0x0D, 0x0A],
        // Only whitespace, with and without line endings; a lone CR inside a line.
        [0x20, 0x09, 0x0D, 0x0A, 0x20, 0x0A], [0x09, 0x09], [0x61, 0x20, 0x0D, 0x62, 0x20, 0x0A],
    ]

    /// `fixed` plus `count` random files, named `f0000…` with random suffixes; a
    /// few sit in directories whose own name looks like Markdown, or are dot files.
    public static func generate(seed: UInt64, count: Int) -> [SampleFile] {
        var rng = SplitMix64(seed: seed)
        var contents = fixed
        for _ in 0..<count {
            let alphabet = alphabets.randomElement(using: &rng)!
            let length =
                Int.random(in: 0..<8, using: &rng) == 0
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

    /// Writes `samples` under `root`, creating directories only for the few nested paths.
    /// (File creation dominates the differential tests' time: ~1 ms per file on a slow disk.)
    public static func write(_ samples: [SampleFile], into root: String) throws {
        for sample in samples {
            let path = root + "/" + sample.path
            if sample.path.contains("/") {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            }
            guard FileManager.default.createFile(atPath: path, contents: Data(sample.bytes)) else {
                throw CommandError(command: ["write", path], status: 1, stdout: "", stderr: "cannot write \(path)")
            }
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
