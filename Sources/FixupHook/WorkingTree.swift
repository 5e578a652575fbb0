internal import Foundation
internal import GitKit

/// The working files ``StagedFixup`` reads and replaces, through POSIX calls. With Foundation
/// (`Data(contentsOf:)`, `Data.write`, which fsyncs, `URL.resolvingSymlinksInPath` of the root
/// and the parent for every file) fixing 1,000 files made 95,000 system calls and took 0.8 s;
/// a commit waits for every one of them.
struct WorkingTree {
    /// What identifies one version of a file: if any of it changed, so may have the bytes.
    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: timespec
        var changed: timespec
        var mode: UInt32

        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            size = Int64(status.st_size)
            modified = status.st_mtim
            changed = status.st_ctim
            mode = UInt32(status.st_mode)
        }

        static func == (a: Identity, b: Identity) -> Bool {
            a.device == b.device && a.inode == b.inode && a.size == b.size && a.mode == b.mode
                && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
                && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
        }
    }

    struct File {
        var bytes: [UInt8]
        var identity: Identity
    }

    /// The working tree's root, ending in `/`.
    let root: String
    private let realRoot: String?
    /// Whether each directory seen so far resolves to a place inside the real root.
    private var directoryInside: [Substring: Bool] = [:]
    /// The process's umask, which `open` applies to a new file's mode.
    private let umask: mode_t

    init(root: String) {
        self.root = root.hasSuffix("/") ? root : root + "/"
        realRoot = Self.realPath(self.root).map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        let mask = Foundation.umask(0o022)
        Foundation.umask(mask)
        umask = mask
    }

    /// The regular file at `path` (relative to the root), or nil when there is none, it is a
    /// symbolic link, or a directory on its way became a link that leads out of the tree.
    mutating func file(_ path: String) -> File? {
        guard isInside(directoryOf: path) else { return nil }
        let descriptor = open(root + path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        guard let bytes = FileDescriptorIO.readAll(descriptor, capacity: Int(status.st_size)) else { return nil }
        return File(bytes: bytes, identity: Identity(status))
    }

    /// Replaces the file at `path` with `bytes` — a temporary file beside it with the same mode,
    /// renamed over it, so a crash or a full disk leaves the old content or the new, never half —
    /// unless it is no longer the version `expected`. Like git's checkout it does not fsync: the
    /// index already holds the fix. Returns what went wrong, or nil.
    func replace(_ path: String, with bytes: [UInt8], expected: Identity) -> String? {
        let full = root + path
        let slash = full.lastIndex(of: "/")!
        let temporary = String(full[...slash]) + "." + full[full.index(after: slash)...] + ".sparkd-\(getpid())"
        let mode = mode_t(expected.mode & 0o7777)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { return "cannot write \(path) (\(Self.lastError)): its working copy was left unfixed" }
        var problem: String?
        if !FileDescriptorIO.writeAll(descriptor, bytes) {
            problem = "cannot write \(path) (\(Self.lastError)): its working copy was left unfixed"
        }
        if problem == nil, mode & umask != 0, fchmod(descriptor, mode) != 0 {
            problem = "cannot set the mode of \(path) (\(Self.lastError)): its working copy was left unfixed"
        }
        close(descriptor)
        if problem == nil {
            var status = stat()
            if lstat(full, &status) != 0 || Identity(status) != expected {
                problem = "\(path) changed while sparkd was fixing it: its working copy was left as it is"
            } else if rename(temporary, full) != 0 {
                problem = "cannot replace \(path) (\(Self.lastError)): its working copy was left unfixed"
            }
        }
        if problem != nil { unlink(temporary) }
        return problem
    }

    /// Writes `bytes` over the file at `path` in place (no new inode), unless it is no longer the
    /// version `expected` (checked on the opened file). For a file whose content the index also
    /// holds — one that equalled the staged content, now fixed in the index — a crash half-way
    /// loses nothing: `git checkout -- PATH` brings the fixed content back. A file with unstaged
    /// edits is ``replace(_:with:expected:)``d instead. Why not always replace: renaming over
    /// a file makes ext4 free the old inode and, with `discard`, wait for the device to trim its
    /// blocks — 0.1 ms per file as measured, two thirds of fixing 1,000 files. Returns what went wrong.
    func overwrite(_ path: String, with bytes: [UInt8], expected: Identity) -> String? {
        let descriptor = open(root + path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return "cannot write \(path) (\(Self.lastError)): its working copy was left unfixed" }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, Identity(status) == expected else {
            return "\(path) changed while sparkd was fixing it: its working copy was left as it is"
        }
        guard FileDescriptorIO.writeAll(descriptor, bytes) else {
            return "cannot write \(path) (\(Self.lastError)): restore it with git checkout -- \(path)"
        }
        if Int64(bytes.count) < Int64(status.st_size), ftruncate(descriptor, off_t(bytes.count)) != 0 {
            return "cannot write \(path) (\(Self.lastError)): restore it with git checkout -- \(path)"
        }
        return nil
    }

    /// Never read or write through a directory that became a symbolic link out of the tree since
    /// it was staged; each directory is resolved once.
    private mutating func isInside(directoryOf path: String) -> Bool {
        guard let slash = path.lastIndex(of: "/") else { return true }
        let directory = path[..<slash]
        if let known = directoryInside[directory] { return known }
        let inside = realRoot.map { realRoot in Self.realPath(root + directory).map { ($0 + "/").hasPrefix(realRoot) } ?? false } ?? false
        directoryInside[directory] = inside
        return inside
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static var lastError: String { String(cString: strerror(errno)) }
}
