/// File-name extensions computed exactly as Python's `os.path.splitext` on POSIX.
enum PathExtension {
    /// The extension of `path` including its dot (`"a/b.MD"` → `".MD"`), or `""`.
    ///
    /// Like `posixpath.splitext`: only the last path component counts, leading dots
    /// of a name do not start an extension (`".md"` and `"..md"` have none), and a
    /// trailing dot is an extension of its own (`"notes."` → `"."`).
    static func of(_ path: String) -> String {
        let utf8 = path.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return "" }
        var nameStart = utf8.startIndex
        if let slash = utf8.lastIndex(of: UInt8(ascii: "/")) {
            guard slash < dot else { return "" }
            nameStart = utf8.index(after: slash)
        }
        // The name must have a byte other than "." before the dot.
        guard utf8[nameStart..<dot].contains(where: { $0 != UInt8(ascii: ".") }) else { return "" }
        return String(decoding: utf8[dot...], as: UTF8.self)
    }
}
