/// Why a recipe left a file it would otherwise have worked on alone; reported (in
/// commit messages and `--json`) so that nobody wonders why a file did not change.
package enum SkipReason: String, CaseIterable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// A NUL byte in the first 8,000 bytes (git's rule).
    case binary
    /// Not valid UTF-8, for a recipe (or step) that edits text: regex, rewrite,
    /// license-header. Byte-level fixers run on any bytes.
    case nonUTF8 = "non-utf8"
    /// Larger than the recipe's `files.max_size`.
    case tooLarge = "too-large"
    case symlink
    case submodule
    /// A Git LFS pointer (`version https://git-lfs.github.com/spec/v1`), not the content.
    case lfsPointer = "lfs-pointer"

    package var description: String { rawValue }

    /// The first line of every Git LFS pointer file.
    static let lfsPointerPrefix = Array("version https://git-lfs.github.com/spec/v1".utf8)
}

/// Whether a recipe works on a file.
package enum FileSelection: Sendable, Hashable {
    /// The recipe's per-file steps run on it.
    case selected
    /// Not the recipe's business (`languages`, `files`, `when`): not touched, not reported.
    case notSelected
    /// The recipe would work on it but must not: reported with the reason.
    case skipped(SkipReason)

    package var isSelected: Bool { self == .selected }

    package var skipReason: SkipReason? {
        if case .skipped(let reason) = self { return reason }
        return nil
    }
}
