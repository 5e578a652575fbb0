internal import GitKit

/// Stable review-branch names: `spark/<slug>` for the recipes of a job, so the same job on a new
/// base regenerates the same branch (as Renovate and Batch Changes do).
package enum ReviewBranchName {
    package static let defaultPrefix = "spark/"

    /// `fixup/trailing-whitespace` → `spark/fixup-trailing-whitespace`; several recipes are joined
    /// with `+` in the order given. Names past 100 characters keep the first slug (its first 80
    /// characters), a count of the others, and the first 8 hex digits of the SHA-1 of the ids, so
    /// two long lists that share their first recipe and their length get branches of their own
    /// (until 2026-12-07 such names ended `+N-more`; a branch named so is left as it is).
    package static func forRecipes(_ ids: [String], prefix: String = defaultPrefix) -> String {
        let slugs = ids.map(slug)
        var name = slugs.joined(separator: "+")
        if name.count > 100, let first = slugs.first {
            name = String(first.prefix(80)) + (slugs.count > 1 ? "+\(slugs.count - 1)-more" : "") + "-" + shortHash(ids.joined(separator: "\n"))
        }
        return prefix + name
    }

    /// The first 8 hex digits of the SHA-1 of `text`'s UTF-8: what tells apart names that
    /// slugging or truncation made equal.
    package static func shortHash(_ text: String) -> String {
        var hash = SHA1()
        hash.update(Array(text.utf8))
        return String(ObjectID(bytes: hash.finish()).description.prefix(8))
    }

    /// Lowercase letters, digits, `.`, `_` and `-`; everything else becomes `-`, runs collapse.
    package static func slug(_ id: String) -> String {
        var out = ""
        for scalar in id.lowercased().unicodeScalars {
            let keep = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "."
            if keep {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("-") {
                out.append("-")
            }
        }
        return out.trimmingDashes()
    }
}

extension String {
    fileprivate func trimmingDashes() -> String {
        var slice = Substring(self)
        while slice.hasPrefix("-") || slice.hasPrefix(".") { slice = slice.dropFirst() }
        while slice.hasSuffix("-") || slice.hasSuffix(".") { slice = slice.dropLast() }
        return String(slice)
    }
}
