internal import ControlAPI
internal import Foundation

/// The socket file's life around the server: its directory (0700 when sparkd makes it), a stale
/// file from a killed daemon removed, a live daemon's never touched, and mode 0600 once bound.
enum ControlSocketFile {
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
        } catch where error.code == .noDaemon {
            // Left by a daemon that died: nothing listens, so it is safe to replace.
            try? files.removeItem(atPath: path)
            return
        } catch where error.code == .permissionDenied {
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
