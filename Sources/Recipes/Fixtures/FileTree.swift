import Foundation

/// A tree of files in memory, by repository-relative path (`src/app.py`): what a fixture's
/// `before/` or `after/` directory pretends a repository holds.
package struct FileTree: Sendable, Hashable {
    /// One entry of the tree.
    package enum Entry: Sendable, Hashable {
        /// A file with its bytes.
        case file([UInt8])
        /// A symbolic link with its target, as git stores it.
        case symlink(String)

        /// The file's bytes, or the link's target as bytes.
        package var bytes: [UInt8] {
            switch self {
            case .file(let bytes): bytes
            case .symlink(let target): Array(target.utf8)
            }
        }
    }

    package var entries: [String: Entry]

    package init(_ entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    /// Every path, sorted by bytes (the order git uses).
    package var paths: [String] { entries.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } }

    package subscript(path: String) -> Entry? {
        get { entries[path] }
        set { entries[path] = newValue }
    }

    /// Reads every file under `directory`, recursively, hidden ones included; symbolic links
    /// are recorded as links, not followed. Empty directories leave no trace (as in git).
    package static func read(directory: String) throws(RecipeError) -> FileTree {
        let manager = FileManager.default
        var tree = FileTree()
        var pending = [""]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? directory : directory + "/" + relative
            let names: [String]
            do {
                names = try manager.contentsOfDirectory(atPath: absolute)
            } catch {
                throw RecipeError(
                    .unreadable, "cannot list fixture directory: \(error.localizedDescription)", file: absolute,
                    hint: "check that the directory exists and is readable")
            }
            for name in names {
                let path = relative.isEmpty ? name : relative + "/" + name
                let full = directory + "/" + path
                let type = (try? manager.attributesOfItem(atPath: full)[.type]) as? FileAttributeType
                switch type {
                case .typeSymbolicLink?:
                    let target = (try? manager.destinationOfSymbolicLink(atPath: full)) ?? ""
                    tree[path] = .symlink(target)
                case .typeDirectory?:
                    pending.append(path)
                default:
                    guard let data = manager.contents(atPath: full) else {
                        throw RecipeError(
                            .unreadable, "cannot read fixture file", file: full,
                            hint: "check that the file is readable")
                    }
                    tree[path] = .file(Array(data))
                }
            }
        }
        return tree
    }
}
