internal import Diagnostics
internal import Foundation

/// Finds the daemon's socket as DESIGN.md says: `--socket`, else `$SPARKD_SOCKET`, else the
/// configuration's `socket:` (or `<state_dir>/sparkd.sock`), else `/var/lib/sparkd/sparkd.sock`.
///
/// The configuration is read by ``TopLevelScalars``, not by the daemon's `ConfigurationLoader`:
/// sparkctl must not link the daemon stack, and it needs only two top-level keys.
enum SocketLocation {
    static let defaultConfig = "/etc/sparkd/sparkd.yml"
    static let defaultStateDirectory = "/var/lib/sparkd"
    static let socketName = "sparkd.sock"

    struct ConfigError: DiagnosticError {
        /// One code, `config`: the file `--config` names cannot be read.
        enum Code: String { case config }

        var code = Code.config
        var message: String
        var hint: String?
    }

    /// - Throws: ``ConfigError`` when `--config` names a file that cannot be read (the default
    ///   file may be missing).
    static func resolve(socket: String?, config: String?, environment: [String: String]) throws -> String {
        if let socket, !socket.isEmpty { return absolute(socket) }
        if let socket = environment["SPARKD_SOCKET"], !socket.isEmpty { return absolute(socket) }
        let file = config ?? defaultConfig
        guard let data = FileManager.default.contents(atPath: file) else {
            if config != nil {
                throw ConfigError(
                    message: "cannot read the configuration '\(file)'",
                    hint: "pass the file sparkd runs with (--config), or the socket itself with --socket PATH")
            }
            return defaultStateDirectory + "/" + socketName
        }
        let values = TopLevelScalars.read(String(decoding: data, as: UTF8.self), keys: ["socket", "state_dir"])
        if let socket = values["socket"], !socket.isEmpty { return socket }
        return (values["state_dir"] ?? defaultStateDirectory) + "/" + socketName
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
