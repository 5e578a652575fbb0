/// Stable review-branch names: `spark/<slug>` for the recipes of a job, so the same job on a new
/// base regenerates the same branch (as Renovate and Batch Changes do).
package enum ReviewBranchName {
    package static let defaultPrefix = "spark/"

    /// `fixup/trailing-whitespace` → `spark/fixup-trailing-whitespace`; several recipes are joined
    /// with `+` in the order given. Names past 100 characters keep the first slug and a count.
    package static func forRecipes(_ ids: [String], prefix: String = defaultPrefix) -> String {
        let slugs = ids.map(slug)
        var name = slugs.joined(separator: "+")
        if name.count > 100, let first = slugs.first {
            name = "\(first)+\(slugs.count - 1)-more"
        }
        return prefix + name
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
