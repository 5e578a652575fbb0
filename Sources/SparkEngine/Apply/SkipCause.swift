package import Recipes

/// Why a file was skipped, as the report spells it: a recipe's ``SkipReason`` (`binary`,
/// `non-utf8`, `too-large`, `symlink`, `submodule`, `lfs-pointer`) or the engine's own
/// `exceeds-context` (too large for one request of the profile's context window, and the
/// recipe's program may not be split at line boundaries; see ``LineLocality``).
package struct SkipCause: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible {
    package var rawValue: String

    package init(rawValue: String) { self.rawValue = rawValue }
    package init(_ reason: SkipReason) { rawValue = reason.rawValue }

    package static let exceedsContext = SkipCause(rawValue: "exceeds-context")

    package var description: String { rawValue }
}
