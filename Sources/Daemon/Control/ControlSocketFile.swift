internal import ControlAPI
internal import Foundation

/// The socket file's life around the server: its directory (0700 when sparkd makes it), a stale
/// file from a killed daemon removed, a live daemon's never touched, and mode 0600 once bound.
///
/// A socket is created with the process umask, so between bind and chmod another user could
/// connect if the directory lets them. To leave no such window the server binds inside a private
/// (0700) staging directory next to the socket, restricts the socket to 0600 there, and only then
/// renames it into place (same filesystem, atomic; connections follow the inode).
enum ControlSocketFile {
    /// Where to bind: a path in a fresh 0700 staging directory beside `path`, or `path` itself
    /// when the staging path would not fit in `sun_path` (108 bytes).
    static func bindPath(for path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        let staging = (directory as NSString).appendingPathComponent(".sparkd-bind.\(getpid())")
        let candidate = staging + "/s.sock"
        guard candidate.utf8.count < 104 else { return path }
        try? FileManager.default.removeItem(atPath: staging)
        do {
            try FileManager.default.createDirectory(
                atPath: staging, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            return path
        }
        return candidate
    }

    /// Restricts the bound socket to 0600 and moves it to `path` (removing the staging directory).
    static func publish(boundAt bound: String, as path: String) throws {
        try restrict(bound)
        guard bound != path else { return }
        guard rename(bound, path) == 0 else {
            throw ControlServerError(
                .unusablePath, "cannot move the control socket into place at '\(path)': \(String(cString: strerror(errno)))",
                socketPath: path)
        }
        removeStaging(of: bound, for: path)
    }

    static func removeStaging(of bound: String, for path: String) {
        guard bound != path else { return }
        remove(bound)
        try? FileManager.default.removeItem(atPath: (bound as NSString).deletingLastPathComponent)
    }

    /// Makes the directory and clears the way for binding `path`, or says why not.
    static func prepare(_ path: String) throws(ControlServerError) {
        let directory = (path as NSString).deletingLastPathComponent
        let files = FileManager.default
        if !directory.isEmpty, !files.fileExists(atPath: directory) {
            do {
                try files.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw ControlServerError(
                    .unusablePath, "cannot create the socket directory '\(directory)': \(error.localizedDescription)",
                    socketPath: path, hint: "create it (mode 0700, owned by sparkd's user) or set `socket:` in sparkd.yml")
            }
        }
        guard let attributes = try? files.attributesOfItem(atPath: path) else { return }
        guard attributes[.type] as? FileAttributeType == .typeSocket else {
            throw ControlServerError(
                .unusablePath, "'\(path)' exists and is not a socket; sparkd will not replace it", socketPath: path,
                hint: "move the file away or set `socket:` in sparkd.yml to another path")
        }
        do {
            _ = try ControlClient(socketPath: path, timeout: 2).send("GET", ControlAPIVersion.pathPrefix + "/status")
        } catch  where error.code == .noDaemon {
            // Left by a daemon that died: nothing listens, so it is safe to replace.
            try? files.removeItem(atPath: path)
            return
        } catch  where error.code == .permissionDenied {
            throw ControlServerError(
                .alreadyRunning, "the socket '\(path)' belongs to another user's sparkd", socketPath: path,
                hint: "stop that daemon, or give this one its own `socket:` or `state_dir:`")
        } catch {
            // A timeout or a garbled reply: something is alive there. Do not take its socket.
        }
        throw ControlServerError(
            .alreadyRunning, "another sparkd is already answering on '\(path)'", socketPath: path,
            hint: "stop it first (systemctl stop sparkd), or give this one its own `socket:` or `state_dir:`")
    }

    /// Only sparkd's user may talk to it: the socket is the daemon's whole authority.
    static func restrict(_ path: String) throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    static func remove(_ path: String) {
        if (try? FileManager.default.attributesOfItem(atPath: path)[.type]) as? FileAttributeType == .typeSocket {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
