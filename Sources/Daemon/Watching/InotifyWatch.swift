internal import Foundation
internal import Glibc
internal import Synchronization

/// Wakes the ref watcher when a repository's ref storage changes on disk.
///
/// Watches, per repository, the git common directory (`packed-refs` renamed into place, `refs`
/// created or removed, the directory itself deleted), `refs`, and `refs/heads` with every
/// subdirectory (branch names with `/`), adding watches for subdirectories created later.
/// `*.lock` files are ignored: git writes `X.lock` and renames it to `X`, and the rename is what
/// counts. It only wakes; what changed is always re-read through libgit2.
///
/// The inotify descriptor is read on a dedicated thread blocked in `poll(2)`, never on Swift's
/// cooperative pool; ``stop()`` wakes it through a pipe so it exits promptly.
package final class InotifyWatch: Sendable {
    private enum Role: Sendable {
        /// The git common directory: only `packed-refs`, `refs` and the directory itself matter.
        case commonDirectory
        /// `<common>/refs`: only `heads` matters.
        case refs
        /// `<common>/refs/heads` or one of its subdirectories: every non-lock entry matters.
        case heads
    }

    private struct State: Sendable {
        var directories: [Int32: (path: String, role: Role)] = [:]
        var watches: [String: Int32] = [:]
        var stopped = false
    }

    private let inotify: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let state = Mutex(State())
    private let onChange: @Sendable () -> Void

    private static let changeMask: UInt32 =
        0x0000_0008 /* IN_CLOSE_WRITE */ | 0x0000_0040 /* IN_MOVED_FROM */ | 0x0000_0080 /* IN_MOVED_TO */
        | 0x0000_0100 /* IN_CREATE */ | 0x0000_0200 /* IN_DELETE */ | 0x0000_0400 /* IN_DELETE_SELF */
        | 0x0000_0800 /* IN_MOVE_SELF */ | 0x0100_0000 /* IN_ONLYDIR */
    private static let inCreate: UInt32 = 0x0000_0100
    private static let inMovedTo: UInt32 = 0x0000_0080
    private static let selfEvents: UInt32 = 0x0000_0400 | 0x0000_0800
    private static let inQueueOverflow: UInt32 = 0x0000_4000
    private static let inIgnored: UInt32 = 0x0000_8000
    private static let inIsDirectory: UInt32 = 0x4000_0000

    /// Starts the reader thread. `onChange` is called on that thread, once per batch of relevant
    /// events; it must return quickly.
    package init(onChange: @escaping @Sendable () -> Void) throws(InotifyError) {
        let fd = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        guard fd >= 0 else { throw Self.error("inotify_init1") }
        var pipeFDs: [Int32] = [0, 0]
        guard pipe(&pipeFDs) == 0 else {
            let error = Self.error("pipe")
            close(fd)
            throw error
        }
        for pipeFD in pipeFDs {
            _ = fcntl(pipeFD, F_SETFD, FD_CLOEXEC)
            _ = fcntl(pipeFD, F_SETFL, fcntl(pipeFD, F_GETFL) | O_NONBLOCK)
        }
        inotify = fd
        wakeRead = pipeFDs[0]
        wakeWrite = pipeFDs[1]
        self.onChange = onChange
        let thread = Thread { [self] in readLoop() }
        thread.name = "sparkd.inotify"
        thread.start()
    }

    /// Watches the ref storage of the repository whose common directory is `commonDirectory`.
    /// Cheap to call again after every scan: existing watches are kept, missing ones (a
    /// directory re-created since) are added.
    package func watchRepository(commonDirectory: String) throws(InotifyError) {
        let common = commonDirectory.hasSuffix("/") ? String(commonDirectory.dropLast()) : commonDirectory
        try addTree(common, role: .commonDirectory)
    }

    /// Stops the reader thread and closes the descriptor (which drops every watch). Idempotent.
    package func stop() {
        let first = state.withLock { state in
            defer { state.stopped = true }
            return !state.stopped
        }
        guard first else { return }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
        close(wakeWrite)
    }

    /// Adds `path` with `role`, then what lies below it that matters.
    private func addTree(_ path: String, role: Role) throws(InotifyError) {
        guard try add(path, role: role) else { return }
        switch role {
        case .commonDirectory:
            try addTree(path + "/refs", role: .refs)
        case .refs:
            try addTree(path + "/heads", role: .heads)
        case .heads:
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                var isDirectory: ObjCBool = false
                let child = path + "/" + entry
                if FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory.boolValue {
                    try addTree(child, role: .heads)
                }
            }
        }
    }

    /// Adds one watch; false when the directory does not exist (nothing to watch yet).
    private func add(_ path: String, role: Role) throws(InotifyError) -> Bool {
        let result: Result<Bool, InotifyError> = state.withLock { state in
            guard !state.stopped else { return .success(false) }
            let wd = inotify_add_watch(inotify, path, Self.changeMask)
            guard wd >= 0 else {
                if errno == ENOENT || errno == ENOTDIR { return .success(false) }
                return .failure(Self.error("inotify_add_watch \(path)"))
            }
            state.directories[wd] = (path, role)
            state.watches[path] = wd
            return .success(true)
        }
        return try result.get()
    }

    private func readLoop() {
        var fds = [
            pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
        ]
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 8)
        defer {
            buffer.deallocate()
            close(inotify)
            close(wakeRead)
        }
        while true {
            let ready = poll(&fds, 2, 1000)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if fds[1].revents != 0 || state.withLock({ $0.stopped }) { return }
            if fds[0].revents & Int16(POLLIN) != 0, drain(buffer) { onChange() }
        }
    }

    /// Reads every pending event; true when any of them may have changed a watched ref.
    private func drain(_ buffer: UnsafeMutableRawBufferPointer) -> Bool {
        var relevant = false
        while true {
            let count = read(inotify, buffer.baseAddress, buffer.count)
            guard count > 0 else { return relevant }
            var offset = 0
            while offset + 16 <= count {
                let wd = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = UnsafeRawBufferPointer(rebasing: buffer[(offset + 16)..<(offset + 16 + length)])
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += 16 + length
                if handle(wd: wd, mask: mask, name: name) { relevant = true }
            }
        }
    }

    private func handle(wd: Int32, mask: UInt32, name: String) -> Bool {
        if mask & Self.inQueueOverflow != 0 { return true }
        if mask & Self.inIgnored != 0 {
            state.withLock { state in
                if let entry = state.directories.removeValue(forKey: wd), state.watches[entry.path] == wd {
                    state.watches[entry.path] = nil
                }
            }
            return false
        }
        guard let entry = state.withLock({ $0.directories[wd] }) else { return false }
        let (path, role) = entry
        if mask & Self.selfEvents != 0 { return true }
        let createdDirectory = mask & Self.inIsDirectory != 0 && mask & (Self.inCreate | Self.inMovedTo) != 0
        switch role {
        case .commonDirectory:
            if name == "refs", createdDirectory { try? addTree(path + "/refs", role: .refs) }
            return name == "packed-refs" || name == "refs"
        case .refs:
            if name == "heads", createdDirectory { try? addTree(path + "/heads", role: .heads) }
            return name == "heads"
        case .heads:
            if name.hasSuffix(".lock") { return false }
            // Watch a new `feature/` before the rescan this event causes, so a ref written into
            // it after that rescan still wakes us.
            if createdDirectory { try? addTree(path + "/" + name, role: .heads) }
            return true
        }
    }

    private static func error(_ operation: String) -> InotifyError {
        let code = errno
        return InotifyError(operation: operation, errno: code, message: String(cString: strerror(code)))
    }
}
