internal import SparkEngine

/// `git diff --stat`-style lines for an ``ApplyReport``.
enum DiffStatText {
    static func lines(_ files: [ApplyReport.FileReport], width: Int = 40) -> [String] {
        guard !files.isEmpty else { return [] }
        let nameWidth = min(files.map(\.path.count).max() ?? 0, 60)
        let most = files.map { $0.added + $0.removed }.max() ?? 0
        var out = files.map { file -> String in
            let name = file.path.count > nameWidth ? "…" + file.path.suffix(nameWidth - 1) : file.path
            let padded = name + String(repeating: " ", count: max(0, nameWidth - name.count))
            if file.binary { return " \(padded) | Bin" }
            let total = file.added + file.removed
            let scale = most > width ? Double(width) / Double(most) : 1
            let plus = Int((Double(file.added) * scale).rounded(.up))
            let minus = Int((Double(file.removed) * scale).rounded(.up))
            return " \(padded) | \(total) " + String(repeating: "+", count: plus) + String(repeating: "-", count: minus)
        }
        let added = files.map(\.added).reduce(0, +)
        let removed = files.map(\.removed).reduce(0, +)
        out.append(
            " \(files.count) file\(files.count == 1 ? "" : "s") changed, "
                + "\(added) insertion\(added == 1 ? "" : "s")(+), \(removed) deletion\(removed == 1 ? "" : "s")(-)")
        for file in files where file.created { out.append(" create \(file.path)") }
        return out
    }
}
